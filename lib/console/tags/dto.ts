// A tag as the console shows and edits it, in either service (ssm-incidents' TagMap entries,
// ssm-contacts' Key/Value pairs). Client-safe.
export type Tag = { key: string; value: string };
