import type { GraphQLErrorBody } from './graphqlClient';
import { SYSTEM_REGISTRY } from '../../systems/registry';

/** Why a part of an answer is missing, in the words the console shows. */
export interface FieldProblem {
  kind: 'forbidden' | 'unavailable' | 'error';
  code: string;
  /** The system that failed, when the error names one (`CORE_BANKING`). */
  system?: string;
  /** What to show in place of the missing data. */
  label: string;
}

/**
 * The problem explaining why the value at `path` is null: the first error whose path is
 * `path` or lies below it (a refused non-null field nulls its nearest nullable parent, so
 * the error for `accounts.0.balance` explains a null `accounts`). Undefined when no error
 * is about that part of the answer (the value is simply absent).
 */
export function problemAt(errors: readonly GraphQLErrorBody[], path: ReadonlyArray<string | number>): FieldProblem | undefined {
  const error = errors.find((e) => e.path !== undefined && path.every((segment, i) => e.path![i] === segment));
  return error ? describeProblem(error) : undefined;
}

export function describeProblem(error: GraphQLErrorBody): FieldProblem {
  const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  const system = typeof error.extensions?.system === 'string' ? error.extensions.system : undefined;
  // Said plainly, and styled apart from data: a hidden tier must never read like a real value.
  if (code === 'FORBIDDEN') return { kind: 'forbidden', code, label: 'hidden for your role' };
  if (code.startsWith('UPSTREAM_')) {
    const what = code === 'UPSTREAM_TIMEOUT' ? 'did not answer in time' : code === 'UPSTREAM_UNAVAILABLE' ? 'is unavailable' : 'returned an error';
    return { kind: 'unavailable', code, system, label: `${system ? systemLabel(system) : 'a source system'} ${what}` };
  }
  return { kind: 'error', code, system, label: `could not be loaded (${code})` };
}

/** The fields the role may not read, named once each (`Customer.accounts`), for a page-level notice. */
export function forbiddenFields(errors: readonly GraphQLErrorBody[]): string[] {
  const names = errors.filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => String(e.extensions?.field ?? e.path?.join('.') ?? 'a field'));
  return [...new Set(names)];
}

const SYSTEM_LABELS: ReadonlyMap<string, string> = new Map(SYSTEM_REGISTRY.map((system) => [system.name, system.label]));

export function systemLabel(system: string): string {
  return SYSTEM_LABELS.get(system) ?? system;
}
