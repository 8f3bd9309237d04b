import { MatchInputError } from './matchErrors';
import { parsePartyLine, sourcePartyIssues } from './partyLines';

describe('parsePartyLine', () => {
  it('fills absent optional fields', () => {
    expect(parsePartyLine('{"system":"ERP","localId":"1","givenName":"Ann"}')).toEqual({
      system: 'ERP', localId: '1', givenName: 'Ann', familyName: null, rawName: null, birthDate: null, nationalId: null,
      phones: [], emails: [], address: null, changedAt: null,
    });
  });

  it('rejects invalid JSON with the line number and without the content', () => {
    try {
      parsePartyLine('{"givenName":"Secret Name"', 'parties.jsonl', 7);
      throw new Error('expected a MatchInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(MatchInputError);
      expect((error as MatchInputError).message).toBe('line is not valid JSON (parties.jsonl:7)');
      expect((error as MatchInputError).message).not.toContain('Secret');
    }
  });

  it('names the bad fields, not their values', () => {
    expect(() => parsePartyLine('{"system":"MAINFRAME","localId":"","phones":"Secret 0770"}', 'f', 2)).toThrow(
      'line is not a SourceParty (bad fields: system, localId, phones) (f:2)',
    );
  });

  it('checks the address fields', () => {
    expect(sourcePartyIssues({ system: 'ERP', localId: '1', address: { line1: 3 } })).toEqual(['address.line1']);
    expect(sourcePartyIssues([])).toEqual(['(line)']);
    expect(sourcePartyIssues({ system: 'ERP', localId: '1', address: null })).toEqual([]);
  });
});
