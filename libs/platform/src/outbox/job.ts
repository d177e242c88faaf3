/** A unit of async work: which queue, which handler, a deterministic id (no ':' and not all digits). */
export interface JobRequest<P extends object = object> {
  queue: string;
  name: string;
  id: string;
  payload: P;
  /**
   * Jobs with the same key run as one: one added while another waits is dropped, one added while another runs
   * runs once after it. For work that reads the current state anyway (recomputing a vendor's trust score).
   */
  coalesceKey?: string;
}

export function jobId(...parts: Array<string | number>): string {
  return parts.join('-');
}
