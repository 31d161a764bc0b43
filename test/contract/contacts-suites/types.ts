import type { ContactsTarget } from "../contacts.contract";

/** A part of the ssm-contacts contract suite: call `await ensure()` in beforeAll, then use target(). */
export type ContactsSuiteContext = { target: () => ContactsTarget; ensure: () => Promise<ContactsTarget> };
export type ContactsSuite = (ctx: ContactsSuiteContext) => void;
