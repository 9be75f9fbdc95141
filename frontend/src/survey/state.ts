/** What the respondent has typed, kept on the device until the server has it; and the body sent. */
import type { components } from '../api/schema';
import { parseBudget } from '../lib/format';

type Schemas = components['schemas'];
export type PublicSurvey = Schemas['PublicSurvey'];
export type Submit = Schemas['ResponseSubmit'];
export type Willingness = Schemas['Willingness'];
export type Obstacle = Schemas['Obstacle'];
export const OBSTACLES: readonly Obstacle[] = ['knowledge', 'grid_congestion', 'money', 'time', 'regulation', 'other'];
export const WILLINGNESS: readonly Willingness[] = ['none', 'time', 'money', 'time_and_money'];

export interface AnswerDraft {
  urgency: number | null; // null: not answered yet
  skipped: boolean; // "not relevant"
  willingness: Willingness;
  obstacles: Obstacle[];
  budget: string;
  situation: string;
  challenge: string;
  vision: string;
}

export interface RespondentDraft {
  company_name: string;
  kvk_number: string;
  contact_name: string;
  email: string;
  phone: string;
}

export interface Draft {
  consent: boolean;
  respondent: RespondentDraft;
  answers: Record<string, AnswerDraft>;
  step: number; // 0: the start; 1..n: the themes; n + 1: done
}

export const EMPTY_ANSWER: AnswerDraft = {
  urgency: null,
  skipped: false,
  willingness: 'none',
  obstacles: [],
  budget: '',
  situation: '',
  challenge: '',
  vision: '',
};

const EMPTY_RESPONDENT: RespondentDraft = { company_name: '', kvk_number: '', contact_name: '', email: '', phone: '' };

/** The draft of a survey the server gave back: its answers so far, or nothing yet. */
export function draftFrom(survey: PublicSurvey): Draft {
  const answers: Record<string, AnswerDraft> = {};
  for (const a of survey.answers) {
    answers[a.theme_code] = {
      urgency: a.urgency,
      skipped: false,
      willingness: a.investment_willingness,
      obstacles: [...a.obstacles],
      budget: a.budget_eur ? a.budget_eur.replace(/\.00$/, '').replace('.', ',') : '',
      situation: a.current_situation ?? '',
      challenge: a.challenge ?? '',
      vision: a.vision ?? '',
    };
  }
  const r = survey.respondent;
  return {
    consent: survey.submitted_at !== null,
    respondent: r
      ? {
          company_name: r.company_name,
          kvk_number: r.kvk_number ?? '',
          contact_name: r.contact_name ?? '',
          email: r.email ?? '',
          phone: r.phone ?? '',
        }
      : EMPTY_RESPONDENT,
    answers,
    step: 0,
  };
}

/** "2.500", "2500,50", "€ 1.000" → "2500.00"; null for empty; undefined when not an amount (as the interview reads a budget). */
export function parseEuro(input: string): string | null | undefined {
  const parsed = parseBudget(input);
  return parsed.ok ? parsed.value : undefined;
}

/** A budget is asked (and sent) only from who would invest money. */
export const paysMoney = (a: AnswerDraft): boolean => a.willingness === 'money' || a.willingness === 'time_and_money';

export type StepError = 'urgency' | 'budget' | 'consent' | 'company' | 'kvk';

export function answerErrors(a: AnswerDraft): StepError[] {
  if (a.skipped) return [];
  const errors: StepError[] = [];
  if (a.urgency === null) errors.push('urgency');
  if (paysMoney(a) && parseEuro(a.budget) === undefined) errors.push('budget');
  return errors;
}

export function startErrors(draft: Draft, personal: boolean): StepError[] {
  const errors: StepError[] = [];
  if (!draft.consent) errors.push('consent');
  if (!personal) {
    if (!draft.respondent.company_name.trim()) errors.push('company');
    const kvk = draft.respondent.kvk_number.replace(/\s/g, '');
    if (kvk && !/^\d{8}$/.test(kvk)) errors.push('kvk');
  }
  return errors;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The PUT body: every theme answered (not skipped, with an urgency), in the survey's order. */
export function toBody(draft: Draft, themeCodes: readonly string[], personal: boolean): Submit {
  const answers = themeCodes.flatMap((code) => {
    const a = draft.answers[code];
    if (!a || a.skipped || a.urgency === null) return [];
    const budget = paysMoney(a) ? parseEuro(a.budget) : null;
    return [
      {
        theme_code: code,
        urgency: a.urgency,
        investment_willingness: a.willingness,
        budget_eur: budget ?? null,
        current_situation: orNull(a.situation),
        challenge: orNull(a.challenge),
        vision: orNull(a.vision),
        obstacles: a.obstacles?.length ? [...a.obstacles] : null,
      },
    ];
  });
  const r = draft.respondent;
  return {
    consent: draft.consent,
    respondent: personal
      ? null
      : {
          company_name: r.company_name.trim(),
          kvk_number: orNull(r.kvk_number.replace(/\s/g, '')),
          contact_name: orNull(r.contact_name),
          email: orNull(r.email),
          phone: orNull(r.phone),
        },
    answers,
  };
}

// --- the device's copy -----------------------------------------------------------------------

const KEY = 'parkregie.survey.v1:';

export interface Stored {
  draft: Draft;
  unsent: boolean; // typed since the last save the server confirmed
}

export function loadStored(token: string, storage: Storage | null = safeStorage()): Stored | null {
  try {
    const raw = storage?.getItem(KEY + token);
    if (!raw) return null;
    const value = JSON.parse(raw) as Stored;
    if (!value || typeof value !== 'object' || !value.draft || typeof value.draft.step !== 'number') return null;
    // A draft written by an older page may lack newer fields: they start empty.
    const answers = Object.fromEntries(Object.entries(value.draft.answers ?? {}).map(([code, a]) => [code, { ...EMPTY_ANSWER, ...a }]));
    return { ...value, draft: { ...value.draft, answers } };
  } catch {
    return null;
  }
}

export function saveStored(token: string, stored: Stored, storage: Storage | null = safeStorage()): void {
  try {
    storage?.setItem(KEY + token, JSON.stringify(stored));
  } catch {
    // private mode or full: the server's copy is the one that counts
  }
}

export function moveStored(from: string, to: string, storage: Storage | null = safeStorage()): void {
  const stored = loadStored(from, storage);
  if (stored) saveStored(to, stored, storage);
  try {
    storage?.removeItem(KEY + from);
  } catch {
    // nothing to do
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
