import type { Dataset } from '../simulators/dataset/loadDataset';
import type { RunningStack } from '../stack/startStack';
import { postGraphQL } from './support/graphqlClient';
import { callAs } from './support/testAuth';
import { startTestStack, testDataset } from './support/testStack';

/**
 * Golden fields that know what they did not see: with ERP in an outage (taken down through the
 * simulator's operator API, as an operator would), a customer with an ERP record gets golden
 * fields that say `complete: false`, name ERP, and never claim UNANIMOUS; a customer without one
 * is not affected.
 */
// The data steward's scenario: comparing what each system holds while one is down.
callAs('data-steward');

const PROFILE = `query OutageProfile($id: ID!) {
  customer(id: $id) {
    id
    sourceKeys { system }
    profile {
      fullName { rule conflict complete unavailableSystems candidates { system } }
      birthDate { rule conflict complete unavailableSystems candidates { system } }
      email { rule conflict complete unavailableSystems candidates { system } }
      address { rule conflict complete unavailableSystems candidates { system } }
    }
  }
}`;

type Field = { rule: string | null; conflict: boolean; complete: boolean; unavailableSystems: string[]; candidates: Array<{ system: string }> };
const FIELDS = ['fullName', 'birthDate', 'email', 'address'] as const;
type Answer = { customer: { id: string; sourceKeys: Array<{ system: string }>; profile: Record<'fullName' | 'birthDate' | 'email' | 'address', Field> | null } | null };

async function setErpDown(stack: RunningStack, down: boolean): Promise<void> {
  const response = await fetch(`${stack.simulators.ERP.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ down }) });
  expect(response.status).toBe(200);
}

describe('golden fields under an ERP outage', () => {
  let dataset: Dataset;
  let stack: RunningStack;

  beforeAll(async () => {
    ({ dataset } = await testDataset());
    stack = await startTestStack(dataset);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const customerIdOf = async (system: string, localId: string) =>
    (await postGraphQL<{ customerBySourceKey: { id: string } | null }>(stack.gateway.url, `{ customerBySourceKey(system: ${system}, localId: "${localId}") { id } }`)).data!.customerBySourceKey!.id;

  it('says complete:false, names ERP and never UNANIMOUS for a customer with an ERP record; leaves others complete', async () => {
    // Before the outage: a customer with an ERP record and a field every system agrees on, and a
    // customer the crosswalk knows nowhere in ERP.
    let withErp: string | null = null;
    let agreed: (typeof FIELDS)[number] = 'fullName';
    for (const person of dataset.truth.filter((p) => p.keys.cifs.length && p.keys.partnerIds.length)) {
      const id = await customerIdOf('CORE_BANKING', person.keys.cifs[0]);
      const before = (await postGraphQL<Answer>(stack.gateway.url, PROFILE, { id })).data!.customer!;
      const field = FIELDS.find((f) => {
        const golden = before.profile![f];
        return golden.rule === 'UNANIMOUS' && golden.candidates.some((c) => c.system === 'ERP') && golden.candidates.some((c) => c.system !== 'ERP');
      });
      if (field) {
        expect(before.profile![field]).toMatchObject({ complete: true, unavailableSystems: [], conflict: false });
        withErp = id;
        agreed = field;
        break;
      }
    }
    expect(withErp).not.toBeNull();
    const noErpPerson = dataset.truth.find((p) => p.keys.cifs.length && p.keys.partnerIds.length === 0)!;
    const withoutErp = await customerIdOf('CORE_BANKING', noErpPerson.keys.cifs[0]);

    await setErpDown(stack, true);
    try {
      const response = await postGraphQL<Answer>(stack.gateway.url, PROFILE, { id: withErp });
      const customer = response.data!.customer!;
      expect(customer.sourceKeys.map((k) => k.system)).toContain('ERP');
      const profile = customer.profile!;
      for (const field of FIELDS) {
        expect(profile[field].complete).toBe(false);
        expect(profile[field].unavailableSystems).toEqual(['ERP']);
        expect(profile[field].rule).not.toBe('UNANIMOUS');
      }
      // The value the others agree on is still served, as agreement among those heard.
      expect(profile[agreed]).toMatchObject({ rule: 'AGREED_AMONG_AVAILABLE', conflict: false });
      expect(profile[agreed].candidates.map((c) => c.system)).not.toContain('ERP');
      // The outage is also an error naming the system, as for every field it nulls.
      expect((response.errors ?? []).some((e) => e.extensions?.system === 'ERP')).toBe(true);

      const other = (await postGraphQL<Answer>(stack.gateway.url, PROFILE, { id: withoutErp })).data!.customer!;
      expect(other.sourceKeys.map((k) => k.system)).not.toContain('ERP');
      for (const field of FIELDS) expect(other.profile![field]).toMatchObject({ complete: true, unavailableSystems: [] });
    } finally {
      await setErpDown(stack, false);
    }
  });
});
