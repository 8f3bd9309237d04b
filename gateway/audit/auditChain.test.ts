import { checkLink, GENESIS_HASH, linkHash, type AuditLink } from './auditChain';

// sha256("000…0\n1\n{\"a\":1}") computed with coreutils' sha256sum, not with the code under test.
const FIRST_HASH = '58a8b64ede0a31c39c4c0afb728c913a6b777e6ee987ceea8e4264a089470621';

function event(second: number, customerIds: string[]): string {
  return JSON.stringify({ kind: 'ACCESS', at: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(), subject: 's', customerIds });
}

/** A sound chain of three links, built by hand from linkHash. */
function chain(): AuditLink[] {
  const links: AuditLink[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq += 1) {
    const text = event(seq, [`cust_${'A'.repeat(seq + 3)}`]);
    const hash = linkHash(prev, seq, text);
    links.push({ seq, at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)), customerIds: [`cust_${'A'.repeat(seq + 3)}`], event: text, prevHash: prev, hash });
    prev = hash;
  }
  return links;
}

function firstBroken(links: AuditLink[]): { seq: number; problem: string } | null {
  let previous: { seq: number; hash: string } | null = null;
  for (const link of links) {
    const broken = checkLink(link, previous);
    if (broken) return broken;
    previous = { seq: link.seq, hash: link.hash };
  }
  return null;
}

describe('audit chain', () => {
  it('hashes a link as sha256(prev_hash \\n seq \\n event)', () => {
    expect(linkHash(GENESIS_HASH, 1, '{"a":1}')).toBe(FIRST_HASH);
  });

  it('accepts a sound chain', () => {
    expect(firstBroken(chain())).toBeNull();
  });

  // Each tampering an attacker with write access to the table could try, and where it shows.
  const attacks: Array<[string, (links: AuditLink[]) => AuditLink[], number, RegExp]> = [
    ['the event text edited in place', (l) => (l[1].event = l[1].event.replace('"s"', '"x"'), l), 2, /hash does not match/],
    ['the event edited and its own hash recomputed', (l) => ((l[1].event = l[1].event.replace('"s"', '"x"')), (l[1].hash = linkHash(l[1].prevHash, 2, l[1].event)), l), 3, /prev_hash/],
    ['a link in the middle deleted', (l) => [l[0], l[2]], 3, /missing/],
    ['two links swapped', (l) => [l[0], l[2], l[1]], 3, /expected link 2/],
    ['the first link deleted', (l) => l.slice(1), 2, /expected link 1/],
    ['the time column moved (hides the event from a window query)', (l) => ((l[0].at = new Date(0)), l), 1, /at column/],
    ['the customer column changed (hides the event from a customer query)', (l) => ((l[2].customerIds = ['cust_OTHER000']), l), 3, /customer_ids/],
    ['a forged link appended with a wrong back-pointer', (l) => [...l, { ...l[2], seq: 4, prevHash: GENESIS_HASH, hash: linkHash(GENESIS_HASH, 4, l[2].event) }], 4, /prev_hash/],
    ['the event replaced by text that is not JSON, hash recomputed', (l) => ((l[0].event = 'garbage'), (l[0].hash = linkHash(GENESIS_HASH, 1, 'garbage')), l), 1, /not JSON/],
  ];

  it.each(attacks)('names the first broken link when %s', (_name, tamper, seq, problem) => {
    const broken = firstBroken(tamper(chain()));
    expect(broken).toEqual({ seq, problem: expect.stringMatching(problem) });
  });
});
