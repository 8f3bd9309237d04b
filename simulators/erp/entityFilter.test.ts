import { ODataFilterError, parseODataFilter } from './odataFilterParser';
import { checkFilter, matchesFilter, type FilterableProperties } from './entityFilter';

interface Row {
  id: string;
  email: string | null;
  changedMs: number;
}

const properties: FilterableProperties<Row> = {
  Id: { type: 'string', get: (r) => r.id },
  Email: { type: 'string', get: (r) => r.email },
  Changed: { type: 'datetime', get: (r) => r.changedMs },
};

const rows: Row[] = [
  { id: 'a', email: 'a@x.test', changedMs: Date.UTC(2026, 0, 1) },
  { id: 'b', email: null, changedMs: Date.UTC(2026, 5, 1) },
  { id: 'c', email: '', changedMs: Date.UTC(2026, 10, 1) },
];

function select(filter: string): string[] {
  const expression = parseODataFilter(filter);
  checkFilter(expression, properties);
  return rows.filter((row) => matchesFilter(row, expression, properties)).map((row) => row.id);
}

describe('entityFilter', () => {
  it('compares strings and date-times', () => {
    expect(select("Id eq 'b' or Id eq 'c'")).toEqual(['b', 'c']);
    expect(select("Id ne 'a' and Changed lt datetime'2026-07-01T00:00:00'")).toEqual(['b']);
    expect(select("Changed ge datetime'2026-06-01T00:00:00'")).toEqual(['b', 'c']);
    expect(select("Id gt 'a'")).toEqual(['b', 'c']);
  });

  it("treats null and SAP's empty string alike", () => {
    expect(select('Email eq null')).toEqual(['b', 'c']);
    expect(select('Email ne null')).toEqual(['a']);
    expect(select("Email ne 'a@x.test'")).toEqual(['b', 'c']);
  });

  it('refuses unknown properties, inherited names and mismatched literals', () => {
    for (const filter of ["Nope eq 'x'", "constructor eq 'x'", 'Id eq 1', "Changed gt 'yesterday'", 'Email gt null']) {
      expect(() => checkFilter(parseODataFilter(filter), properties)).toThrow(ODataFilterError);
    }
  });
});
