/** Rules of the user forms, as the API enforces them (backend/auth/service.py). */
import type { Province, Role } from '../../api/types';

export const ROLES: readonly Role[] = ['admin', 'expert', 'viewer'];
export const MIN_PASSWORD = 10;

export interface UserDraft {
  email: string;
  fullName: string;
  password: string;
  role: Role;
  provinces: Province[];
}

export type UserDraftError = 'email' | 'fullName' | 'password' | 'provinces';

/** Problems to point at before sending; the API checks again. */
export function validateUserDraft(draft: UserDraft): UserDraftError[] {
  const errors: UserDraftError[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) errors.push('email');
  if (!draft.fullName.trim()) errors.push('fullName');
  if (draft.password.length < MIN_PASSWORD) errors.push('password');
  if (draft.role !== 'expert' && draft.provinces.length > 0) errors.push('provinces');
  return errors;
}

/** Only experts have provinces: changing the role away from expert clears them. */
export function provincesForRole(role: Role, provinces: readonly Province[]): Province[] {
  return role === 'expert' ? [...provinces] : [];
}

/**
 * What the API will refuse for the signed-in admin's own account: changing their own role or
 * deactivating themselves (409). The buttons say so before the request.
 */
export function selfLimits(actorId: string | undefined, userId: string): { canChangeRole: boolean; canDeactivate: boolean } {
  const self = actorId !== undefined && actorId === userId;
  return { canChangeRole: !self, canDeactivate: !self };
}
