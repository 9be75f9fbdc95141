import i18next from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { resources } from '../i18n';
import { describeError, loginErrorMessage, loginWaitMinutes, translateFieldMessage } from './messages';
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

describe('input rules and money (backend/core/inputs.py, money.py, middleware.py)', () => {
  // As the backend words them; the validators' messages come with pydantic's "Value error, ".
  test.each([
    ['Value error, give a date as YYYY-MM-DD', 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-02.'],
    ['give a date as YYYY-MM-DD', 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-12-02.'],
    [
      'Value error, give a moment in RFC 3339, e.g. 2026-12-02T10:00:00Z',
      'Vul een datum en tijd in als JJJJ-MM-DDTuu:mm:ssZ, bijvoorbeeld 2026-12-02T10:00:00Z.',
    ],
    [
      'Value error, may not contain a line break or control character (U+000A)',
      'Gebruik één regel: zonder regeleinden, tabs of andere onzichtbare stuurtekens (gevonden: U+000A).',
    ],
    ['Value error, may not contain a control character (U+0007)', 'Bevat een onzichtbaar stuurteken (U+0007); haal het weg.'],
    ['contains a control character (U+0000)', 'Bevat een onzichtbaar stuurteken (U+0000); haal het weg.'],
    ['contains a control character (U+001F); remove it', 'Bevat een onzichtbaar stuurteken (U+001F); haal het weg.'],
    ['the body is not UTF-8 text (byte 17)', 'De verzonden tekst is geen geldige UTF-8 (byte 17).'],
    ['Value error, not an amount in euros', "Geen bedrag in euro's; bijvoorbeeld 1250000 of 1.250.000,00."],
    ['Value error, an amount cannot be negative', 'Een bedrag kan niet negatief zijn.'],
    ['Value error, an amount in euros has at most two decimals', 'Een bedrag heeft hoogstens twee cijfers achter de komma.'],
    ['Value error, the amount is larger than 999,999,999,999.99', 'Het bedrag is groter dan 999.999.999.999,99.'],
    ['Value should have at most 200 items after validation, not 20799', 'Gebruik hoogstens 200 tekens.'],
    ['Value should have at least 1 item after validation, not 0', 'Vul minimaal 1 teken in.'],
    ['Value error, something we do not know', 'something we do not know'],
  ])('%s', (msg, expected) => {
    expect(translateFieldMessage(msg, t, 'nl')).toBe(expected);
  });

  test('in English', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng: 'en', interpolation: { escapeValue: false } });
    const en = instance.t.bind(instance) as typeof i18next.t;
    expect(translateFieldMessage('Value error, give a date as YYYY-MM-DD', en, 'en')).toBe('Enter a date as YYYY-MM-DD, for example 2026-12-02.');
    expect(translateFieldMessage('contains a control character (U+0000)', en, 'en')).toBe(
      'Contains an invisible control character (U+0000); remove it.',
    );
    expect(translateFieldMessage('Value error, the amount is larger than 999,999,999,999.99', en, 'en')).toBe(
      'The amount is larger than 999,999,999,999.99.',
    );
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
  test('503: the database cannot be reached, try again in a few seconds', () => {
    const database = new ApiError(
      parseProblem({ status: 503, detail: 'The database cannot be reached right now; try again in a few seconds.' }, 503),
    );
    expect(describeError(database, t)).toEqual({
      message: 'De database is nu even niet bereikbaar. Probeer het over een paar seconden opnieuw.',
    });
    expect(describeError(new ApiError(parseProblem('', 503)), t).message).toBe(
      'De server is nu even niet beschikbaar. Probeer het over een paar seconden opnieuw.',
    );
    expect(describeError(new ApiError(parseProblem({}, 429)), t).message).toContain('Wacht even');
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
  test('429 says how many minutes to wait', () => {
    const wait = (minutes: number) =>
      problem(429, `Too many failed logins for this account. Wait ${minutes} minute(s) and try again.`);
    expect(loginErrorMessage(wait(1), t)).toBe(
      'Te veel mislukte inlogpogingen voor dit account. Wacht 1 minuut en probeer het dan opnieuw.',
    );
    expect(loginErrorMessage(wait(15), t)).toBe(
      'Te veel mislukte inlogpogingen voor dit account. Wacht 15 minuten en probeer het dan opnieuw.',
    );
    expect(loginWaitMinutes('Too many failed logins for this account. Wait 15 minute(s) and try again.')).toBe(15);
    expect(loginWaitMinutes('Too many requests')).toBeNull();
    expect(loginWaitMinutes('Wait 0 minute(s)')).toBeNull();
  });
  test('503 from the database', () => {
    expect(loginErrorMessage(problem(503, 'The database cannot be reached right now; try again in a few seconds.'), t)).toBe(
      'Inloggen lukt nu even niet: de database is niet bereikbaar. Probeer het over een paar seconden opnieuw.',
    );
  });
});
