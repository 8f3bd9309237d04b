import { z } from 'zod/v4';
import { nonEmptyChanges } from './nonEmptyChanges';

const changes = nonEmptyChanges(z.object({ city: z.string().min(1).optional(), zip: z.string().regex(/^\d{5}$/, 'expected 5 digits').optional() }).strict());
const problemsOf = (value: unknown) => {
  const parsed = changes.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'changes'}: ${i.message}`);
};

describe('nonEmptyChanges', () => {
  it.each([
    ['one valid field', { city: 'Brno' }, []],
    ['two valid fields', { city: 'Brno', zip: '60200' }, []],
    ['no field', {}, ['changes: changes must name at least one field']],
    // The bad field alone, not also "no field": its refusal must name what to fix.
    ['a bad field and nothing else', { zip: '6020' }, ['zip: expected 5 digits']],
    ['a bad field next to a good one', { city: 'Brno', zip: 'x' }, ['zip: expected 5 digits']],
    ['an unknown field only', { street: 'Main' }, ['changes: Unrecognized key: "street"']],
  ])('%s', (_, value, expected) => {
    expect(problemsOf(value)).toEqual(expected);
  });
});
