import http from 'node:http';

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
}

/**
 * One GraphQL POST for the bench's setup and checks (the load itself goes through autocannon).
 * Each call uses its own connection, closed after the answer: a kept-alive idle socket would
 * make the gateways' graceful shutdown wait out its whole drain period at the end of the bench.
 */
export function postGraphQL(url: string, body: string, headers: Record<string, string> = {}): Promise<GraphQLAnswer> {
  return new Promise((resolve, reject) => {
    const options = { method: 'POST', agent: false, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } };
    const request = http.request(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if ((response.statusCode ?? 0) >= 300) return reject(new Error(`POST ${url} answered HTTP ${response.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLAnswer);
        } catch {
          reject(new Error(`POST ${url} answered a body that is not JSON`));
        }
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}
