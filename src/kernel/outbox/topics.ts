import type { Static, TObject } from '@sinclair/typebox';
import type { ValidateFunction } from 'ajv';
import { compileDataValidator } from '../http/validation.js';

/**
 * An event topic: its name and the schema of its payload. The publishing center defines its topics
 * in its `events.ts` and exports them from its `index.ts`; subscribers get the payload typed, and
 * the outbox checks every payload against the schema when it is published (a payload that does not
 * fit is a programming error: the writing transaction fails rather than store it). The check knows
 * the platform's formats (region codes, months, identity numbers), as request validation does.
 */
export interface Topic<S extends TObject = TObject> {
  readonly name: string;
  readonly schema: S;
  /** checks a payload; throws naming the topic and the first misfit */
  assert(payload: unknown): asserts payload is Static<S>;
}

export type PayloadOf<T extends Topic> = Static<T['schema']>;

export function defineTopic<S extends TObject>(name: string, schema: S): Topic<S> {
  let check: ValidateFunction | undefined;
  return {
    name,
    schema,
    assert(payload) {
      check ??= compileDataValidator(schema);
      if (check(payload)) return;
      const first = check.errors?.[0];
      throw new Error(`event payload of ${name} does not fit its schema: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'}`);
    },
  };
}
