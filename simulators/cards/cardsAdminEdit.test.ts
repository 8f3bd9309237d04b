import { parseCardsAdminEdit } from './cardsAdminEdit';

describe('parseCardsAdminEdit', () => {
  it('accepts a cardholder edit and a card edit', () => {
    expect(parseCardsAdminEdit({ cardholderId: 'CH00000001', changes: { email: 'a@example.test', city: null } })).toEqual({
      ok: true,
      edit: { cardholderId: 'CH00000001', changes: { email: 'a@example.test', city: null } },
    });
    expect(parseCardsAdminEdit({ cardId: 'CRD000000010', changes: { status: 'BLOCKED', balanceMinor: -5 } }).ok).toBe(true);
  });

  it('names the offending field', () => {
    expect(parseCardsAdminEdit({ cardholderId: 'CH00000001', changes: { nameOnCard: 'smith/jane' } })).toEqual({
      ok: false,
      problems: ['changes.nameOnCard: expected SURNAME/GIVEN in upper case'],
    });
    expect(parseCardsAdminEdit({ cardId: 'CRD1', changes: { status: 'ACTIVE' } })).toEqual({ ok: false, problems: ['cardId: expected CRD + 9 digits'] });
  });

  it('refuses unknown fields, empty changes, floats for money and non-objects', () => {
    expect(parseCardsAdminEdit({ cardholderId: 'CH00000001', changes: { shoeSize: 9 } }).ok).toBe(false);
    expect(parseCardsAdminEdit({ cardholderId: 'CH00000001', changes: {} }).ok).toBe(false);
    expect(parseCardsAdminEdit({ cardId: 'CRD000000010', changes: { limitMinor: 10.5 } }).ok).toBe(false);
    expect(parseCardsAdminEdit(undefined).ok).toBe(false);
    expect(parseCardsAdminEdit([1, 2]).ok).toBe(false);
  });
});
