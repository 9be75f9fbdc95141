import type { Commitment, Participant } from './api';

export const COMMITMENTS: readonly Commitment[] = ['interested', 'committed', 'signed'];

/** How many have committed (committed or signed) and how many have signed: what the phase rules count. */
export function commitmentCounts(participants: readonly Pick<Participant, 'commitment'>[]): { committed: number; signed: number } {
  let committed = 0;
  let signed = 0;
  for (const p of participants) {
    if (p.commitment === 'committed' || p.commitment === 'signed') committed++;
    if (p.commitment === 'signed') signed++;
  }
  return { committed, signed };
}
