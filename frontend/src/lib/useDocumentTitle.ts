import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Entry {
  title: string | undefined;
  /** A page that holds other pages (the park): its title counts only while none of them has one. */
  parent: boolean;
  app: string;
}

// Every mounted page's title, in the order they were mounted. React mounts a child before its
// parent, so "the newest" is not "the innermost": the parent says it is one.
const entries = new Map<number, Entry>();
let next = 0;

function apply(): void {
  const all = [...entries.values()];
  const chosen = all.filter((e) => !e.parent).at(-1) ?? all.at(-1);
  if (!chosen) return;
  document.title = chosen.title ? `${chosen.title} · ${chosen.app}` : chosen.app;
}

/**
 * "<what> · Parkregie" in the browser tab. A page that shows child pages (the park page around
 * its tabs) passes `{ parent: true }`: a child's title wins, also on a direct load of the child.
 */
export function useDocumentTitle(title: string | undefined, options: { parent?: boolean } = {}): void {
  const { t } = useTranslation();
  const app = t('app.name');
  const parent = options.parent ?? false;
  const id = useRef<number | null>(null);
  if (id.current === null) id.current = next++;
  useEffect(() => {
    const key = id.current!;
    entries.set(key, { title, parent, app });
    apply();
  }, [title, parent, app]);
  useEffect(() => {
    const key = id.current!;
    return () => {
      entries.delete(key);
      apply();
    };
  }, []);
}
