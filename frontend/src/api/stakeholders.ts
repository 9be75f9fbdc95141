/**
 * The stakeholders API: stakeholders, contact moments, follow-ups, import/export and the
 * contact person's data. Typed from the generated schema; uploads go through XMLHttpRequest
 * for their progress events, downloads through fetch with the bearer token.
 */
import { endSession, getToken } from '../auth/session';
import { currentLanguage } from '../i18n';
import { parseImportErrors, parseImportWarnings, type ImportRowError } from '../lib/stakeholders/importReport';
import { api, call, endReasonOf } from './client';
import { collectPages, PAGE_SIZE, type Collected } from './pages';
import { ApiError, NetworkError, parseProblem, type Problem } from './problem';
import type { components } from './schema';

type Schemas = components['schemas'];

export type Stakeholder = Schemas['StakeholderPublic'];
export type StakeholderCreate = Schemas['StakeholderCreate'];
export type StakeholderUpdate = Schemas['StakeholderUpdate'];
export type StakeholderKind = Schemas['StakeholderKind'];
export type StakeholderRole = Schemas['StakeholderRole'];
export type PollVote = Schemas['PollVote'];
export type ContactMoment = Schemas['ContactMomentPublic'];
export type ContactMomentCreate = Schemas['ContactMomentCreate'];
export type ContactMomentUpdate = Schemas['ContactMomentUpdate'];
export type ContactChannel = Schemas['ContactChannel'];
export type FollowUp = Schemas['FollowUp'];
export type PersonalData = Schemas['PersonalData'];
export type ImportReport = Schemas['ImportReport'];

/** At most this many stakeholders are loaded for one list (sorted and filtered in the browser). */
export const STAKEHOLDER_CAP = 2000;
/** At most this many contact moments of one stakeholder, and open follow-ups. */
export const CONTACT_CAP = 1000;

export interface StakeholderFilters {
  role?: StakeholderRole | undefined;
  q?: string | undefined;
}

