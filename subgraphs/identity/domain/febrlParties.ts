/**
 * FEBRL person records (the public record-linkage benchmark data sets, see
 * ../shared/datasets/febrl/README.md) -> canonical source parties and the truth, so the matcher
 * can be trained and evaluated on data the project did not generate.
 *
 * Mapping (one FEBRL record = one source party):
 * - the system is chosen round-robin by line (CORE_BANKING, CARDS, ERP, CALL_CENTER, ...), and
 *   the local id is made from the line number in that system's id format: the record's own
 *   `rec_id` carries the truth, so it is never shown to the matcher;
 * - given_name -> givenName, surname -> familyName, date_of_birth (YYYYMMDD) -> birthDate,
 *   soc_sec_id -> nationalId (left out with `withoutNationalId`);
 * - street_number + address_1 -> address.line1, address_2 (a building or locality name) ->
 *   line2, suburb -> city, postcode (4 digits) -> postalCode, country AU. The state has no field
 *   in the canonical address and is dropped (the postcode says more);
 * - no phones or emails (FEBRL has none); every field empty in the file is null.
 *
 * The truth is the `rec-N` part of rec_id: records with the same N are one person.
 */
import type { SourceParty, SourceSystem } from '../../../adapters/canonical';
import { systemEntry } from '../../../systems/registry';
import { MatchInputError } from './matchErrors';
import { noTruthKeys, type TruthPerson } from './pairwiseMetrics';

export const FEBRL_COLUMNS = ['rec_id', 'given_name', 'surname', 'street_number', 'address_1', 'address_2', 'suburb', 'postcode', 'state', 'date_of_birth', 'soc_sec_id'] as const;

const SYSTEMS: readonly SourceSystem[] = ['CORE_BANKING', 'CARDS', 'ERP', 'CALL_CENTER'];

/** A local id in the system's usual format, from the record's position in the file. */
function localIdFor(system: SourceSystem, n: number): string {
  switch (system) {
    case 'CORE_BANKING':
      return String(n).padStart(10, '0');
    case 'CARDS':
      return 'CH' + String(n).padStart(8, '0');
    case 'ERP':
      return '1' + String(n).padStart(9, '0');
    case 'CALL_CENTER':
      return 'C' + String(n).padStart(9, '0');
    default:
      // The evaluation deals over the four original systems only (SYSTEMS).
      throw new Error(`FEBRL records are not dealt to ${system}`);
  }
}

export interface FebrlRecord {
  party: SourceParty;
  /** The person (`rec-N`) the record belongs to. */
  personId: string;
}

export interface FebrlOptions {
  withoutNationalId?: boolean;
}

/** Parses one data line (0-based `index` among the data lines). Throws MatchInputError naming the line only. */
export function parseFebrlLine(line: string, index: number, options: FebrlOptions = {}, file?: string): FebrlRecord {
  const fields = line.split(',').map((f) => f.trim());
  if (fields.length !== FEBRL_COLUMNS.length) throw new MatchInputError(`line has ${fields.length} fields, FEBRL has ${FEBRL_COLUMNS.length}`, file, index + 2);
  const value = (column: (typeof FEBRL_COLUMNS)[number]): string | null => fields[FEBRL_COLUMNS.indexOf(column)] || null;
  const m = /^rec-(\d+)-(org|dup-\d+)$/.exec(value('rec_id') ?? '');
  if (!m) throw new MatchInputError('line has no rec_id of the form rec-N-org or rec-N-dup-K', file, index + 2);
  const system = SYSTEMS[index % SYSTEMS.length];
  const line1 = [value('street_number'), value('address_1')].filter((v) => v !== null).join(' ') || null;
  const hasAddress = line1 || value('address_2') || value('suburb') || value('postcode');
  return {
    personId: `rec-${m[1]}`,
    party: {
      system,
      localId: localIdFor(system, index + 1),
      givenName: value('given_name'),
      familyName: value('surname'),
      rawName: null,
      birthDate: value('date_of_birth'),
      nationalId: options.withoutNationalId ? null : value('soc_sec_id'),
      phones: [],
      emails: [],
      address: hasAddress ? { line1, line2: value('address_2'), city: value('suburb'), postalCode: value('postcode'), country: 'AU' } : null,
      changedAt: null,
    },
  };
}

/** Parses a whole FEBRL file: the parties and the truth (one TruthPerson per `rec-N`). */
export function parseFebrl(text: string, options: FebrlOptions = {}, file?: string): { parties: SourceParty[]; truth: TruthPerson[] } {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',').map((f) => f.trim());
  if (header.join() !== FEBRL_COLUMNS.join()) throw new MatchInputError(`header is not the FEBRL columns ${FEBRL_COLUMNS.join(', ')}`, file, 1);
  const parties: SourceParty[] = [];
  const persons = new Map<string, TruthPerson>();
  let index = 0;
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const record = parseFebrlLine(line, index++, options, file);
    parties.push(record.party);
    let person = persons.get(record.personId);
    if (!person) {
      person = { personId: record.personId, keys: noTruthKeys() };
      persons.set(record.personId, person);
    }
    person.keys[systemEntry(record.party.system).localKey.links].push(record.party.localId);
  }
  return { parties, truth: [...persons.values()] };
}
