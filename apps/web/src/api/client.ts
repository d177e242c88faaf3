import createClient from 'openapi-fetch';
import { session } from '../auth/session';
import type { paths } from './openapi';

/** The API's error body (every 4xx/5xx). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
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
    const problem = (error ?? {}) as { code?: string; message?: string };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP.${response.status}`,
      problem.message ?? response.statusText,
    );
  }
  return body;
}
