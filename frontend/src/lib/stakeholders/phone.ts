/** "+31612345678" shown as "06 12345678"; other countries as stored. */
export function displayPhone(e164: string): string {
  const m = /^\+31(6)(\d{8})$/.exec(e164);
  if (m) return `0${m[1]} ${m[2]}`;
  const nl = /^\+31(\d{9})$/.exec(e164);
  if (nl?.[1]) {
    const n = nl[1];
    // Two-digit area codes for the big cities, three for the rest: good enough to read and dial.
    const two = /^(10|13|15|20|23|24|26|30|33|35|36|38|40|43|45|46|50|53|55|58|70|71|72|73|74|75|76|77|78|79)/.test(n);
    return two ? `0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}` : `0${n.slice(0, 3)} ${n.slice(3)}`;
  }
  return e164;
}
