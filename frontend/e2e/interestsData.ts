/** Test data for the interest screens, made through the API (as an expert of the province). */
import { baseURL } from './helpers';

async function post<T>(token: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseURL()}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

export async function apiCreatePark(token: string, name: string, municipality: string): Promise<{ id: string }> {
  return post(token, '/parks', { name, municipality });
}

const KINDS = ['entrepreneur', 'entrepreneur', 'entrepreneur', 'entrepreneur', 'property_owner', 'property_owner', 'municipality', 'grid_operator', 'park_manager', 'financier'];
const THEMES = ['security', 'energy_hub', 'energy_generation', 'ev_charging', 'road_safety', 'water', 'mobility', 'parking', 'greening', 'fibre'];
const WILLINGNESS = ['none', 'time', 'money', 'time_and_money'];
const WORDS = ['Bouw', 'Logistiek', 'Metaal', 'Voeding', 'Techniek', 'Transport', 'Installatie', 'Print', 'Hout', 'Recycling', 'Data', 'Glas'];

/** A park with `count` stakeholders, most of them interviewed on two to four themes (deterministic). */
export async function apiBigPark(token: string, name: string, count: number): Promise<{ id: string }> {
  const park = await apiCreatePark(token, name, 'Amersfoort');
  const rows = Array.from({ length: count }, (_, i) => ({
    i,
    name: `${WORDS[i % WORDS.length]} ${['Noord', 'Zuid', 'Oost', 'West', 'Centrum'][i % 5]} ${String(i + 1).padStart(3, '0')}`,
    kind: i === 0 ? 'municipality' : KINDS[(i * 7) % KINDS.length]!,
  }));
  const ids: { i: number; id: string }[] = [];
  await inBatches(rows, 8, async (row) => {
    const created = await post<{ id: string }>(token, `/parks/${park.id}/stakeholders`, { name: row.name, kind: row.kind });
    ids.push({ i: row.i, id: created.id });
  });
  const interests = ids
    .filter(({ i }) => i % 9 !== 4) // some not interviewed yet
    .flatMap(({ i, id }) =>
      Array.from({ length: 2 + (i % 3) }, (_, k) => ({
        id,
        theme_code: THEMES[(i + k * 3) % (k === 0 ? 3 : THEMES.length)]!,
        urgency: 1 + ((i * 3 + k) % 5),
        investment_willingness: WILLINGNESS[(i + k) % 4]!,
      })),
    );
  const unique = [...new Map(interests.map((x) => [`${x.id}:${x.theme_code}`, x])).values()];
  await inBatches(unique, 8, ({ id, ...body }) => post(token, `/stakeholders/${id}/interests`, body));
  return park;
}
