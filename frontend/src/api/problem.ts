/** RFC 9457 problem details as the backend sends them, made safe to show. */

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** Validation messages per field ("description", "geometry.coordinates"); "" for the whole request. */
  fieldErrors: Record<string, string[]>;
  /** RFC 9457 extension members (a 409's `conflicts`, `existing_id`, …). */
  extensions?: Record<string, unknown>;
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

const LOCATION_ROOTS = new Set(['body', 'query', 'path', 'header', 'cookie']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field a validation error's `loc` points at, without the request part ("body"). */
export function fieldFromLoc(loc: unknown): string {
  if (!Array.isArray(loc)) return '';
  const parts = loc.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  const rest = parts.length > 0 && LOCATION_ROOTS.has(String(parts[0])) ? parts.slice(1) : parts;
  return rest.map(String).join('.');
}

/**
 * Turns whatever came back with an error status into a Problem. Accepts problem+json, FastAPI's
 * plain `{detail: [...]}`, a string, or nothing at all.
 */
export function parseProblem(body: unknown, status: number, fallbackTitle = ''): Problem {
  const problem: Problem = {
    type: 'about:blank',
    title: fallbackTitle,
    status,
    detail: '',
    instance: '',
    fieldErrors: {},
  };
  const addFieldError = (loc: unknown, msg: unknown) => {
    if (typeof msg !== 'string' || msg === '') return;
    const field = fieldFromLoc(loc);
    (problem.fieldErrors[field] ??= []).push(msg);
  };
  if (typeof body === 'string') {
    problem.detail = body.trim().startsWith('<') ? '' : body.trim().slice(0, 500);
    return problem;
  }
  if (!isRecord(body)) return problem;
  if (typeof body.type === 'string') problem.type = body.type;
  if (typeof body.title === 'string') problem.title = body.title;
  if (typeof body.status === 'number') problem.status = body.status;
  if (typeof body.instance === 'string') problem.instance = body.instance;
  if (typeof body.detail === 'string') {
    problem.detail = body.detail;
  } else if (Array.isArray(body.detail)) {
    for (const item of body.detail) if (isRecord(item)) addFieldError(item.loc, item.msg);
  }
  if (Array.isArray(body.errors)) {
    for (const item of body.errors) if (isRecord(item)) addFieldError(item.loc, item.msg);
  }
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
  if (Object.keys(extensions).length > 0) problem.extensions = extensions;
  return problem;
}

/** An error answer from the API, thrown by the client helpers. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The network failed before any answer came (offline, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
