import { SYSTEM_REGISTRY } from '../../../systems/registry';
import { h, type Child } from '../dom';
import { systemLabel } from '../fieldProblems';
import { formatDateTime } from '../format';
import { graphql } from '../graphqlClient';
import { hasRole } from '../session';
import { errorBox, guarded, type ViewContext } from './common';

/**
 * The data stewards' review queue: pairs of source records the match model could not decide,
 * most probable first, each with its two records side by side, its probability and the
 * waterfall of weights that explains it, and Link / Keep apart buttons that call the existing
 * steward mutations after a confirmation with a reason. Auditors see the same queue read-only
 * (the gateway refuses them the mutations).
 */

const PAGE_SIZE = 20;
const PARTY = 'system localId givenName familyName birthDate nationalId phones emails address { line1 line2 city postalCode country }';
/** Each system's records of the customer (`records.all` in its registry entry). */
const RECORDS = ['id', ...SYSTEM_REGISTRY.map((system) => `${system.records.all} { ${PARTY} }`)].join(' ');

export const REVIEW_QUEUE = `query ConsoleReviewQueue($first: Int, $after: String) {
  matchReviewQueue(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      a { system localId } b { system localId } probability matchWeight band reason scoredAt
      customerA { ${RECORDS} } customerB { ${RECORDS} }
      explanation { priorWeight matchWeight probability steps { comparison level weight termFrequencyAdjustment } }
    } }
  }
}`;

export const STEWARD_DECISION = (mutation: 'linkSourceRecords' | 'unlinkSourceRecords') => `mutation ConsoleSteward${mutation === 'linkSourceRecords' ? 'Link' : 'Unlink'}($input: StewardDecisionInput!) {
  ${mutation}(input: $input) { decision { id kind } customers { id } errors { code message } }
}`;

export type Key = { system: string; localId: string };
export type Party = Key & { givenName: string | null; familyName: string | null; birthDate: string | null; nationalId: string | null; phones: string[]; emails: string[]; address: { line1: string | null; line2: string | null; city: string | null; postalCode: string | null; country: string | null } | null };
type RecordsField = (typeof SYSTEM_REGISTRY)[number]['records']['all'];
type CustomerRecords = ({ id: string } & Record<RecordsField, Party[] | null>) | null;
export type Step = { comparison: string; level: string; weight: number; termFrequencyAdjustment: number };
export type Explanation = { priorWeight: number; matchWeight: number; probability: number; steps: Step[] };
export type ReviewItem = { a: Key; b: Key; probability: number; matchWeight: number; band: string; reason: string; scoredAt: string; customerA: CustomerRecords; customerB: CustomerRecords; explanation: Explanation };
type Queue = { matchReviewQueue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: ReviewItem }> } };
type DecisionAnswer = Record<string, { decision: { id: string } | null; customers: Array<{ id: string }>; errors: Array<{ code: string; message: string }> }>;

/** One bar of the waterfall: where it starts and ends, in bits. */
export interface WaterfallBar {
  label: string;
  level: string;
  weight: number;
  from: number;
  to: number;
}

/** The prior, then each comparison's weight added in turn; the last bar ends at the match weight. */
export function waterfallBars(explanation: Explanation): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ label: 'prior', level: '', weight: explanation.priorWeight, from: 0, to: explanation.priorWeight }];
  let running = explanation.priorWeight;
  for (const step of explanation.steps) {
    bars.push({ label: step.comparison, level: step.level, weight: step.weight, from: running, to: running + step.weight });
    running += step.weight;
  }
  return bars;
}

const FIELDS: Array<{ label: string; value: (p: Party) => string }> = [
  { label: 'Given name', value: (p) => p.givenName ?? '' },
  { label: 'Family name', value: (p) => p.familyName ?? '' },
  { label: 'Birth date', value: (p) => p.birthDate ?? '' },
  { label: 'National id', value: (p) => p.nationalId ?? '' },
  { label: 'Phones', value: (p) => p.phones.join(', ') },
  { label: 'Emails', value: (p) => p.emails.join(', ') },
  { label: 'Address', value: (p) => (p.address ? [p.address.line1, p.address.line2, p.address.city, p.address.postalCode, p.address.country].filter(Boolean).join(', ') : '') },
];

/** The two records' fields side by side, and whether they differ (blank on either side is not a difference). */
export function sideBySide(a: Party | null, b: Party | null): Array<{ label: string; a: string; b: string; differs: boolean }> {
  return FIELDS.map((field) => {
    const x = a ? field.value(a) : '';
    const y = b ? field.value(b) : '';
    return { label: field.label, a: x, b: y, differs: x !== '' && y !== '' && x.toLowerCase() !== y.toLowerCase() };
  });
}

