import { parse } from 'graphql';
import { OperationNotResolvedError, resolveOperation } from './operationResolution';

const ONE = parse('query Only { a }');
const TWO = parse('query First { a } mutation Second { b }');
const ANONYMOUS = parse('{ a }');

describe('resolveOperation', () => {
  it.each([
    ['no name, one operation', ONE, undefined, 'Only'],
    ['null name, one operation', ONE, null, 'Only'],
    ['the name of the only operation', ONE, 'Only', 'Only'],
    ['a name among several', TWO, 'Second', 'Second'],
    ['an unnamed single operation', ANONYMOUS, undefined, undefined],
  ])('resolves %s', (_case, document, name, expected) => {
    expect(resolveOperation(document, name).name?.value).toBe(expected);
  });

  it.each([
    ['an empty name (the "operationName": "" bypass)', ONE, '', /must not be empty/],
    ['an empty name with an unnamed operation', ANONYMOUS, '', /must not be empty/],
    ['an unknown name', ONE, 'Other', /no operation named "Other"/],
    ['a name for an unnamed operation', ANONYMOUS, 'Only', /no operation named "Only"/],
    ['several operations and no name', TWO, undefined, /several operations/],
    ['several operations and a null name', TWO, null, /several operations/],
    ['a fragment-only document', parse('fragment F on Q { a }'), undefined, /no operation/],
    ['a name twice in the document', parse('query Same { a } query Same { b }'), 'Same', /no operation named "Same"/],
    ['a very long unknown name, cut in the message', ONE, 'x'.repeat(500), /^The document has no operation named "x{64}"$/],
  ])('refuses %s', (_case, document, name, message) => {
    expect(() => resolveOperation(document, name)).toThrow(OperationNotResolvedError);
    expect(() => resolveOperation(document, name)).toThrow(message);
  });
});
