/** The audit trail's filters: what is in the URL, what goes to GET /api/v1/audit. */

export const ENTITY_TYPES = [
  'park',
  'stakeholder',
  'contact_moment',
  'interest',
  'project',
  'project_participant',
  'business_case',
  'organisation',
  'organisation_advice',
  'assessment',
  'user',
  'api_client',
  'webhook',
] as const;

export interface AuditFilters {
  entityType: string;
  entityId: string;
  parkId: string;
  actorId: string;
}

export const EMPTY_FILTERS: AuditFilters = { entityType: '', entityId: '', parkId: '', actorId: '' };

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
  };
}

export function filtersToSearch(filters: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.entityType) out.set('soort', filters.entityType);
  if (filters.entityId.trim()) out.set('id', idFromInput(filters.entityId));
  if (filters.parkId.trim()) out.set('park', idFromInput(filters.parkId));
  if (filters.actorId) out.set('door', filters.actorId);
  return out;
}

/** Which id fields are filled in but are not ids (the API would answer 422). */
export function invalidFilters(filters: AuditFilters): (keyof AuditFilters)[] {
  const bad: (keyof AuditFilters)[] = [];
  for (const key of ['entityId', 'parkId', 'actorId'] as const) {
    const value = filters[key].trim();
    if (value && !isUuid(idFromInput(value))) bad.push(key);
  }
  return bad;
}

/** Filters → the query of GET /api/v1/audit: only what is set and valid. */
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
  return query;
}

/** One field change as a short text: values are shown as JSON, long ones cut. */
export function showValue(value: unknown, max = 80): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
