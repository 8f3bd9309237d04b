/** A gateway the bench drives: its GraphQL url and the headers every request to it carries. */
export interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** CPU ms used so far by processes other than this one that serve the target (a gateway process and its workers). */
  externalCpuMs?: () => Promise<number>;
}
