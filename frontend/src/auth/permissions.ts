import type { Province, Role } from '../api/types';

export interface EditorLike {
  role: Role;
  provinces: readonly Province[];
}

/**
 * May this user change a park in this province? Admins everywhere, experts in their own
 * provinces, viewers never. The backend decides in the end (403); this only hides buttons.
 */
export function canEditPark(user: EditorLike | null | undefined, province: Province | null | undefined): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'expert') return province != null && user.provinces.includes(province);
  return false;
}
