// Structured AWS members (chat channel, notification targets, tag maps, SSM parameters) are kept
// as JSON text in portable columns; these read them back.
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function fromJson<T>(text: string | null | undefined): T | undefined {
  if (text === null || text === undefined || text === "") return undefined;
  return JSON.parse(text) as T;
}
