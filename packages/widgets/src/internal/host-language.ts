// Hosts whose lang/dir we wrote, so we keep updating ours but never
// overwrite what the page author set on the element.
const ours = new WeakMap<HTMLElement, Set<string>>();

function setUnlessAuthored(host: HTMLElement, name: 'lang' | 'dir', value: string): void {
  const set = ours.get(host) ?? new Set<string>();
  ours.set(host, set);
  if (host.hasAttribute(name) && !set.has(name)) return;
  set.add(name);
  if (host.getAttribute(name) !== value) host.setAttribute(name, value);
}

/**
 * Sets `lang` (so screen readers pronounce Spanish as Spanish) and `dir`
 * (RTL locales lay out mirrored; all styles use logical properties) on a
 * providing element.
 */
export function syncHostLanguage(host: HTMLElement, locale: string, dir: 'ltr' | 'rtl'): void {
  setUnlessAuthored(host, 'lang', locale);
  setUnlessAuthored(host, 'dir', dir);
}
