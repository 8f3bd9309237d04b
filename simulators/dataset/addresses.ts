/**
 * UK-style postal addresses: house number and street, an optional flat, a town and a postcode
 * whose area letters belong to that town (so a matcher comparing postcodes and towns sees
 * consistent pairs).
 */
import type { TrueAddress } from './records';
import type { Random } from './random';

const STREETS: readonly string[] = [
  'High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Victoria Road', 'Green Lane',
  'Manor Road', 'Church Street', 'Mill Lane', 'Kings Road', 'Queens Road', 'New Road',
  'Grange Road', 'The Crescent', 'Oak Close', 'Elm Grove', 'Willow Way', 'Chestnut Drive',
  'Beech Avenue', 'Castle Street', 'Albert Road', 'York Road', 'Springfield Road', 'North Street',
  'South Street', 'London Road', 'Windsor Close', 'Meadow View', 'Orchard Way', 'St John’s Road',
];

/** Town and the postcode areas it sits in. */
const TOWNS: readonly (readonly [string, readonly string[]])[] = [
  ['London', ['E', 'N', 'SE', 'SW', 'W', 'NW']],
  ['Manchester', ['M']],
  ['Birmingham', ['B']],
  ['Leeds', ['LS']],
  ['Glasgow', ['G']],
  ['Edinburgh', ['EH']],
  ['Bristol', ['BS']],
  ['Liverpool', ['L']],
  ['Cardiff', ['CF']],
  ['Belfast', ['BT']],
  ['Newcastle upon Tyne', ['NE']],
  ['Sheffield', ['S']],
  ['Nottingham', ['NG']],
  ['Leicester', ['LE']],
  ['Brighton', ['BN']],
  ['Oxford', ['OX']],
  ['Cambridge', ['CB']],
  ['York', ['YO']],
  ['Aberdeen', ['AB']],
  ['Norwich', ['NR']],
];

/** Letters allowed in the inward unit of a UK postcode (no C, I, K, M, O, V). */
const UNIT_LETTERS: readonly string[] = [...'ABDEFGHJLNPQRSTUWXYZ'];

export function postcodeFor(area: string, rng: Random): string {
  const district = rng.int(1, area.length === 1 ? 20 : 30);
  return `${area}${district} ${rng.int(0, 9)}${rng.pick(UNIT_LETTERS)}${rng.pick(UNIT_LETTERS)}`;
}

export function generateAddress(rng: Random): TrueAddress {
  const [city, areas] = rng.pick(TOWNS);
  return {
    line1: `${rng.int(1, 240)} ${rng.pick(STREETS)}`,
    line2: rng.chance(0.15) ? `Flat ${rng.int(1, 40)}` : null,
    city,
    postalCode: postcodeFor(rng.pick(areas), rng),
    country: 'GB',
  };
}

/** ERP keeps street and house number apart: `12 Station Road` -> ['Station Road', '12']. */
export function splitHouseNumber(line1: string): { street: string; houseNumber: string | null } {
  const m = /^(\d+[A-Za-z]?)\s+(.+)$/.exec(line1);
  return m ? { street: m[2], houseNumber: m[1] } : { street: line1, houseNumber: null };
}
