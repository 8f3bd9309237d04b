import { h, type Child } from '../dom';
import { problemAt, systemLabel, type FieldProblem } from '../fieldProblems';
import { RequestFailedError, UnauthenticatedError, type GraphQLErrorBody } from '../graphqlClient';
import type { Session } from '../session';

/** What every screen gets from the shell. */
export interface ViewContext {
  session: Session;
  /** Go to a hash route (`#/customer/cust_1/sources`). */
  navigate(route: string): void;
  /** The token was refused: back to sign-in with the gateway's reason. */
  signOut(reason?: string): void;
}

/** The placeholder for a part of the answer that is missing, saying why (role, system down). */
export function problemNote(problem: FieldProblem): HTMLElement {
  return h('span', { class: `problem problem-${problem.kind}`, title: problem.code }, problem.label);
}

/**
 * A value of the answer or, when it is null, why: "hidden for your role", "Cards is
 * unavailable"... `render` is only called with a present value.
 */
export function valueOr<T>(value: T | null | undefined, errors: readonly GraphQLErrorBody[], path: ReadonlyArray<string | number>, render: (value: T) => Child | Child[], empty: string = 'none'): Child | Child[] {
  if (value !== null && value !== undefined) return render(value);
  const problem = problemAt(errors, path);
  return problem ? problemNote(problem) : h('span', { class: 'empty' }, empty);
}

export function card(title: string, name: string, ...content: Array<Child | Child[]>): HTMLElement {
  return h('section', { class: 'card', 'data-section': name }, h('h3', {}, title), ...content);
}

export function table(headers: string[], rows: Array<Array<Child | Child[]>>, attributes: Record<string, string> = {}): HTMLTableElement {
  return h(
    'table',
    attributes,
    h('thead', {}, h('tr', {}, headers.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell) => h('td', {}, ...(Array.isArray(cell) ? cell : [cell])))))),
  );
}

export function errorBox(message: string): HTMLElement {
  return h('div', { class: 'error-box', role: 'alert' }, message);
}

/**
 * Runs a screen's loading step: a refused token signs out, a failed request shows its
 * message in place; the console never breaks on an error.
 */
export async function guarded(context: ViewContext, target: HTMLElement, load: () => Promise<void>): Promise<void> {
  try {
    await load();
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      context.signOut(error.message);
      return;
    }
    const message = error instanceof RequestFailedError ? error.message : `Unexpected error: ${(error as Error).message}`;
    const forbidden = error instanceof RequestFailedError && error.errors.some((e) => e.extensions?.code === 'FORBIDDEN');
    target.replaceChildren(errorBox(forbidden ? `Not permitted for your role: ${message}` : message));
  }
}

/** The mark of a golden value chosen without hearing every system: which ones were not heard. */
export function incompleteBadge(unavailableSystems: readonly string[]): HTMLElement {
  const names = unavailableSystems.map(systemLabel).join(', ');
  return h('span', { class: 'badge incomplete-badge', title: `Chosen without ${names || 'every system'}: it may change once they answer.` }, `Incomplete: ${names || 'a system'} unavailable`);
}
