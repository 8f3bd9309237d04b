import { parse } from 'graphql';
import { resolveOperation } from '../operationResolution';
import { ANONYMOUS } from './principalOf';
import { auditOperationName } from './auditOperationName';

describe('auditOperationName', () => {
  // [document sent, operationName sent, name recorded] — written by hand.
  const cases: Array<[string, string | null, string]> = [
    ['query Customer360 { a }', null, 'Customer360'],
    ['{ a }', null, '(unnamed)'],
    ['query { a }', null, '(unnamed)'],
    ['mutation { b }', null, '(unnamed)'],
    ['mutation ConsoleScheduleCallback { b }', 'ConsoleScheduleCallback', 'ConsoleScheduleCallback'],
    ['query A { a } query B { a }', 'B', 'B'],
  ];
  it.each(cases)('%s (operationName %s) is recorded as %s', (document, operationName, expected) => {
    const recorded = auditOperationName(resolveOperation(parse(document), operationName).name?.value);
    expect(recorded).toBe(expected);
    // The word for callers without a token is never the word for an unnamed operation.
    expect(recorded).not.toBe(ANONYMOUS.subject);
    expect(recorded).not.toBe('anonymous');
  });

  it('records an empty or missing name as unnamed', () => {
    expect([auditOperationName(''), auditOperationName(null), auditOperationName(undefined)]).toEqual(['(unnamed)', '(unnamed)', '(unnamed)']);
  });
});
