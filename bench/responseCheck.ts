import { isDeepStrictEqual } from 'node:util';
import { postGraphQL } from './graphqlPost';
import type { Workload } from './workloads';

/**
 * Before timing anything: every gateway answers the workload's first requests without errors
 * and with the same data. A benchmark of a gateway that answers errors fast measures nothing.
 */
export async function checkSameAnswers(workload: Workload, gateways: ReadonlyArray<{ name: string; url: string }>, samples = 3): Promise<void> {
  for (const requestBody of workload.bodies.slice(0, samples)) {
    const answers = await Promise.all(gateways.map((g) => postGraphQL(g.url, requestBody)));
    answers.forEach((answer, i) => {
      if (answer.errors?.length) {
        const codes = answer.errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')).join(', ');
        throw new Error(`${gateways[i].name} answered ${workload.name} with errors (${codes}): ${answer.errors[0].message}`);
      }
    });
    for (let i = 1; i < answers.length; i += 1) {
      if (!isDeepStrictEqual(answers[0].data, answers[i].data)) {
        throw new Error(`${gateways[0].name} and ${gateways[i].name} answered ${workload.name} with different data`);
      }
    }
  }
}
