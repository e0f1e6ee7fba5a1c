import { createContext } from '@lit/context';
import type { TcrmApi } from '../api/api-client.js';
import type { ClientSession } from './session.js';

/** What `practice.publicProfile` returns: name, timezone, branding, features. No PHI. */
export type PracticeProfile = Awaited<ReturnType<TcrmApi['practice']['publicProfile']['query']>>;

/** The practice profile as it loads. */
export type PracticeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly profile: PracticeProfile }
  | { readonly status: 'error'; readonly code: string };

// Keys from Symbol.for(): two copies of the bundle on one page (a plugin
// bundling its own) still find each other's providers.
/** The typed API client. */
export const apiContext = createContext<TcrmApi>(Symbol.for('tcrm.api'));
/** The practice's public profile, fetched once per provider. */
export const practiceContext = createContext<PracticeState>(Symbol.for('tcrm.practice'));
/** The in-memory client session (stable object; listen to its `change` event). */
export const sessionContext = createContext<ClientSession>(Symbol.for('tcrm.session'));
/** The BCP 47 locale the widgets speak. */
export const localeContext = createContext<string>(Symbol.for('tcrm.locale'));
