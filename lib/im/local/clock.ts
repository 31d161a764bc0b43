// Time for the local model comes from a clock that tests can replace, so they advance time
// instead of sleeping (the engagement engine depends on it).
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  #t: number;
  constructor(start: Date | number = Date.now()) {
    this.#t = typeof start === "number" ? start : start.getTime();
  }
  now() {
    return new Date(this.#t);
  }
  advance(ms: number) {
    this.#t += ms;
  }
  set(t: Date) {
    this.#t = t.getTime();
  }
}
