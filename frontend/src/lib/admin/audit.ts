/** The audit trail's filters: what is in the URL, what goes to GET /api/v1/audit. */

/** What hangs under a park: these carry a park in the audit trail (and on the start page). */
export const PARK_ENTITY_TYPES = [
  'park',
  'stakeholder',
  'contact_moment',
  'interest',
  'theme_skip',
  'survey',
  'survey_invitation',
  'survey_response',
  'project',
  'project_participant',
  'business_case',
  'organisation',
  'organisation_advice',
  'assessment',
] as const;

export const ENTITY_TYPES = [...PARK_ENTITY_TYPES, 'user', 'api_client', 'webhook'] as const;

export interface AuditFilters {
  entityType: string;
  entityId: string;
  parkId: string;
  actorId: string;
  /** The first day of the period, YYYY-MM-DD (a day in the browser's time zone), or ''. */
  from: string;
  /** The last day of the period (taken in whole), YYYY-MM-DD, or ''. */
  to: string;
}

export const EMPTY_FILTERS: AuditFilters = { entityType: '', entityId: '', parkId: '', actorId: '', from: '', to: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD day → the moment its local day starts (plus `offset` days); null when not a real day. */
export function localDayStart(day: string, offset = 0): Date | null {
  const m = DAY.exec(day.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const start = new Date(y, mo - 1, d);
  if (start.getFullYear() !== y || start.getMonth() !== mo - 1 || start.getDate() !== d) return null;
  return new Date(y, mo - 1, d + offset);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}

/** A park link (…/parken/<id>/…) or a bare id → the id; anything else as typed. */
export function idFromInput(value: string): string {
  const trimmed = value.trim();
  const m = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(trimmed);
  return m ? m[1]!.toLowerCase() : trimmed;
}

/** The URL's search parameters → filters (unknown entity types and non-ids are kept for the form to flag). */
export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  return {
    entityType: params.get('soort') ?? '',
    entityId: params.get('id') ?? '',
    parkId: params.get('park') ?? '',
    actorId: params.get('door') ?? '',
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
  };
}

export function filtersToSearch(filters: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.entityType) out.set('soort', filters.entityType);
  if (filters.entityId.trim()) out.set('id', idFromInput(filters.entityId));
  if (filters.parkId.trim()) out.set('park', idFromInput(filters.parkId));
  if (filters.actorId) out.set('door', filters.actorId);
  if (filters.from.trim()) out.set('van', filters.from.trim());
  if (filters.to.trim()) out.set('tot', filters.to.trim());
  return out;
}

/** Which id fields are filled in but are not ids (the API would answer 422). */
export function invalidFilters(filters: AuditFilters): (keyof AuditFilters)[] {
  const bad: (keyof AuditFilters)[] = [];
  for (const key of ['entityId', 'parkId', 'actorId'] as const) {
    const value = filters[key].trim();
    if (value && !isUuid(idFromInput(value))) bad.push(key);
  }
  for (const key of ['from', 'to'] as const) {
    if (filters[key].trim() && !localDayStart(filters[key])) bad.push(key);
  }
  const from = localDayStart(filters.from);
  const to = localDayStart(filters.to);
  if (from && to && from > to && !bad.includes('to')) bad.push('to');
  return bad;
}

/**
 * Filters → the query of GET /api/v1/audit: only what is set and valid, newest first. The days
 * are the user's own (the browser's time zone): `from` is the moment the first day starts,
 * `to` the moment after the last day ends (the API takes a moment in `to` as exclusive).
 */
export function filtersToQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if ((ENTITY_TYPES as readonly string[]).includes(filters.entityType)) query.entity_type = filters.entityType;
  const id = (value: string) => {
    const v = idFromInput(value);
    return isUuid(v) ? v : '';
  };
  if (id(filters.entityId)) query.entity_id = id(filters.entityId);
  if (id(filters.parkId)) query.park_id = id(filters.parkId);
  if (id(filters.actorId)) query.actor_id = id(filters.actorId);
  const from = localDayStart(filters.from);
  const to = localDayStart(filters.to, 1);
  if (from && !(to && from >= to)) query.from = from.toISOString();
  if (to && !(from && from >= to)) query.to = to.toISOString();
  query.order = 'newest';
  return query;
}

/** One field change as a short text: values are shown as JSON, long ones cut. */
export function showValue(value: unknown, max = 80): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
