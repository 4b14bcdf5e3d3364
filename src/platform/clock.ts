/**
 * Time is a dependency: everything below `platform/` receives a Clock instead of reading the
 * system clock, so tests can step through hours in milliseconds.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests, replays). */
export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** ISO-8601 UTC text: the one representation of an instant in the store and the API. */
export function iso(d: Date): string {
  return d.toISOString();
}
