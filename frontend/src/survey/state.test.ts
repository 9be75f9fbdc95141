import { describe, expect, test } from 'vitest';
import { EMPTY_ANSWER, answerErrors, draftFrom, loadStored, moveStored, parseEuro, saveStored, startErrors, toBody, type Draft, type PublicSurvey } from './state';

const survey: PublicSurvey = {
  title: 'Enquête',
  intro: null,
  park_name: 'Lage Weide',
  closes_on: null,
  themes: [
    { code: 'security', track: 'schoon_heel_veilig', name_nl: 'Beveiliging', name_en: 'Security' },
    { code: 'energy_hub', track: 'toekomstbestendig', name_nl: 'Energiehub', name_en: 'Energy hub' },
  ],
  personal: false,
  stakeholder_name: null,
  answers: [],
  respondent: null,
  submitted_at: null,
};

function memory(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('the respondent page', () => {
  test('amounts as people type them', () => {
    expect(parseEuro('')).toBeNull();
    expect(parseEuro('2.500')).toBe('2500.00');
    expect(parseEuro('€ 2.500,50')).toBe('2500.50');
    expect(parseEuro('2500')).toBe('2500.00');
    expect(parseEuro('12.5')).toBe('12.50');
    expect(parseEuro('veel')).toBeUndefined();
    expect(parseEuro('1,2,3')).toBeUndefined();
  });

  test('only answered themes are sent, skipped ones and unanswered ones not', () => {
    const draft: Draft = {
      ...draftFrom(survey),
      consent: true,
      respondent: { company_name: ' Bakkerij ', kvk_number: '1234 5678', contact_name: '', email: '', phone: '' },
      answers: {
        security: { ...EMPTY_ANSWER, skipped: true, urgency: 3 },
        energy_hub: { ...EMPTY_ANSWER, urgency: 5, willingness: 'money', budget: '2.500', challenge: '  Netcongestie ', obstacles: ['grid_congestion'] },
      },
    };
    expect(toBody(draft, ['security', 'energy_hub'], false)).toEqual({
      consent: true,
      respondent: { company_name: 'Bakkerij', kvk_number: '12345678', contact_name: null, email: null, phone: null },
      answers: [
        {
          theme_code: 'energy_hub',
          urgency: 5,
          investment_willingness: 'money',
          budget_eur: '2500.00',
          current_situation: null,
          challenge: 'Netcongestie',
          vision: null,
          obstacles: ['grid_congestion'],
        },
      ],
    });
    expect(toBody(draft, ['security', 'energy_hub'], true).respondent).toBeNull();
    // No budget from who would not invest money, whatever is left in the field.
    const time = { ...draft, answers: { energy_hub: { ...EMPTY_ANSWER, urgency: 2, willingness: 'time' as const, budget: 'x' } } };
    expect(toBody(time, ['energy_hub'], true).answers[0]?.budget_eur).toBeNull();
    expect(answerErrors(time.answers.energy_hub)).toEqual([]);
  });

  test('what each step needs before moving on', () => {
    const draft = draftFrom(survey);
    expect(startErrors(draft, false)).toEqual(['consent', 'company']);
    expect(startErrors({ ...draft, consent: true }, true)).toEqual([]);
    expect(startErrors({ ...draft, consent: true, respondent: { ...draft.respondent, company_name: 'X', kvk_number: '123' } }, false)).toEqual(['kvk']);
    expect(answerErrors(EMPTY_ANSWER)).toEqual(['urgency']);
    expect(answerErrors({ ...EMPTY_ANSWER, skipped: true })).toEqual([]);
    expect(answerErrors({ ...EMPTY_ANSWER, urgency: 3, willingness: 'money', budget: 'veel' })).toEqual(['budget']);
  });

  test('the answers the server has come back as a draft', () => {
    const back = draftFrom({
      ...survey,
      submitted_at: '2026-12-04T10:00:00Z',
      answers: [
        { theme_code: 'energy_hub', urgency: 4, investment_willingness: 'time_and_money', budget_eur: '2500.00', current_situation: null, challenge: 'Net', vision: null, obstacles: [] },
      ],
    });
    expect(back.consent).toBe(true);
    expect(back.answers.energy_hub).toMatchObject({ urgency: 4, budget: '2500', challenge: 'Net', willingness: 'time_and_money' });
  });

  test('the device keeps the draft per link, and follows an open link to its edit token', () => {
    const storage = memory();
    const draft = { ...draftFrom(survey), step: 2 };
    saveStored('open', { draft, unsent: true }, storage);
    expect(loadStored('open', storage)?.draft.step).toBe(2);
    moveStored('open', 'edit', storage);
    expect(loadStored('open', storage)).toBeNull();
    expect(loadStored('edit', storage)?.unsent).toBe(true);
    storage.setItem('parkregie.survey.v1:old', JSON.stringify({ unsent: true, draft: { ...draft, answers: { water: { urgency: 3 } } } }));
    expect(loadStored('old', storage)?.draft.answers.water?.obstacles).toEqual([]);
    storage.setItem('parkregie.survey.v1:bad', '{nope');
    expect(loadStored('bad', storage)).toBeNull();
  });
});
