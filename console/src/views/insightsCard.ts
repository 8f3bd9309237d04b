import { h, replaceChildren, type Child } from '../dom';
import { problemAt } from '../fieldProblems';
import { formatEnum, formatMoney, type Money } from '../format';
import { graphql, type GraphQLErrorBody } from '../graphqlClient';
import { CUSTOMER_INSIGHTS } from '../operations';
import { card, problemNote, table, valueOr, type ViewContext } from './common';

type Insights = {
  customer: {
    segment: { tier: string | null; ageBand: string | null; reasons: string[] | null } | null;
    lifecycleStage: { stage: string; reasons: string[] | null } | null;
    relationshipValue: {
      totalDeposits: Money | null;
      totalLending: Money | null;
      cardSpend90Days: Money | null;
      openOrdersValue: Money | null;
      mortgageBalances: Money | null;
      reasons: string[];
    } | null;
    nextBestActions: Array<{ code: string; title: string; reason: string | null; channel: string; priority: number }> | null;
  } | null;
};

const at = (...path: Array<string | number>) => ['customer', ...path];

/**
 * What the insights subgraph derives about the customer: segment (tier, age band and why),
 * lifecycle stage and why, relationship value, and the next best actions with their reasons.
 * A separate request: when the gateway's supergraph does not have insights (validation error),
 * the card disappears instead of failing the 360 view. A field the role may not read says
 * "hidden for your role" where its value would be, never a value-like placeholder.
 */
export function insightsCard(context: ViewContext, customerId: string): HTMLElement {
  const section = card('Insights', 'insights', h('p', { class: 'loading' }, 'Loading...'));
  const heading = section.querySelector('h3');
  graphql<Insights>(CUSTOMER_INSIGHTS, { id: customerId }, context.session.token).then(
    ({ data, errors }) => {
      const customer = data?.customer;
      if (!customer) {
        section.remove();
        return;
      }
      replaceChildren(section, heading, ...insightsContent(customer, errors));
    },
    () => section.remove(),
  );
  return section;
}

function insightsContent(customer: NonNullable<Insights['customer']>, errors: readonly GraphQLErrorBody[]): Child[] {
  return [
    h('h4', {}, 'Segment'),
    valueOr(customer.segment, errors, at('segment'), (segment) => [
      h(
        'p',
        { class: 'segment' },
        segment.tier ? h('span', { class: 'badge tier', id: 'segment-tier' }, formatEnum(segment.tier)) : missing(errors, at('segment', 'tier'), 'Tier', 'tier unknown'),
        ' ',
        segment.ageBand ? h('span', { class: 'chip', id: 'segment-age-band' }, formatEnum(segment.ageBand)) : missing(errors, at('segment', 'ageBand'), 'Age band', 'age unknown'),
      ),
      reasonsList(segment.reasons, errors, at('segment', 'reasons'), 'segment-reasons'),
    ], 'No segment.'),
    h('h4', {}, 'Lifecycle stage'),
    valueOr(customer.lifecycleStage, errors, at('lifecycleStage'), (stage) => [
      h('p', {}, h('span', { class: 'badge stage', id: 'lifecycle-stage' }, formatEnum(stage.stage))),
      reasonsList(stage.reasons, errors, at('lifecycleStage', 'reasons'), 'lifecycle-reasons'),
    ], 'Unknown: core banking could not be read.'),
    h('h4', {}, 'Relationship value'),
    valueOr(customer.relationshipValue, errors, at('relationshipValue'), (value) => [
      table(
        ['Deposits', 'Lending', 'Card spend (90 days)', 'Open orders', 'Mortgages'],
        [[value.totalDeposits, value.totalLending, value.cardSpend90Days, value.openOrdersValue, value.mortgageBalances].map((money) => (money ? h('span', { class: 'money' }, formatMoney(money)) : h('span', { class: 'empty' }, 'unknown')))],
        { class: 'value-table', id: 'relationship-value' },
      ),
      reasonsList(value.reasons, errors, at('relationshipValue', 'reasons'), 'relationship-value-reasons'),
    ]),
    h('h4', {}, 'Next best actions'),
    valueOr(customer.nextBestActions, errors, at('nextBestActions'), (actions) =>
      actions.length === 0
        ? h('p', { class: 'empty' }, 'Nothing to do.')
        : h(
            'ol',
            { class: 'actions-list', id: 'next-best-actions' },
            actions.map((a, i) =>
              h(
                'li',
                { 'data-action': a.code },
                h('strong', {}, a.title),
                h('span', { class: 'chip' }, formatEnum(a.channel)),
                h('span', { class: 'chip' }, `priority ${a.priority}`),
                h('p', { class: 'reason' }, a.reason !== null ? `Why: ${a.reason}` : missing(errors, at('nextBestActions', i, 'reason'), 'Reason', '')),
              ),
            ),
          ),
    ),
  ];
}

/** A missing value explained: "Tier hidden for your role" rather than a badge that looks like one. */
function missing(errors: readonly GraphQLErrorBody[], path: ReadonlyArray<string | number>, what: string, otherwise: string): HTMLElement {
  const problem = problemAt(errors, path);
  return problem ? problemNote({ ...problem, label: `${what} ${problem.label}` }) : h('span', { class: 'empty' }, otherwise);
}

function reasonsList(reasons: string[] | null, errors: readonly GraphQLErrorBody[], path: ReadonlyArray<string | number>, id: string): Child {
  if (reasons === null) return h('p', { class: 'reasons' }, missing(errors, path, 'Reasons', ''));
  return reasons.length === 0 ? null : h('ul', { class: 'reasons', id }, reasons.map((reason) => h('li', {}, reason)));
}
