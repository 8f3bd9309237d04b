import { toCard, toCardTransaction, toChangeEvent, toSourceParty } from './cardsMapping';
import type { WireCard, WireCardholder } from './cardsWireSchemas';
import { containsUnmaskedPan } from './panMask';

const cardholder: WireCardholder = {
  object: 'cardholder',
  id: 'CH00000001',
  name_on_card: 'SMITH/JANE',
  birth_date: '1980-02-29',
  email: 'jane@example.test',
  phone_number: '07700 900123',
  billing_address: { line1: '1 High St', line2: null, city: 'Leeds', postal_code: 'LS1 1AA', country: 'GB' },
  updated_at: '2026-10-01T09:00:00.000Z',
};

const card: WireCard = {
  object: 'card',
  id: 'CRD000000010',
  cardholder_id: 'CH00000001',
  pan: '4111111111111234',
  last4: '1234',
  product: 'VISA GOLD',
  currency: 'GBP',
  credit_limit: 500000,
  current_balance: -1250,
  status: 'blocked',
  exp_month: 3,
  exp_year: 2029,
};

describe('toSourceParty', () => {
  it('maps a cardholder, splitting the track-1 name', () => {
    expect(toSourceParty(cardholder)).toEqual({
      system: 'CARDS',
      localId: 'CH00000001',
      givenName: 'JANE',
      familyName: 'SMITH',
      rawName: 'SMITH/JANE',
      birthDate: '1980-02-29',
      nationalId: null,
      phones: ['07700 900123'],
      emails: ['jane@example.test'],
      address: { line1: '1 High St', line2: null, city: 'Leeds', postalCode: 'LS1 1AA', country: 'GB' },
      changedAt: '2026-10-01T09:00:00.000Z',
    });
  });

  it('turns what the system does not hold into null or empty lists, never empty strings', () => {
    const party = toSourceParty({
      ...cardholder,
      name_on_card: '',
      email: ' ',
      phone_number: null,
      billing_address: { line1: '', line2: null, city: null, postal_code: null, country: null },
    });
    expect(party).toMatchObject({ rawName: null, givenName: null, familyName: null, emails: [], phones: [], address: null });
  });
});

describe('toCard', () => {
  it('maps money as minor units with the currency, status and expiry', () => {
    expect(toCard(card)).toEqual({
      cardId: 'CRD000000010',
      cardholderId: 'CH00000001',
      maskedPan: '411111******1234',
      product: 'VISA GOLD',
      creditLimit: { amountMinor: 500000, currency: 'GBP' },
      balance: { amountMinor: -1250, currency: 'GBP' },
      status: 'BLOCKED',
      expiry: '2029-03',
    });
  });

  it('masks the full PAN the processor sends, and any PAN-like run in free text', () => {
    const mapped = toCard({ ...card, pan: '4111111111111234', product: 'GOLD 4111 1111 1111 1234' });
    expect(mapped.maskedPan).toBe('411111******1234');
    expect(mapped.product).toBe('GOLD 411111******1234');
    expect(JSON.stringify(mapped)).not.toContain('4111111111111234');
    expect(containsUnmaskedPan(JSON.stringify(mapped))).toBe(false);
  });

  it.each([
    ['a 19-digit PAN', '6011000990139424123', '601100*********4123'],
    ['a 13-digit PAN', '4222222222222', '422222***2222'],
    ['a PAN grouped with spaces', '5555 5555 5555 4444', '555555******4444'],
    ['a value already masked upstream', '555555******4444', '555555******4444'],
    ['an odd format: only the last 4 digits survive', '5555-55XX-XXXX-4444', '************4444'],
  ])('masks %s', (_case, pan, expected) => {
    expect(toCard({ ...card, pan }).maskedPan).toBe(expected);
  });
});

describe('toCardTransaction and toChangeEvent', () => {
  it('maps a transaction, masking a PAN in the merchant text', () => {
    expect(
      toCardTransaction({
        object: 'card_transaction',
        id: 'T1',
        card_id: 'CRD000000010',
        posted_at: '2026-01-01T00:00:00.000Z',
        amount: -499,
        currency: 'GBP',
        merchant: { name: 'REFUND 4111111111111234' },
      }),
    ).toEqual({
      id: 'T1',
      cardId: 'CRD000000010',
      postedAt: '2026-01-01T00:00:00.000Z',
      amount: { amountMinor: -499, currency: 'GBP' },
      merchant: 'REFUND 411111******1234',
    });
  });

  it('maps a change event', () => {
    expect(
      toChangeEvent({ object: 'event', type: 'party.updated', entity: 'party', local_id: 'CH00000001', created_at: '2026-01-01T00:00:00.000Z' }),
    ).toEqual({ system: 'CARDS', entity: 'party', localId: 'CH00000001', changedAt: '2026-01-01T00:00:00.000Z' });
  });
});
