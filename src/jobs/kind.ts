/**
 * A kind of job and the payload it carries. Services schedule with it and the runner's handler for it
 * reads the same payload type, so changing the payload on one side only does not compile. The name is
 * what the `job.kind` column stores: never rename a kind that has rows.
 */
export interface JobKind<P> {
  readonly name: string;
  /** Type only, never set: ties the payload type to the kind. */
  readonly payloadType?: P;
}

export function jobKind<P>(name: string): JobKind<P> {
  if (!/^[a-z][a-z0-9_.-]*$/.test(name)) throw new Error(`invalid job kind ${JSON.stringify(name)}`);
  return Object.freeze({ name });
}
