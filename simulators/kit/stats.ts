/** Requests served, by operation name, for `GET /__admin/stats`. */
export class RequestStats {
  private byOperation = new Map<string, number>();
  private total = 0;

  record(operation: string): void {
    this.total += 1;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
  }

  snapshot(): { total: number; byOperation: Record<string, number> } {
    return { total: this.total, byOperation: Object.fromEntries(this.byOperation) };
  }

  reset(): void {
    this.byOperation = new Map();
    this.total = 0;
  }
}
