/**
 * Properties of a generated population (2000 persons, default noise): coverage, the truth's
 * crosswalk, id formats, no PAN, duplicates, and the "reliable identifier" guarantee that keeps
 * the default noise matchable.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advisorCountFor } from './advisors';
import { loadDataset } from './loadDataset';
import type { Dataset } from './loadDataset';
import { DATASET_FILES } from './records';
import type { TruePerson } from './records';
import { AS_OF_MS, DAY_MS } from './timeline';
import { writeDataset } from './writeDataset';

const PERSONS = 2000;
let dir: string;
let ds: Dataset;
let byPerson: Map<string, TruePerson>;

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('44') ? `+${digits}` : `+44${digits.slice(1)}`;
}

/** personId of every source key, built from the truth. */
function ownerIndex(pick: (p: TruePerson) => string[]): Map<string, string> {
  const owners = new Map<string, string>();
  let keys = 0;
  for (const p of ds.truth) {
    for (const key of pick(p)) {
      keys++;
      owners.set(key, p.personId);
    }
  }
  expect(owners.size).toBe(keys); // every key belongs to exactly one person
  return owners;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dataset-invariants-'));
  await writeDataset({ seed: 42, persons: PERSONS, noise: 'default', out: dir });
  ds = await loadDataset(dir);
  byPerson = new Map(ds.truth.map((p) => [p.personId, p]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a generated population', () => {
  it('records what it wrote in the manifest', () => {
    expect(ds.manifest).toMatchObject({ seed: 42, persons: PERSONS, noise: 'default', asOf: '2026-11-01T00:00:00.000Z' });
    expect(ds.manifest.counts).toEqual({
      truth: ds.truth.length,
      coreBanking: ds.coreBanking.length,
      cards: ds.cards.length,
      erp: ds.erp.length,
      callCenter: ds.callCenter.length,
      mortgages: ds.mortgages.length,
      advisors: ds.advisors.length,
    });
    expect(ds.truth).toHaveLength(PERSONS);
  });

  it('covers every person in core banking and roughly 60% / 25% / 50% in cards, ERP and call center', () => {
    const share = (pick: (p: TruePerson) => string[]) => ds.truth.filter((p) => pick(p).length > 0).length / PERSONS;
    expect(share((p) => p.keys.cifs)).toBe(1);
    expect(share((p) => p.keys.cardholderIds)).toBeGreaterThan(0.55);
    expect(share((p) => p.keys.cardholderIds)).toBeLessThan(0.65);
    expect(share((p) => p.keys.partnerIds)).toBeGreaterThan(0.21);
    expect(share((p) => p.keys.partnerIds)).toBeLessThan(0.29);
    expect(share((p) => p.keys.contactIds)).toBeGreaterThan(0.45);
    expect(share((p) => p.keys.contactIds)).toBeLessThan(0.55);
  });

  it('gives about a fifth of the persons a mortgage, with joint loans between two persons (one loan, two borrowers)', () => {
    // P(a person borrows) = 1 - (1 - 0.1 joint household) * (1 - 0.12 own loan) = 0.208.
    const borrowing = ds.truth.filter((p) => p.keys.borrowerIds.length > 0).length / PERSONS;
    expect(borrowing).toBeGreaterThan(0.17);
    expect(borrowing).toBeLessThan(0.25);
    const owner = new Map(ds.truth.flatMap((p) => p.keys.borrowerIds.map((id) => [id, p.personId] as const)));
    const borrowers = new Set(ds.mortgages.map((b) => b.borrowerId));
    const loans = ds.mortgages.flatMap((b) => b.loans.map((loan) => ({ holder: b.borrowerId, loan })));
    const joint = loans.filter(({ loan }) => loan.borrowerIds.length === 2);
    // About 0.1 of the 1000 households.
    expect(joint.length).toBeGreaterThan(70);
    expect(joint.length).toBeLessThan(130);
    for (const { holder, loan } of loans) {
      expect(loan.borrowerIds[0]).toBe(holder);
      for (const id of loan.borrowerIds) expect(borrowers.has(id)).toBe(true);
      expect(new Set(loan.borrowerIds.map((id) => owner.get(id))).size).toBe(loan.borrowerIds.length);
    }
    expect(new Set(loans.map(({ loan }) => loan.loanId)).size).toBe(loans.length);
    // Every borrower record is a borrower of some loan.
    const named = new Set(loans.flatMap(({ loan }) => loan.borrowerIds));
    expect([...borrowers].filter((id) => !named.has(id))).toEqual([]);
  });

  it('links every truth key to an existing record and every record to exactly one person', () => {
    const systems = [
      { owners: ownerIndex((p) => p.keys.cifs), ids: ds.coreBanking.map((r) => r.cif) },
      { owners: ownerIndex((p) => p.keys.cardholderIds), ids: ds.cards.map((r) => r.cardholderId) },
      { owners: ownerIndex((p) => p.keys.partnerIds), ids: ds.erp.map((r) => r.partnerId) },
      { owners: ownerIndex((p) => p.keys.contactIds), ids: ds.callCenter.map((r) => r.contactId) },
    ];
    for (const { owners, ids } of systems) {
      expect(new Set(ids).size).toBe(ids.length); // unique within the system
      expect(ids.every((id) => owners.has(id))).toBe(true);
      expect(owners.size).toBe(ids.length);
    }
  });

  it('uses the documented id formats', () => {
    expect(ds.coreBanking.every((r) => /^\d{10}$/.test(r.cif))).toBe(true);
    expect(ds.cards.every((r) => /^CH\d{8}$/.test(r.cardholderId))).toBe(true);
    expect(ds.erp.every((r) => /^1\d{9}$/.test(r.partnerId))).toBe(true);
    expect(ds.callCenter.every((r) => /^C\d{9}$/.test(r.contactId))).toBe(true);
    expect(ds.advisors.every((r) => /^A\d{4}$/.test(r.advisorId))).toBe(true);
    const accounts = ds.coreBanking.flatMap((r) => r.accounts.map((a) => a.accountNumber));
    expect(accounts.every((a) => /^\d{12}$/.test(a))).toBe(true);
    expect(new Set(accounts).size).toBe(accounts.length);
    const orders = ds.erp.flatMap((r) => r.orders.map((o) => o.orderId));
    expect(orders.every((o) => /^\d{10}$/.test(o))).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('writes track-1 names on cards and full, Luhn-valid 16-digit PANs on card-network test prefixes', () => {
    const testBins = ['400000', '555555', '424242', '222300', '401288'];
    const bad: string[] = [];
    for (const holder of ds.cards) {
      if (!/^[A-Z -]+\/[A-Z -]*$/.test(holder.nameOnCard) || holder.nameOnCard.length > 26) bad.push(holder.cardholderId);
      for (const card of holder.cards) {
        if (!/^\d{16}$/.test(card.pan) || !luhnValid(card.pan) || !testBins.includes(card.pan.slice(0, 6))) bad.push(card.cardId);
      }
    }
    expect(bad).toEqual([]);
  });

  it('holds Luhn-valid 13-19 digit runs only in the card records\' pan field', async () => {
    const found: string[] = [];
    for (const file of Object.values(DATASET_FILES)) {
      // The processor's own card numbers are the one place a PAN belongs; anything else is a leak.
      const text = (await readFile(join(dir, file), 'utf8')).replace(/"pan":"\d{16}"/g, '"pan":""');
      // Digit runs, also across single spaces or dashes the way PANs are often printed.
      for (const match of text.matchAll(/\d(?:[ -]?\d){12,}/g)) {
        const digits = match[0].replace(/\D/g, '');
        for (let len = 13; len <= Math.min(19, digits.length); len++) {
          for (let start = 0; start + len <= digits.length; start++) {
            if (luhnValid(digits.slice(start, start + len))) found.push(`${file}: Luhn-valid ${len}-digit run`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('duplicates about 2% of the records inside each system', () => {
    const persons = ds.truth.reduce((n, p) => n + [p.keys.cifs, p.keys.cardholderIds, p.keys.partnerIds, p.keys.contactIds].filter((k) => k.length > 0).length, 0);
    const duplicates = ds.truth.reduce((n, p) => n + [p.keys.cifs, p.keys.cardholderIds, p.keys.partnerIds, p.keys.contactIds].reduce((m, k) => m + Math.max(0, k.length - 1), 0), 0);
    expect(duplicates / persons).toBeGreaterThan(0.01);
    expect(duplicates / persons).toBeLessThan(0.03);
  });

  it('keeps a reliable identifier on every record (default noise)', () => {
    const bad: string[] = [];
    const cifOwner = ownerIndex((p) => p.keys.cifs);
    for (const r of ds.coreBanking) {
      const p = byPerson.get(cifOwner.get(r.cif) as string) as TruePerson;
      if (r.nationalId !== p.nationalId || r.birthDate !== p.birthDate) bad.push(r.cif);
    }
    const anchored = (owner: TruePerson, email: string | null, phone: string | null): boolean =>
      (email !== null && email.toLowerCase() === owner.email) || (phone !== null && normalisePhone(phone) === owner.mobilePhone);
    const check = (owners: Map<string, string>, records: { id: string; email: string | null; phone: string | null }[]) => {
      for (const r of records) if (!anchored(byPerson.get(owners.get(r.id) as string) as TruePerson, r.email, r.phone)) bad.push(r.id);
    };
    check(ownerIndex((p) => p.keys.cardholderIds), ds.cards.map((r) => ({ id: r.cardholderId, email: r.email, phone: r.phone })));
    check(ownerIndex((p) => p.keys.partnerIds), ds.erp.map((r) => ({ id: r.partnerId, email: r.email, phone: r.phone })));
    check(ownerIndex((p) => p.keys.contactIds), ds.callCenter.map((r) => ({ id: r.contactId, email: r.email, phone: r.phone })));
    for (const r of ds.callCenter) if (!r.phone || r.firstName === null || r.lastName === null) bad.push(r.contactId);
    expect(bad).toEqual([]);
  });

  it('gives the current email and address to the most recently changed record', () => {
    interface Seen { changedAt: string; email: string | null; postalCode: string | null; holdsAddress: boolean }
    const recordsOf = new Map<string, Seen[]>();
    const add = (owners: Map<string, string>, id: string, seen: Seen) => {
      const personId = owners.get(id) as string;
      const list = recordsOf.get(personId);
      if (list) list.push(seen);
      else recordsOf.set(personId, [seen]);
    };
    const cifOwner = ownerIndex((p) => p.keys.cifs);
    for (const r of ds.coreBanking) add(cifOwner, r.cif, { changedAt: r.changedAt, email: r.email, postalCode: r.postalCode, holdsAddress: true });
    const chOwner = ownerIndex((p) => p.keys.cardholderIds);
    for (const r of ds.cards) add(chOwner, r.cardholderId, { changedAt: r.changedAt, email: r.email, postalCode: r.postalCode, holdsAddress: true });
    const bpOwner = ownerIndex((p) => p.keys.partnerIds);
    for (const r of ds.erp) add(bpOwner, r.partnerId, { changedAt: r.changedAt, email: r.email, postalCode: r.postalCode, holdsAddress: true });
    const cOwner = ownerIndex((p) => p.keys.contactIds);
    for (const r of ds.callCenter) add(cOwner, r.contactId, { changedAt: r.changedAt, email: r.email, postalCode: null, holdsAddress: false });

    const bad: string[] = [];
    let staleSeen = 0;
    for (const [personId, seen] of recordsOf) {
      const p = byPerson.get(personId) as TruePerson;
      const newest = [...seen].sort((a, b) => (a.changedAt < b.changedAt ? 1 : -1));
      if (newest[0].email?.toLowerCase() !== p.email) bad.push(`${personId} email`);
      const newestWithAddress = newest.find((s) => s.holdsAddress) as Seen;
      if (newestWithAddress.postalCode !== p.address.postalCode) bad.push(`${personId} address`);
      staleSeen += seen.filter((s) => (s.email !== null && s.email.toLowerCase() !== p.email) || (s.postalCode !== null && s.postalCode !== p.address.postalCode)).length;
    }
    expect(bad).toEqual([]);
    // About 10% of the persons holding two or more records have one out-of-date record.
    expect(staleSeen).toBeGreaterThan(PERSONS * 0.03);
  });

  it('applies name noise to some records but keeps most names as in the truth', () => {
    const cifOwner = ownerIndex((p) => p.keys.cifs);
    const exact = ds.coreBanking.filter((r) => {
      const p = byPerson.get(cifOwner.get(r.cif) as string) as TruePerson;
      return r.givenName === p.givenName && r.familyName === p.familyName;
    }).length;
    expect(exact / ds.coreBanking.length).toBeGreaterThan(0.6);
    expect(exact / ds.coreBanking.length).toBeLessThan(0.98);
  });

  it('keeps domain data consistent: loans owe, cards and slots sit in their windows', () => {
    const bad: string[] = [];
    for (const r of ds.coreBanking) {
      for (const a of r.accounts) {
        if (a.currency !== 'GBP') bad.push(`${a.accountNumber} currency`);
        if (a.type === 'LOAN' && a.status === 'OPEN' && a.balanceMinor >= 0) bad.push(`${a.accountNumber} loan balance`);
        if (a.status === 'OPEN' && (a.transactions.length < 3 || a.transactions.length > 6)) bad.push(`${a.accountNumber} transactions`);
      }
    }
    for (const h of ds.cards) {
      for (const c of h.cards) {
        if (c.balanceMinor > c.limitMinor) bad.push(`${c.cardId} over limit`);
        for (const t of c.transactions) {
          const at = Date.parse(t.postedAt);
          if (at >= AS_OF_MS || at < AS_OF_MS - 90 * DAY_MS) bad.push(`${t.txnId} outside 90 days`);
        }
      }
    }
    for (const r of ds.erp) for (const o of r.orders) if (o.deliveryStatus === 'A' && o.billingStatus !== 'A') bad.push(`${o.orderId} billed before delivery`);
    expect(ds.advisors).toHaveLength(advisorCountFor(PERSONS));
    const advisorIds = new Set(ds.advisors.map((a) => a.advisorId));
    for (const c of ds.callCenter) if (c.advisorId !== null && !advisorIds.has(c.advisorId)) bad.push(`${c.contactId} advisor`);
    for (const a of ds.advisors) {
      if (a.slots.length === 0) bad.push(`${a.advisorId} no slots`);
      for (const s of a.slots) {
        const start = new Date(s.start);
        const offset = start.getTime() - AS_OF_MS;
        const hour = start.getUTCHours();
        if (offset < 0 || offset >= 30 * DAY_MS) bad.push(`${s.slotId} outside 30 days`);
        if (Date.parse(s.end) - start.getTime() !== 30 * 60_000) bad.push(`${s.slotId} not 30 minutes`);
        if (hour < 9 || hour >= 17 || start.getUTCDay() === 0 || start.getUTCDay() === 6) bad.push(`${s.slotId} outside business hours`);
      }
    }
    expect(bad).toEqual([]);
  });
});
