/** One GraphQL POST, for the bench's setup and checks (the load itself goes through autocannon). */
export async function postGraphQL(url: string, body: string): Promise<{ data?: unknown; errors?: Array<{ message: string; extensions?: { code?: unknown } }> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (!response.ok) throw new Error(`POST ${url} answered HTTP ${response.status}`);
  return (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
}
