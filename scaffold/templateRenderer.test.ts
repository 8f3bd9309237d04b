import { ScaffoldError } from './scaffoldErrors';
import { renderTemplate, renderTemplatePath } from './templateRenderer';

const values = { handle: 'loanBook', pascal: 'LoanBook', slug: 'loan-book', empty: '' };

describe('renderTemplate', () => {
  it.each([
    ['one placeholder', 'export function create{{pascal}}Adapter() {}', 'export function createLoanBookAdapter() {}'],
    ['repeated placeholders and spaces inside braces', '{{handle}}/{{ handle }}/{{slug}}', 'loanBook/loanBook/loan-book'],
    ['an empty value', 'a{{empty}}b', 'ab'],
    ['no placeholder', 'const x = { a: 1 };', 'const x = { a: 1 };'],
    ['single braces and template literals untouched', 'const s = `${a}`; if (x) { y(); }', 'const s = `${a}`; if (x) { y(); }'],
    ['a value holding placeholder syntax is not rendered again', '{{pascal}}', 'LoanBook'],
  ])('%s', (_what, template, expected) => {
    expect(renderTemplate(template, values)).toBe(expected);
  });

  it('does not render placeholders inside values', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
  });

  it('refuses a placeholder without a value, naming the template and the placeholder', () => {
    expect(() => renderTemplate('x {{pascl}} y', values, 'adapter.ts.tmpl')).toThrow(new ScaffoldError('TEMPLATE_ERROR', 'adapter.ts.tmpl: no value for {{pascl}}'));
  });
});

describe('renderTemplatePath', () => {
  it.each([
    ['adapters/__slug__/__handle__Adapter.ts.tmpl', 'adapters/loan-book/loanBookAdapter.ts'],
    ['schema/__slug__.graphql.tmpl', 'schema/loan-book.graphql'],
    ['simulators/__slug__/PROTOCOL.md.tmpl', 'simulators/loan-book/PROTOCOL.md'],
  ])('%s -> %s', (template, expected) => {
    expect(renderTemplatePath(template, values)).toBe(expected);
  });

  it('refuses a file that is not a template, and an unknown segment', () => {
    expect(() => renderTemplatePath('adapters/x.ts', values)).toThrow(ScaffoldError);
    expect(() => renderTemplatePath('adapters/__slag__/x.ts.tmpl', values)).toThrow('no value for __slag__');
  });
});
