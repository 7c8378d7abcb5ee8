import type { ErrorBody } from '../../../server/api-types.js';

/** An answer other than 2xx: the server's error code, its English message, and the values to translate it with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly params: NonNullable<ErrorBody['params']> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when the session has ended (expired, or signed out elsewhere). */
export function whenUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** `?a=1&b=x`, leaving out empty values. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function handle<T>(res: Response): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // a proxy or the network answered: no JSON
  }
  if (res.status === 401 && body.error === 'unauthenticated') onUnauthorized();
  throw new ApiError(res.status, body.error ?? 'http', body.message ?? res.statusText, body.params);
}

async function fetchJson<T>(url: string): Promise<T> {
  return handle<T>(await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' }));
}

// requests started ahead of the page that will ask for them; each is handed out once
const prefetched = new Map<string, Promise<unknown>>();

/** Starts a GET now so that the page's own `get` of the same URL finds it under way. */
export function prefetch(path: string, query?: Query): void {
  const url = `/api${path}${queryString(query)}`;
  if (prefetched.has(url)) return;
  const pending = fetchJson(url);
  pending.catch(() => prefetched.delete(url));
  prefetched.set(url, pending);
}

export async function get<T>(path: string, query?: Query): Promise<T> {
  const url = `/api${path}${queryString(query)}`;
  const early = prefetched.get(url);
  if (early) {
    prefetched.delete(url);
    return early as Promise<T>;
  }
  return fetchJson<T>(url);
}

/** A state-changing request, with the session's CSRF token. */
export async function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-csrf-token': csrfToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return handle<T>(await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' }));
}

/** Uploads one file as multipart field "file". */
export async function upload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return handle<T>(await fetch(`/api${path}`, { method: 'POST', headers: { accept: 'application/json', 'x-csrf-token': csrfToken }, body: form, credentials: 'same-origin' }));
}

/** Where a download link for an API path points (the browser sends the cookie itself). */
export function apiUrl(path: string, query?: Query): string {
  return `/api${path}${queryString(query)}`;
}
