import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * The front-end guide's code generation example, run for real: types and typed documents for the
 * reference operations over schema/client.graphql, then a client module using them compiled by
 * TypeScript. The output goes under test-artifacts/ (inside the repository, so the compiler finds
 * @apollo/client in node_modules), and is removed afterwards.
 */
describe('GraphQL Code Generator over the client schema', () => {
  const dir = path.join(ROOT, 'test-artifacts', `codegen-${randomUUID()}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates typed documents that Apollo Client code type-checks against', async () => {
    const output = path.join(dir, 'graphql.ts');
    // The command the guide gives, with the default documents (schema/operations) and schema.
    await promisify(execFile)(process.execPath, [TSX, path.join(__dirname, 'generateTypes.ts'), '--out', output], { cwd: ROOT });
    const generated = readFileSync(output, 'utf8');
    // Booleans, not toContain: a failure should not print the whole generated file.
    expect(generated.includes('export const Customer360Document')).toBe(true);
    expect(generated.includes('export type Customer360Query')).toBe(true);
    // Closed sets arrive as string unions (the usage below is refused a value outside them).
    expect(/export type SurvivorshipRule =/.test(generated)).toBe(true);

    const usage = path.join(dir, 'usage.ts');
    writeFileSync(
      usage,
      `import type { ApolloClient } from '@apollo/client';
import { Customer360Document, CustomerListDocument, type SurvivorshipRule } from './graphql';

export async function firstAccount(client: ApolloClient, id: string): Promise<{ id: string; amount: string } | undefined> {
  const { data } = await client.query({ query: Customer360Document, variables: { id } });
  const rule: SurvivorshipRule | null | undefined = data?.customer?.profile?.fullName?.rule;
  void rule;
  const account = data?.customer?.accounts?.[0];
  return account ? { id: account.id, amount: account.balance.amount } : undefined;
}

export async function misuses(client: ApolloClient): Promise<void> {
  // @ts-expect-error the operation's variables are typed: a customer id is required
  await client.query({ query: Customer360Document, variables: {} });
  const { data } = await client.query({ query: CustomerListDocument, variables: { first: 5 } });
  // @ts-expect-error a field the operation does not select is not in its result type
  void data?.customers.edges[0]?.node.yearlyIncome;
  // @ts-expect-error a rule outside the enum is refused
  const rule: SurvivorshipRule = 'LONGEST';
  void rule;
}
`,
    );
    const program = ts.createProgram([usage], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      skipLibCheck: true,
      types: [],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
