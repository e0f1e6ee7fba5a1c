import { en, type Catalogue } from './messages/en.js';

type CatalogueLoader = () => Promise<Catalogue>;

// Module memory only. Catalogues are not PHI, but nothing here needs storage.
const loaded = new Map<string, Catalogue>([['en', en]]);
const loaders = new Map<string, CatalogueLoader>([
  ['es', () => import('./messages/es.js').then((m) => m.es)],
]);
const pending = new Map<string, Promise<Catalogue>>();

/**
 * Adds a language (e.g. `ar`) or replaces a shipped one. A loader keeps the
 * catalogue out of the bundle until a widget asks for that language.
 */
export function registerCatalogue(language: string, catalogue: Catalogue | CatalogueLoader): void {
  pending.delete(language);
  if (typeof catalogue === 'function') {
    loaded.delete(language);
    loaders.set(language, catalogue);
  } else loaded.set(language, catalogue);
}

/** The catalogue if it is ready; English for unknown languages; undefined while loading. */
export function catalogueIfLoaded(language: string): Catalogue | undefined {
  return loaded.get(language) ?? (loaders.has(language) ? undefined : en);
}

/** Loads a language's catalogue once; falls back to English if loading fails. */
export function loadCatalogue(language: string): Promise<Catalogue> {
  const ready = catalogueIfLoaded(language);
  if (ready) return Promise.resolve(ready);
  let promise = pending.get(language);
  if (!promise) {
    promise = loaders.get(language)!().then(
      (catalogue) => (loaded.set(language, catalogue), catalogue),
      () => en,
    );
    pending.set(language, promise);
  }
  return promise;
}