/** The park's stakeholders the filters let through, up to STAKEHOLDER_CAP. */
export function listStakeholders(parkId: string, filters: StakeholderFilters, signal?: AbortSignal): Promise<Collected<Stakeholder>> {
  return collectPages(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/parks/{park_id}/stakeholders', {
            params: { path: { park_id: parkId }, query: { ...filters, limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
    STAKEHOLDER_CAP,
  );
}

/** A stakeholder with the ETag to send back as If-Match. */
export interface VersionedStakeholder {
  stakeholder: Stakeholder;
  etag: string;
}

const etagOf = (response: Response, version: number) => response.headers.get('ETag') ?? `"${version}"`;

export async function getStakeholder(id: string, signal?: AbortSignal): Promise<VersionedStakeholder> {
  const { data, response } = await call(
    api.GET('/api/v1/stakeholders/{stakeholder_id}', { params: { path: { stakeholder_id: id } }, signal }),
  );
  return { stakeholder: data, etag: etagOf(response, data.version) };
}

export async function createStakeholder(parkId: string, body: StakeholderCreate): Promise<VersionedStakeholder> {
  const { data, response } = await call(
    api.POST('/api/v1/parks/{park_id}/stakeholders', { params: { path: { park_id: parkId } }, body }),
  );
  return { stakeholder: data, etag: etagOf(response, data.version) };
}

export async function updateStakeholder(
  id: string,
  etag: string,
  body: StakeholderUpdate,
): Promise<VersionedStakeholder> {
  const { data, response } = await call(
    api.PATCH('/api/v1/stakeholders/{stakeholder_id}', {
      params: { path: { stakeholder_id: id }, header: { 'If-Match': etag } },
      body,
    }),
  );
  return { stakeholder: data, etag: etagOf(response, data.version) };
}

export async function deleteStakeholder(id: string, etag: string): Promise<void> {
  await call(
    api.DELETE('/api/v1/stakeholders/{stakeholder_id}', {
      params: { path: { stakeholder_id: id }, header: { 'If-Match': etag } },
    }),
  );
}

export function listContacts(stakeholderId: string, signal?: AbortSignal): Promise<Collected<ContactMoment>> {
  return collectPages(
    async (cursor) =>
      (
        await call(
          api.GET('/api/v1/stakeholders/{stakeholder_id}/contacts', {
            params: { path: { stakeholder_id: stakeholderId }, query: { limit: PAGE_SIZE, cursor } },
            signal,
          }),
        )
      ).data,
    CONTACT_CAP,
  );
}

export async function createContact(stakeholderId: string, body: ContactMomentCreate): Promise<ContactMoment> {
  return (
    await call(
      api.POST('/api/v1/stakeholders/{stakeholder_id}/contacts', {
        params: { path: { stakeholder_id: stakeholderId } },
        body,
      }),
    )
  ).data;
}

/** Changes a contact moment; with `version`, only if nobody changed it since (412). */
export async function updateContact(id: string, body: ContactMomentUpdate, version?: number): Promise<ContactMoment> {
  const header = version !== undefined ? { 'If-Match': `"${version}"` } : {};
  return (await call(api.PATCH('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id }, header }, body })))
    .data;
}

export function listFollowUps(signal?: AbortSignal): Promise<Collected<FollowUp>> {
  return collectPages(
    async (cursor) =>
      (await call(api.GET('/api/v1/contacts', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }))).data,
    CONTACT_CAP,
  );
}

export async function getPersonalData(stakeholderId: string, signal?: AbortSignal): Promise<PersonalData> {
  return (
    await call(
      api.GET('/api/v1/stakeholders/{stakeholder_id}/personal-data', {
        params: { path: { stakeholder_id: stakeholderId } },
        signal,
      }),
    )
  ).data;
}

export async function erasePersonalData(stakeholderId: string, etag: string): Promise<void> {
  await call(
    api.DELETE('/api/v1/stakeholders/{stakeholder_id}/personal-data', {
      params: { path: { stakeholder_id: stakeholderId }, header: { 'If-Match': etag } },
    }),
  );
}

// --- import ------------------------------------------------------------------------------------

/**
 * A 422 or 409 from the import: nothing was written. `rows` holds the errors per row and column
 * (422), or the rows whose stakeholder someone else changed meanwhile (409); `warnings` what
 * the 422 noted besides (unknown columns).
 */
export class ImportRejectedError extends ApiError {
  readonly rows: ImportRowError[];
  readonly warnings: string[];

  constructor(problem: Problem, rows: ImportRowError[], warnings: string[] = []) {
    super(problem);
    this.name = 'ImportRejectedError';
    this.rows = rows;
    this.warnings = warnings;
  }
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Sends the file to the import (dry run or for real) with upload progress. Resolves with the
 * report; rejects with ImportRejectedError (422, 409), ApiError (other statuses) or NetworkError.
 * `decisions` says per likely duplicate (row number) what to do: `update:<id>`, `create`, `skip`.
 */
export function importStakeholders(
  parkId: string,
  file: File,
  dryRun: boolean,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
  decisions?: Record<string, string>,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const url = `/api/v1/parks/${encodeURIComponent(parkId)}/stakeholders/import?dry_run=${dryRun}`;
    xhr.open('POST', url);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.responseType = 'text';
    if (onProgress) {
      xhr.upload.onprogress = (event) =>
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    }
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => signal?.removeEventListener('abort', abort);
    xhr.onerror = () => {
      done();
      reject(new NetworkError(new Error('upload failed')));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('aborted', 'AbortError'));
    };
    xhr.onload = () => {
      done();
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: parseProblem copes with text
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportReport);
        return;
      }
      if (xhr.status === 401) {
        const type = (body as { type?: unknown } | null)?.type;
        endSession(typeof type === 'string' && type.endsWith('/token-revoked') ? 'revoked' : 'expired');
      }
      const problem = parseProblem(body, xhr.status, xhr.statusText);
      reject(
        xhr.status === 422 || xhr.status === 409
          ? new ImportRejectedError(problem, parseImportErrors(body), parseImportWarnings(body))
          : new ApiError(problem),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    if (decisions && Object.keys(decisions).length > 0) form.append('decisions', JSON.stringify(decisions));
    xhr.send(form);
  });
}

// --- export ------------------------------------------------------------------------------------

export type ExportFormat = 'csv' | 'xlsx';

/** The file name from a Content-Disposition header, if it has one. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || null;
}

/** Fetches the park's stakeholder export and saves it; the file name the server chose. */
export function downloadExport(parkId: string, format: ExportFormat): Promise<string> {
  return downloadFile(`/api/v1/parks/${encodeURIComponent(parkId)}/stakeholders/export?format=${format}`, `betrokkenen.${format}`);
}

/** Fetches a file with the bearer token and saves it through a Blob URL; the name it got. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: {
        Authorization: `Bearer ${getToken() ?? ''}`,
        'Accept-Language': currentLanguage(),
      },
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) {
    if (response.status === 401) endSession(await endReasonOf(response));
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // no problem body
    }
    throw new ApiError(parseProblem(body, response.status, response.statusText));
  }
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
