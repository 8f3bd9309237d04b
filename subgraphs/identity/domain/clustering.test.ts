import { clusterRecords, type ClusterableRecord, type ClusteringStats } from './clustering';
import { LINK_NATIONAL_ID, LINK_STRONG, LINK_WEAK, LinkList } from './linkList';
import { DEFAULT_MATCH_CONFIG as config } from './matchConfig';

const rec = (nationalId: string | null = null, birthDate: string | null = null): ClusterableRecord => ({ nationalId, birthDate });
const links = (...list: Array<[number, number, number, number]>): LinkList => {
  const l = new LinkList();
  for (const [a, b, score, kind] of list) l.push(a, b, score, kind);
  return l;
};
const run = (records: ClusterableRecord[], l: LinkList, extra: Partial<{ always: Array<[number, number]>; never: Array<[number, number]>; maxClusterSize: number }> = {}) => {
  const stats: ClusteringStats = { merges: 0, refusedNationalId: 0, refusedBirthDate: 0, refusedSize: 0, refusedNeverMatch: 0, ignoredAlwaysMatch: 0 };
  const clusters = clusterRecords(
    { records, links: l, always: extra.always ?? [], never: extra.never ?? [], config: { ...config, maxClusterSize: extra.maxClusterSize ?? config.maxClusterSize } },
    stats,
  );
  return { clusters, stats };
};

describe('clusterRecords', () => {
  it('merges along strong links', () => {
    expect(run([rec(), rec(), rec()], links([0, 1, 10, LINK_STRONG], [1, 2, 10, LINK_STRONG])).clusters).toEqual([[0, 1, 2]]);
  });

  it('never merges two clusters holding different national ids (no chaining through a shared record)', () => {
    // 1 looks like both 0 and 2, but 0 and 2 are two KYC'd people.
    const { clusters, stats } = run([rec('N1'), rec(), rec('N2')], links([0, 1, 12, LINK_STRONG], [1, 2, 10, LINK_STRONG]));
    expect(clusters).toEqual([[0, 1], [2]]);
    expect(stats.refusedNationalId).toBe(1);
  });

  it('lets the stronger link win a contested record', () => {
    const { clusters } = run([rec('N1'), rec(), rec('N2')], links([0, 1, 9, LINK_STRONG], [1, 2, 14, LINK_STRONG]));
    expect(clusters).toEqual([[0], [1, 2]]);
  });

  it('applies national-id links before scored ones', () => {
    const { clusters } = run([rec('N1'), rec('N1'), rec('N2')], links([1, 2, 30, LINK_STRONG], [0, 1, 1, LINK_NATIONAL_ID]));
    expect(clusters).toEqual([[0, 1], [2]]);
  });

  it('refuses a scored merge across contradicting birth dates', () => {
    const { clusters, stats } = run([rec(null, '1960-01-01'), rec(null, '1990-05-05')], links([0, 1, 10, LINK_STRONG]));
    expect(clusters).toEqual([[0], [1]]);
    expect(stats.refusedBirthDate).toBe(1);
  });

  it('needs two weak links to merge on weak evidence', () => {
    expect(run([rec(), rec()], links([0, 1, 6, LINK_WEAK])).clusters).toEqual([[0], [1]]);
    expect(run([rec(), rec(), rec()], links([0, 1, 12, LINK_STRONG], [0, 2, 6, LINK_WEAK], [1, 2, 6, LINK_WEAK])).clusters).toEqual([[0, 1, 2]]);
  });

  it('caps the cluster size', () => {
    const { clusters, stats } = run([rec(), rec(), rec()], links([0, 1, 10, LINK_STRONG], [1, 2, 9, LINK_STRONG]), { maxClusterSize: 2 });
    expect(clusters).toEqual([[0, 1], [2]]);
    expect(stats.refusedSize).toBe(1);
  });

  it('never puts a never-match pair together, even through a third record', () => {
    const { clusters } = run([rec(), rec(), rec()], links([0, 1, 10, LINK_STRONG], [1, 2, 9, LINK_STRONG]), { never: [[0, 2]] });
    expect(clusters).toEqual([[0, 1], [2]]);
  });

  it('applies always-match pairs over the guards, but not over never-match pairs', () => {
    expect(run([rec('N1'), rec('N2')], links(), { always: [[0, 1]] }).clusters).toEqual([[0, 1]]);
    const { clusters, stats } = run([rec(), rec()], links(), { always: [[0, 1]], never: [[1, 0]] });
    expect(clusters).toEqual([[0], [1]]);
    expect(stats.ignoredAlwaysMatch).toBe(1);
  });
});
