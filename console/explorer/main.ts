/**
 * The offline GraphQL explorer: GraphiQL from npm, bundled with React by
 * console/buildConsole.ts and served by the gateway at /explorer. It talks to the same
 * origin's /graphql; the headers editor carries the bearer token (prefilled from the console's
 * sign-in when there is one). Written with createElement rather than JSX so the project's
 * plain-TypeScript tooling (tsc, eslint, ts-jest) covers it unchanged.
 */
import 'graphiql/style.css';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import customer360 from '../../schema/operations/customer360.graphql';
import { TOKEN_STORAGE_KEY } from '../src/session';

const token = sessionStorage.getItem(TOKEN_STORAGE_KEY);
const initialHeaders = JSON.stringify(token ? { Authorization: `Bearer ${token}` } : {}, null, 2);

// What the headers editor holds now. GraphiQL 4 sends the editor's headers with queries but
// not with its schema introspection (its schema store never receives the editor), so the
// fetcher falls back to the editor's last content: the explorer then also loads the schema
// from a gateway that requires a token.
let editedHeaders = initialHeaders;

function headersFromEditor(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(editedHeaders || '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers ?? headersFromEditor()) },
    body: JSON.stringify(params),
  });
  return response.json();
};

const howTo = `# Unified View GraphQL explorer (works offline).
#
# Token: the Headers tab below holds
#   { "Authorization": "Bearer <token>" }
# Signing in on /console fills it in; for development:
#   npm run token -- --role auditor
#
# Variables: {"id": "cust_..."} (find ids with searchCustomers;
# /explorer?id=cust_... fills them in).
#
`;

// `/explorer?id=cust_...` (the console's "open in explorer" link) prefills the variables.
const customerId = new URLSearchParams(location.search).get('id');
const variables = customerId ? JSON.stringify({ id: customerId }, null, 2) : undefined;

createRoot(document.getElementById('graphiql')!).render(
  createElement(
    GraphiQL,
    {
      fetcher,
      defaultQuery: `${howTo}${customer360}`,
      defaultHeaders: initialHeaders,
      headers: initialHeaders,
      onEditHeaders: (value: string) => {
        editedHeaders = value;
      },
      ...(variables ? { variables, defaultEditorToolsVisibility: 'variables' as const } : { defaultEditorToolsVisibility: 'headers' as const }),
      isHeadersEditorEnabled: true,
      // Tokens are credentials: keep them out of localStorage.
      shouldPersistHeaders: false,
    },
    createElement(GraphiQL.Logo, null, createElement('a', { href: '/console', style: { textDecoration: 'none', color: 'inherit' } }, 'Unified View')),
  ),
);
