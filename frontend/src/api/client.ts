import createClient, { type Middleware } from 'openapi-fetch';
import { type EndReason, endSession, getToken } from '../auth/session';
import { currentLanguage } from '../i18n';
import { ApiError, NetworkError, parseProblem } from './problem';
import type { components, paths } from './schema';
import type { Park, ParkUpdate, Token } from './types';

const TOKEN_PATH = '/api/v1/auth/token';
type TokenForm = components['schemas']['Body_create_token'];

const auth: Middleware = {
  onRequest({ request }) {
    const token = getToken();
    if (token && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${token}`);
    }
    // The backend answers (its messages, explanations) in the user's language.
    request.headers.set('Accept-Language', currentLanguage());
    return request;
  },
  async onResponse({ request, response }) {
    // Any 401 outside the login itself means the session is gone: back to the login page,
    // saying whether it expired or ended because the account's rights or password changed.
    if (response.status === 401 && !new URL(request.url, 'http://x').pathname.endsWith(TOKEN_PATH)) {
      endSession(await endReasonOf(response));
    }
    return response;
  },
};

/** 'revoked' when the server says the token was revoked (problem type token-revoked). */
export async function endReasonOf(response: Response): Promise<EndReason> {
  try {
    const body = (await response.clone().json()) as { type?: unknown };
    if (typeof body.type === 'string' && body.type.endsWith('/token-revoked')) return 'revoked';
  } catch {
    // not a problem body: an ordinary expiry
  }
  return 'expired';
}

export const api = createClient<paths>({
  baseUrl: typeof window !== 'undefined' ? window.location.origin : 'http://localhost',
});
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call; throws ApiError on an error status, NetworkError when offline. */
export async function call<T>(pending: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw new ApiError(parseProblem(error, response.status, response.statusText));
  }
  return { data: data as T, response };
}

export async function login(email: string, password: string): Promise<Token> {
  const { data } = await call(
    api.POST('/api/v1/auth/token', {
      // The form's fields all have defaults on the server; the generated type lists them as required.
      body: { grant_type: 'password', username: email, password } as TokenForm,
      bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }),
  );
  return data;
}

/** A park with the ETag to send back as If-Match. */
export interface VersionedPark {
  park: Park;
  etag: string;
}

function etagOf(response: Response, park: Park): string {
  return response.headers.get('ETag') ?? `"${park.version}"`;
}

export async function getPark(id: string, signal?: AbortSignal): Promise<VersionedPark> {
  const { data, response } = await call(
    api.GET('/api/v1/parks/{park_id}', { params: { path: { park_id: id } }, signal }),
  );
  return { park: data, etag: etagOf(response, data) };
}

export async function updatePark(id: string, etag: string, changes: ParkUpdate): Promise<VersionedPark> {
  const { data, response } = await call(
    api.PATCH('/api/v1/parks/{park_id}', {
      params: { path: { park_id: id }, header: { 'If-Match': etag } },
      body: changes,
    }),
  );
  return { park: data, etag: etagOf(response, data) };
}
