import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { resources } from '../i18n';
import { describeError, loginErrorMessage, translateFieldMessage } from './messages';
import { ApiError, NetworkError, parseProblem } from './problem';

let t: typeof i18next.t;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'nl', interpolation: { escapeValue: false } });
  t = instance.t.bind(instance) as typeof i18next.t;
});

describe('validation messages in Dutch', () => {
  test.each([
    ['Input should be greater than or equal to 0', 'Moet minimaal 0 zijn.'],
    ['Input should be greater than or equal to 50.6', 'Moet minimaal 50,6 zijn.'],
    ['Input should be less than or equal to 100000', 'Mag hoogstens 100.000 zijn.'],
    ['String should have at least 1 character', 'Vul minimaal 1 teken in.'],
    ['String should have at most 200 characters', 'Gebruik hoogstens 200 tekens.'],
    ['Input should be a valid integer, got a number with a fractional part', 'Vul een geheel getal in.'],
    ['give both latitude and longitude, or neither', 'Vul zowel de breedtegraad als de lengtegraad in, of geen van beide.'],
    ["'Utreg' is not a Dutch municipality in the register (use its current name).", 'Deze gemeente staat niet in het register. Gebruik de huidige naam van de gemeente.'],
    ['Something new', 'Something new'],
  ])('%s', (msg, expected) => {
    expect(translateFieldMessage(msg, t, 'nl')).toBe(expected);
  });
});

describe('error sentences', () => {
  test('by status, with the server detail', () => {
    const forbidden = new ApiError(parseProblem({ status: 403, detail: 'You may not.' }, 403));
    expect(describeError(forbidden, t)).toEqual({
      message: 'Je hebt geen toestemming voor deze actie.',
      detail: 'You may not.',
    });
    expect(describeError(new ApiError(parseProblem({}, 500)), t).message).toContain('op de server');
    expect(describeError(new NetworkError(new TypeError('fetch failed')), t).message).toContain('niet bereikbaar');
  });
});

describe('login errors', () => {
  const problem = (status: number, detail = '') => new ApiError(parseProblem({ status, detail }, status));
  test('wrong credentials, throttled, missing input, offline', () => {
    expect(loginErrorMessage(problem(401), t)).toBe('Het e-mailadres of het wachtwoord klopt niet.');
    expect(loginErrorMessage(problem(429), t)).toContain('Te veel mislukte pogingen');
    expect(loginErrorMessage(problem(400), t)).toBe('Vul je e-mailadres en je wachtwoord in.');
    expect(loginErrorMessage(new NetworkError(null), t)).toContain('niet bereikbaar');
    expect(loginErrorMessage(problem(503, 'Maintenance'), t)).toBe('Inloggen lukte niet: Maintenance');
    expect(loginErrorMessage(null, t)).toBeNull();
  });
});
