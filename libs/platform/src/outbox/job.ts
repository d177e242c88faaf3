/** A unit of async work: which queue, which handler, a deterministic id (no ':' and not all digits). */
export interface JobRequest<P extends object = object> {
  queue: string;
  name: string;
  id: string;
  payload: P;
}

export function jobId(...parts: Array<string | number>): string {
  return parts.join('-');
}
