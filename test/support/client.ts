import { request } from 'undici';

/** A small typed client of the public HTTP API, shared by e2e tests, the demo loader and benchmarks. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code?: string; message?: string; details?: unknown },
    readonly route: string,
  ) {
    super(`${route} → ${status} ${body.code ?? ''}: ${body.message ?? ''}`);
  }
}

/** The status and error code of a call expected to be refused (fails when it succeeds). */
export async function refusal(call: Promise<unknown>): Promise<{ status: number; code?: string }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, code: error.body.code };
}

export const MAX_OVERLOAD_ATTEMPTS = 60;

/**
 * After a 503 PLATFORM.OVERLOADED (refused before any work): waits the Retry-After the API asked for, with jitter so
 * that clients refused together do not all come back in the same instant, and counts the retry.
 */
export async function waitOutOverload(details: unknown): Promise<void> {
  MarketplaceClient.overloadRetries++;
  const seconds = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 1;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 * (1 + Math.random())));
}

export class MarketplaceClient {
  /** Requests refused for overload and sent again, by every client of this process (benchmarks report it). */
  static overloadRetries = 0;

  /** When set, every request is sent through it (the `journey-cost` benchmark reads the API's CPU around each). */
  static meter:
    (<T>(call: { baseUrl: string; method: string; route: string }, send: () => Promise<T>) => Promise<T>) | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): MarketplaceClient {
    return new MarketplaceClient(this.baseUrl, token);
  }

  /** The same caller, talking to another API process of the same system. */
  at(baseUrl: string): MarketplaceClient {
    return new MarketplaceClient(baseUrl, this.token);
  }

  /**
   * One call; a 503 PLATFORM.OVERLOADED means the API refused it before doing anything, so it is sent again after
   * the Retry-After the API asked for.
   */
  async request<T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const send = () => this.send<T>(method, route, body, headers);
        const { meter } = MarketplaceClient;
        return await (meter ? meter({ baseUrl: this.baseUrl, method, route }, send) : send());
      } catch (error) {
        const overloaded = error instanceof ApiError && error.body.code === 'PLATFORM.OVERLOADED';
        if (!overloaded || attempt === MAX_OVERLOAD_ATTEMPTS) throw error;
        await waitOutOverload(error.body.details);
      }
    }
  }

  /**
   * undici's `request` rather than `fetch`: a benchmark's clients share the machine with the system they measure, and
   * `fetch` spent four times the CPU per call (≈ 200 against 45 µs).
   */
  private async send<T>(method: string, route: string, body: unknown, headers: Record<string, string>): Promise<T> {
    const response = await request(this.baseUrl + route, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.statusCode < 200 || response.statusCode > 299)
      throw new ApiError(response.statusCode, parsed ?? {}, `${method} ${route}`);
    return parsed as T;
  }

  get<T>(route: string): Promise<T> {
    return this.request<T>('GET', route);
  }

  post<T>(route: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', route, body ?? {});
  }

  async login(email: string, password: string): Promise<string> {
    const { accessToken } = await this.post<{ accessToken: string }>('/auth/login', { email, password });
    return accessToken;
  }
}

export interface Created {
  id: string;
}
