import { describe, expect, it } from 'vitest';
import { endReasonOf } from './client';

function problem(type: string): Response {
  return new Response(JSON.stringify({ type, title: 'Not authenticated', status: 401 }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

describe('why a session ended', () => {
  it('is "revoked" when the server revoked the token (rights or password changed)', async () => {
    expect(await endReasonOf(problem('https://parkregie.nl/problems/token-revoked'))).toBe('revoked');
  });

  it('is "expired" for any other 401, also one without a problem body', async () => {
    expect(await endReasonOf(problem('https://parkregie.nl/problems/unauthorized'))).toBe('expired');
    expect(await endReasonOf(new Response('nope', { status: 401 }))).toBe('expired');
  });

  it('leaves the body readable for the caller', async () => {
    const response = problem('https://parkregie.nl/problems/token-revoked');
    await endReasonOf(response);
    expect(((await response.json()) as { status: number }).status).toBe(401);
  });
});
