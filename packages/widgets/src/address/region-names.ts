// Country names in the client's language, from Intl.DisplayNames. The first
// construction in a page loads the browser's region-name data (~20 ms), so
// it never runs while a form first renders: fields show the ISO code until
// a task later (or at once when the client reaches the country control),
// then every waiting field re-renders with the names.

const byLocale = new Map<string, Intl.DisplayNames>();
/** Fields waiting for the names of a locale, by locale. */
const waiting = new Map<string, Set<() => void>>();

/** The names of `locale`, made (and kept for the page) now. */
export function regionNames(locale: string): Intl.DisplayNames {
  let names = byLocale.get(locale);
  if (!names) byLocale.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region' })));
  return names;
}

/**
 * The names of `locale` if already made; otherwise undefined, and
 * `ready` is called once they are (a task later).
 */
export function regionNamesIfReady(
  locale: string,
  ready: () => void,
): Intl.DisplayNames | undefined {
  const names = byLocale.get(locale);
  if (names) return names;
  if (!waiting.size) setTimeout(makeWaitingNames);
  let callbacks = waiting.get(locale);
  if (!callbacks) waiting.set(locale, (callbacks = new Set()));
  callbacks.add(ready);
  return undefined;
}

function makeWaitingNames(): void {
  const entries = [...waiting];
  waiting.clear();
  for (const [locale, callbacks] of entries) {
    regionNames(locale);
    for (const callback of callbacks) callback();
  }
}
