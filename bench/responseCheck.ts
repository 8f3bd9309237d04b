import { isDeepStrictEqual } from 'node:util';
import { postGraphQL, type GraphQLAnswer } from './graphqlPost';
import type { Target } from './target';
import type { Workload } from './workloads';

class WrongAnswerError extends Error {
  override readonly name = 'WrongAnswerError';
}

const errorSummary = (answer: GraphQLAnswer) => {
  const codes = [...new Set((answer.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))].join(', ');
  return `${codes}: ${answer.errors?.[0]?.message ?? ''}`;
};

async function compareOnce(workload: Workload, requestBody: string, gateways: readonly Target[]): Promise<void> {
  const answers = await Promise.all(gateways.map((g) => postGraphQL(g.url, requestBody, g.headers)));
  answers.forEach((answer, i) => {
    if (answer.errors?.length) throw new WrongAnswerError(`${gateways[i].name} answered ${workload.name} with errors (${errorSummary(answer)})`);
  });
  for (let i = 1; i < answers.length; i += 1) {
    if (!isDeepStrictEqual(answers[0].data, answers[i].data)) {
      throw new WrongAnswerError(`${gateways[0].name} and ${gateways[i].name} answered ${workload.name} with different data`);
    }
  }
}

/**
 * Before timing anything: every gateway answers the workload's first requests without errors
 * and with the same data. A benchmark of a gateway that answers errors fast measures nothing.
 * A sample gets a few attempts: on a busy machine one upstream call can miss its timeout,
 * which says nothing about whether the gateways answer correctly.
 */
export async function checkSameAnswers(workload: Workload, gateways: readonly Target[], samples = 3, attempts = 3): Promise<void> {
  for (const requestBody of workload.bodies.slice(0, samples)) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await compareOnce(workload, requestBody, gateways);
        break;
      } catch (error) {
        if (!(error instanceof WrongAnswerError) || attempt >= attempts) throw error;
      }
    }
  }
}
