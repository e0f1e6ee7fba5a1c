// One element's own strings (booking, manage, intake form): English in the
// element's chunk, other languages loaded once on first use, the host asked
// to re-render when they arrive. Module memory only, like catalogues.ts.
import type { ReactiveControllerHost } from 'lit';

export interface ElementCatalogue<C> {
  /** The strings for `language`: English while another loads or when it is not shipped. */
  get(language: string, host: ReactiveControllerHost): C;
  /** Adds or replaces a language's strings (a loader keeps them out of the bundle until used). */
  register(language: string, catalogue: C | (() => Promise<C>)): void;
}

export function elementCatalogue<C extends object>(
  english: C,
  shipped: Record<string, () => Promise<C>>,
): ElementCatalogue<C> {
  const loaded = new Map<string, C>([['en', english]]);
  const loaders = new Map(Object.entries(shipped));
  return {
    get(language, host) {
      const ready = loaded.get(language);
      if (ready) return ready;
      const load = loaders.get(language);
      if (!load) return english;
      loaded.set(language, english); // one request per language, even if it fails
      void load().then((catalogue) => {
        loaded.set(language, catalogue);
        host.requestUpdate();
      });
      return english;
    },
    register(language, catalogue) {
      if (typeof catalogue === 'function') {
        loaded.delete(language);
        loaders.set(language, catalogue as () => Promise<C>);
      } else loaded.set(language, catalogue);
    },
  };
}
