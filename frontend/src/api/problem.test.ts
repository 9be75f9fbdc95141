import { describe, expect, test } from 'vitest';
import { ApiError, fieldFromLoc, isApiError, parseProblem } from './problem';

describe('problem details', () => {
  test('reads problem+json with field errors', () => {
    const problem = parseProblem(
      {
        type: 'https://parkregie.nl/problems/validation-error',
        title: 'Invalid input',
        status: 422,
        detail: 'The request has invalid fields; see errors.',
        instance: '/api/v1/parks/1',
        errors: [
          { loc: ['body', 'area_ha'], msg: 'Input should be greater than or equal to 0' },
          { loc: ['body', 'latitude'], msg: 'a' },
          { loc: ['body', 'latitude'], msg: 'b' },
          { loc: ['body'], msg: 'whole body' },
        ],
      },
      422,
    );
    expect(problem.status).toBe(422);
    expect(problem.detail).toBe('The request has invalid fields; see errors.');
    expect(problem.fieldErrors).toEqual({
      area_ha: ['Input should be greater than or equal to 0'],
      latitude: ['a', 'b'],
      '': ['whole body'],
    });
  });

  test('reads a 412 without errors', () => {
    const problem = parseProblem(
      { type: 't', title: 'Precondition failed', status: 412, detail: 'changed', instance: '/x' },
      412,
    );
    expect(problem).toMatchObject({ status: 412, title: 'Precondition failed', detail: 'changed', fieldErrors: {} });
  });

  test("reads FastAPI's plain {detail: [...]} and survives junk", () => {
    expect(parseProblem({ detail: [{ loc: ['query', 'limit'], msg: 'too big' }] }, 422).fieldErrors).toEqual({
      limit: ['too big'],
    });
    expect(parseProblem(undefined, 502, 'Bad Gateway')).toMatchObject({ status: 502, title: 'Bad Gateway', detail: '' });
    expect(parseProblem('<html>proxy error</html>', 502).detail).toBe('');
    expect(parseProblem('plain text', 500).detail).toBe('plain text');
    expect(parseProblem({ errors: [{ loc: 'x', msg: 3 }, null] }, 422).fieldErrors).toEqual({});
  });

  test('loc paths', () => {
    expect(fieldFromLoc(['body', 'geometry', 'coordinates', 0])).toBe('geometry.coordinates.0');
    expect(fieldFromLoc(['name'])).toBe('name');
    expect(fieldFromLoc(null)).toBe('');
  });

  test('ApiError carries the status', () => {
    const error = new ApiError(parseProblem({ status: 403, detail: 'no' }, 403));
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 403)).toBe(true);
    expect(isApiError(error, 412)).toBe(false);
    expect(error.message).toBe('no');
    expect(isApiError(new Error('x'))).toBe(false);
  });
});