/** The record `key` among its customer's records as the systems hold them now (null: not readable). */
export function recordOf(customer: CustomerRecords, key: Key): Party | null {
  if (!customer) return null;
  const all = SYSTEM_REGISTRY.flatMap((system) => customer[system.records.all] ?? []);
  return all.find((p) => p.system === key.system && p.localId === key.localId) ?? null;
}

const bits = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;
export const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

function waterfall(explanation: Explanation): HTMLElement {
  const bars = waterfallBars(explanation);
  const extent = Math.max(1, ...bars.flatMap((b) => [Math.abs(b.from), Math.abs(b.to)]));
  const scale = (x: number) => 50 + (x / extent) * 50;
  return h(
    'table',
    { class: 'waterfall' },
    h('thead', {}, h('tr', {}, ['Comparison', 'Level', 'Weight (bits)', 'Running total', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      bars.map((bar) => {
        const left = Math.min(scale(bar.from), scale(bar.to));
        const width = Math.abs(scale(bar.to) - scale(bar.from));
        return h(
          'tr',
          { 'data-comparison': bar.label },
          h('th', { scope: 'row' }, bar.label),
          h('td', {}, bar.level),
          h('td', { class: bar.weight >= 0 ? 'for' : 'against' }, bits(bar.weight)),
          h('td', {}, bits(bar.to)),
          h('td', { class: 'bar-cell' }, barOf(bar.weight >= 0 ? 'for' : 'against', left, width)),
        );
      }),
      h('tr', { class: 'total' }, h('th', { scope: 'row' }, 'match weight'), h('td', {}, ''), h('td', {}, bits(explanation.matchWeight)), h('td', {}, percent(explanation.probability)), h('td', {}, '')),
    ),
  );
}

/** A bar placed through the CSSOM (the console's content security policy refuses inline style attributes). */
function barOf(kind: 'for' | 'against', left: number, width: number): HTMLElement {
  const bar = h('span', { class: `bar ${kind}` });
  bar.style.marginLeft = `${left.toFixed(1)}%`;
  bar.style.width = `${Math.max(width, 0.5).toFixed(1)}%`;
  return bar;
}

function records(item: ReviewItem): HTMLElement {
  const a = recordOf(item.customerA, item.a);
  const b = recordOf(item.customerB, item.b);
  const heading = (key: Key, customer: CustomerRecords) =>
    h('th', { scope: 'col' }, `${systemLabel(key.system)} ${key.localId}`, customer ? h('small', {}, ' ', h('a', { href: `#/customer/${encodeURIComponent(customer.id)}/sources` }, customer.id)) : null);
  return h(
    'table',
    { class: 'pair-records' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), heading(item.a, item.customerA), heading(item.b, item.customerB))),
    h(
      'tbody',
      {},
      sideBySide(a, b).map((row) =>
        h('tr', { class: row.differs ? 'conflict' : undefined }, h('th', { scope: 'row' }, row.label), h('td', { class: row.differs ? 'differs' : undefined }, row.a || h('span', { class: 'empty' }, a ? 'blank' : 'not readable')), h('td', { class: row.differs ? 'differs' : undefined }, row.b || h('span', { class: 'empty' }, b ? 'blank' : 'not readable'))),
      ),
    ),
  );
}

