import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './openapi';

/** The API's error body (every 4xx/5xx). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /**
   * What the API said about one field (details name fields by path: `kpis.0.target`, or `body.kpis.0.target`); a
   * coded refusal that names its field (`details.field`) is about that field as a whole.
   */
  problemsOf(field: string): string[] {
    if ((this.details as { field?: unknown } | null)?.field === field) return [this.message];
    if (!Array.isArray(this.details)) return [];
    const names = (d: { field?: unknown }) =>
      typeof d.field === 'string' &&
      [d.field, d.field.replace(/^body\./, '')].some((path) => path === field || path.startsWith(`${field}.`));
    return (this.details as Array<{ field?: unknown; problems?: unknown }>)
      .filter(names)
      .flatMap((d) => (Array.isArray(d.problems) ? d.problems.map(String) : []));
  }
}

/** Same-origin client typed from the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const token = session.get()?.token;
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) session.expire();
    return response;
  },
});

/** The data of an openapi-fetch answer, or its error as an ApiError. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (error !== undefined || body === undefined) {
    const problem = (error ?? {}) as { code?: string; message?: string; details?: unknown };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP.${response.status}`,
      problem.message ?? response.statusText,
      problem.details,
    );
  }
  return body;
}

/** A multipart body (files with their fields) for the typed client: pass it with `bodySerializer: (form) => form`. */
export function formBody(fields: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
  return form;
}

/** Every item of a paged list: each page after the previous one's cursor, to the end. */
export async function everyPage<T>(
  pageAfter: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageAfter(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
