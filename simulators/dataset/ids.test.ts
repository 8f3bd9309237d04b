import {
  accountNumberFor,
  advisorIdFor,
  cardIdFor,
  cardholderIdFor,
  cifFor,
  contactIdFor,
  mobileFor,
  nationalIdFor,
  orderIdFor,
  partnerIdFor,
} from './ids';

describe('ids', () => {
  it('have the documented formats', () => {
    expect(cifFor(12, 0)).toMatch(/^\d{10}$/);
    expect(cardholderIdFor(12, 1)).toMatch(/^CH\d{8}$/);
    expect(partnerIdFor(12, 0)).toMatch(/^1\d{9}$/);
    expect(contactIdFor(12, 0)).toMatch(/^C\d{9}$/);
    expect(advisorIdFor(0)).toBe('A1000');
    expect(advisorIdFor(8999)).toBe('A9999');
    expect(accountNumberFor(12, 0, 3)).toMatch(/^\d{12}$/);
    expect(orderIdFor(12, 1, 7)).toMatch(/^\d{10}$/);
    expect(cardIdFor(12, 0, 2)).toMatch(/^CRD\d{9}$/);
    expect(mobileFor(12)).toMatch(/^\+447[4-8]\d{8}$/);
    expect(nationalIdFor(12)).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
  });

  it('are unique within a family', () => {
    const persons = 5_000;
    const families: Record<string, Set<string>> = {};
    const add = (family: string, id: string) => (families[family] ??= new Set()).add(id);
    for (let p = 0; p < persons; p++) {
      add('mobile', mobileFor(p));
      add('nino', nationalIdFor(p));
      for (const dup of [0, 1]) {
        add('cif', cifFor(p, dup));
        add('ch', cardholderIdFor(p, dup));
        add('bp', partnerIdFor(p, dup));
        add('c', contactIdFor(p, dup));
        for (let k = 0; k < 4; k++) {
          add('acct', accountNumberFor(p, dup, k));
          add('card', cardIdFor(p, dup, k));
        }
        for (let k = 0; k < 8; k++) add('order', orderIdFor(p, dup, k));
      }
    }
    expect(families.mobile.size).toBe(persons);
    expect(families.nino.size).toBe(persons);
    for (const f of ['cif', 'ch', 'bp', 'c']) expect(families[f].size).toBe(persons * 2);
    expect(families.acct.size).toBe(persons * 8);
    expect(families.card.size).toBe(persons * 8);
    expect(families.order.size).toBe(persons * 16);
  });

  it('rejects numbers outside the id space', () => {
    expect(() => advisorIdFor(9000)).toThrow(RangeError);
    expect(() => cifFor(-1, 0)).toThrow(RangeError);
  });
});
