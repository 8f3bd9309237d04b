import { z } from 'zod/v4';

/**
 * An admin edit's `changes` object: refused when it names no field. The emptiness check runs
 * only on an object whose fields all parsed, so a refusal of a bad field is not followed by a
 * spurious "no field" (zod 4 runs refinements after non-fatal field issues; zod 3 did not).
 */
export function nonEmptyChanges<S extends z.ZodObject>(changes: S) {
  return changes.refine((c) => Object.keys(c).length > 0, {
    message: 'changes must name at least one field',
    when: (payload) => payload.issues.length === 0,
  });
}
