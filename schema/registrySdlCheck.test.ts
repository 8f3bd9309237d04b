import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './composeSupergraph';
import { registrySdlProblems } from './registrySdlCheck';
import { SYSTEM_REGISTRY } from '../systems/registry';
import { SUBGRAPHS } from './subgraphList';

// The committed SDLs are the fixtures: each test breaks one in the way a hand edit would and
// expects the check to name it. (No list of systems here: a new system needs no new fixture.)
const sdlOf = (file: string) => readFileSync(path.join(__dirname, file), 'utf8');
// The registry's lists as the messages spell them, so the expectations hold whatever systems are
// registered after the four these cases break (the registry is the data here, not the check).
const listed = (pick: (s: (typeof SYSTEM_REGISTRY)[number]) => string, leave?: string) =>
  SYSTEM_REGISTRY.map(pick)
    .filter((value) => value !== leave)
    .join(', ');
const NAMES = listed((s) => s.name);

describe('the SDLs agree with the registry of source systems', () => {
  it.each(SUBGRAPHS.map((s) => [s.name, s.sdlFile]))('%s as committed', (name, file) => {
    expect(registrySdlProblems(name, file, sdlOf(file))).toEqual([]);
  });

  it('the shared types as committed', () => {
    expect(registrySdlProblems('shared', 'shared.graphql', sdlOf('shared.graphql'))).toEqual([]);
  });

  it('a SourceSystem enum missing a value', () => {
    const sdl = sdlOf('shared.graphql').replace(/\n\s*"Call center[^"]*"\s*\n\s*CALL_CENTER\n/, '\n');
    expect(sdl).not.toMatch(/\bCALL_CENTER\b/);
    expect(registrySdlProblems('shared', 'shared.graphql', sdl)).toEqual([
      `shared.graphql: enum SourceSystem lists ${listed((s) => s.name, 'CALL_CENTER')}; the registry has ${NAMES}`,
    ]);
  });

  it('a SourceSystem enum with an unregistered value, or in another order', () => {
    const extra = sdlOf('shared.graphql').replace(/(enum SourceSystem \{)/, '$1\n  "Pensions."\n  PENSIONS');
    expect(registrySdlProblems('shared', 'shared.graphql', extra)[0]).toMatch(/enum SourceSystem lists PENSIONS, CORE_BANKING/);
    const swapped = sdlOf('shared.graphql').replace(/\n(\s*"Card processor[^"]*"\s*\n\s*CARDS)\n(\s*"ERP[^"]*"\s*\n\s*ERP)\n/, '\n$2\n$1\n');
    expect(registrySdlProblems('shared', 'shared.graphql', swapped)).toEqual([
      `shared.graphql: enum SourceSystem lists ${NAMES.replace('CARDS, ERP', 'ERP, CARDS')}; the registry has ${NAMES}`,
    ]);
  });

  it('a value described otherwise than its registry entry', () => {
    const sdl = sdlOf('shared.graphql').replace('"ERP: business partners and sales orders."', '"ERP."');
    expect(registrySdlProblems('shared', 'shared.graphql', sdl)).toEqual([
      'shared.graphql: SourceSystem.ERP is not described as its registry entry says ("ERP: business partners and sales orders.")',
    ]);
  });

  it("identity's SourceLinks without a system's key", () => {
    const sdl = sdlOf('identity.graphql').replace(/\n\s*"Call-center contact ids[^"]*"\s*\n\s*contactIds: \[String!\]!\n/, '\n');
    expect(registrySdlProblems('identity', 'identity.graphql', sdl)).toEqual([
      `identity.graphql: SourceLinks holds ${listed((s) => s.localKey.links, 'contactIds')}; the registry has ${listed((s) => s.localKey.links)}`,
    ]);
  });

  it("a system's SDL declaring another system's key in SourceLinks", () => {
    const sdl = sdlOf('cards.graphql').replace('cardholderIds: [String!]! @external', 'cardholderIds: [String!]! @external\n  cifs: [String!]! @external');
    expect(registrySdlProblems('cards', 'cards.graphql', sdl)).toEqual(['cards.graphql: SourceLinks must hold only cardholderIds (its own key), not cardholderIds, cifs']);
  });

  it("a system's SDL without its registered record fields", () => {
    const sdl = sdlOf('erp.graphql').replace(/erpPartnerRecords:/g, 'partnerRecords:');
    expect(registrySdlProblems('erp', 'erp.graphql', sdl)).toEqual(['erp.graphql: Customer has no erpPartnerRecords (records in the registry entry of ERP)']);
  });

  it("profile neither declaring nor requiring a system's records", () => {
    const sdl = sdlOf('profile.graphql').replace('  callCenterRecords: [Party!] @external\n', '').replace(/ callCenterRecords \{[^}]*\{[^}]*\}[^}]*\}/, '');
    expect(registrySdlProblems('profile', 'profile.graphql', sdl)).toEqual([
      `profile.graphql: Customer's @external records are ${listed((s) => s.records.all, 'callCenterRecords')}; the registry has ${listed((s) => s.records.all)}`,
      'profile.graphql: Customer.profile does not @require callCenterRecords',
    ]);
  });

  it('composition fails on an SDL that disagrees, naming the check', () => {
    // erp's SDL read as identity's: its SourceLinks lacks the other systems' keys.
    const broken = SUBGRAPHS.map((s) => (s.name === 'erp' ? { ...s, name: 'identity' } : s));
    const result = composeSupergraph(__dirname, broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^SOURCE_SYSTEM_REGISTRY: erp\.graphql: SourceLinks holds partnerIds/);
  });
});