/** Link / Keep apart with a confirmation asking why; the outcome replaces the buttons. */
function decisionControls(context: ViewContext, item: ReviewItem, onDecided: () => void): HTMLElement {
  const area = h('div', { class: 'decision' });
  const buttons = () =>
    area.replaceChildren(
      h('button', { type: 'button', class: 'link-pair', onclick: () => confirm('linkSourceRecords') }, 'Link'),
      h('button', { type: 'button', class: 'secondary keep-apart', onclick: () => confirm('unlinkSourceRecords') }, 'Keep apart'),
    );
  const confirm = (mutation: 'linkSourceRecords' | 'unlinkSourceRecords') => {
    const what = mutation === 'linkSourceRecords' ? 'Link these two records: they are the same person' : 'Keep these two records apart: they are different persons';
    const reason = h('input', { type: 'text', name: 'reason', class: 'reason', minlength: '3', maxlength: '500', required: true, placeholder: 'Why (kept with the decision)' }) as HTMLInputElement;
    const message = h('div', { class: 'decision-message', role: 'status' });
    area.replaceChildren(
      h(
        'form',
        {
          class: 'confirm',
          onsubmit: (event: Event) => {
            event.preventDefault();
            message.textContent = 'Saving...';
            void guarded(context, message, async () => {
              const { data } = await graphql<DecisionAnswer>(STEWARD_DECISION(mutation), { input: { a: item.a, b: item.b, reason: reason.value } }, context.session.token);
              const answer = data![mutation];
              if (answer.errors.length > 0) {
                message.replaceChildren(errorBox(answer.errors.map((e) => e.message).join(' ')));
                return;
              }
              const customers = answer.customers.map((c) => c.id).join(' and ');
              area.replaceChildren(
                h('p', { class: 'decided', role: 'status' }, mutation === 'linkSourceRecords' ? `Linked: both records are now customer ${customers}.` : `Kept apart: the records are customers ${customers}.`, ' The pair has left the queue.'),
              );
              onDecided();
            });
          },
        },
        h('p', {}, `${what}?`),
        h('label', {}, 'Reason ', reason),
        h('button', { type: 'submit', class: 'confirm-decision' }, mutation === 'linkSourceRecords' ? 'Confirm link' : 'Confirm keep apart'),
        h('button', { type: 'button', class: 'secondary cancel', onclick: buttons }, 'Cancel'),
        message,
      ),
    );
    reason.focus();
  };
  buttons();
  return area;
}

function pairCard(context: ViewContext, item: ReviewItem, mayDecide: boolean, onDecided: () => void): HTMLElement {
  const reason = item.reason === 'KEPT_APART' ? 'linked by the model, kept apart by a clustering guard' : 'in the review band';
  return h(
    'section',
    { class: 'card review-pair', 'data-pair': `${item.a.system}:${item.a.localId}|${item.b.system}:${item.b.localId}` },
    h('h3', {}, `${systemLabel(item.a.system)} ${item.a.localId} · ${systemLabel(item.b.system)} ${item.b.localId}`),
    h('p', { class: 'probability' }, h('strong', {}, percent(item.probability)), ` match probability (${bits(item.matchWeight)} bits), ${reason}; scored ${formatDateTime(item.scoredAt)}`),
    h('div', { class: 'pair-body' }, records(item), waterfall(item.explanation)),
    mayDecide ? decisionControls(context, item, onDecided) : h('p', { class: 'read-only' }, 'Read only: data stewards decide.'),
  );
}

export function reviewQueueView(context: ViewContext): HTMLElement {
  const mayDecide = hasRole(context.session, 'data-steward') || !context.session.claims;
  const total = h('p', { class: 'count', id: 'review-total' });
  const list = h('div', { id: 'review-pairs' }, h('p', { class: 'loading' }, 'Loading...'));
  const more = h('div', { class: 'more' });
  let waiting = 0;
  const showTotal = () => (total.textContent = `${waiting} pair${waiting === 1 ? '' : 's'} waiting for a steward`);
  const onDecided = () => {
    waiting = Math.max(0, waiting - 1);
    showTotal();
  };
  const loadPage = (after: string | null) =>
    guarded(context, after === null ? list : more, async () => {
      const { data, errors } = await graphql<Queue>(REVIEW_QUEUE, { first: PAGE_SIZE, after }, context.session.token);
      const page = data!.matchReviewQueue;
      if (after === null) {
        waiting = page.totalCount;
        showTotal();
        list.replaceChildren(page.edges.length === 0 ? h('p', { class: 'empty' }, 'No pair is waiting: the model decided every pair it scored.') : '');
        if (errors.some((e) => e.extensions?.code === 'FORBIDDEN')) list.prepend(h('p', { class: 'notice' }, 'Some record fields are hidden for your role.'));
      }
      list.append(...page.edges.map((edge) => pairCard(context, edge.node, mayDecide, onDecided)));
      more.replaceChildren(page.pageInfo.hasNextPage ? h('button', { type: 'button', class: 'secondary', onclick: () => void loadPage(page.pageInfo.endCursor) }, 'Load more') : '');
    });
  void loadPage(null);
  const children: Child[] = [
    h('h2', {}, 'Review queue'),
    h('p', {}, 'Pairs of records the match model could not decide (match probability between 50 % and 90 %), most probable first. The waterfall shows what each comparison weighed; a decision holds even when the model is retrained.'),
    total,
    list,
    more,
  ];
  return h('main', { class: 'review-queue' }, ...children);
}
