import type { TcrmApi } from '../api/api-client.js';
import type { ConsoleStrings } from './i18n/strings.js';

/** What `auth.me` returns: the signed-in staff member, role, practice and MFA state. */
export type StaffMe = Awaited<ReturnType<TcrmApi['auth']['me']['query']>>;
export type StaffRole = StaffMe['role'];

/**
 * Everything a view needs from the shell, passed down as one property:
 * the API, the signed-in member, strings in the current language, and the
 * shell's status announcer (one polite live region for the whole console).
 */
export interface ConsoleContext {
  readonly api: TcrmApi;
  readonly me: StaffMe | null;
  readonly strings: ConsoleStrings;
  announce(message: string): void;
  navigate(hash: string): void;
}

/** Who may open what; mirrors the server's role checks so the UI does not offer refused actions. */
export const ROLE_ACCESS = {
  inbox: ['owner', 'clinician', 'front_desk'],
  submission: ['owner', 'clinician'],
  forms: ['owner', 'clinician', 'front_desk'],
  formEdit: ['owner', 'clinician'],
  settings: ['owner'],
  // The server's CALENDAR_ROLES / CALENDAR_MANAGERS (booking/clinician-access.ts).
  calendar: ['owner', 'clinician', 'front_desk'],
  availability: ['owner', 'clinician', 'front_desk'],
  appointmentTypes: ['owner', 'front_desk'],
  // The server's payments router: front desk reads, owner and biller settle fees.
  payments: ['owner', 'biller', 'front_desk'],
  paymentSettle: ['owner', 'biller'],
} as const satisfies Record<string, readonly StaffRole[]>;

export function may(me: StaffMe | null, area: keyof typeof ROLE_ACCESS): boolean {
  return !!me && (ROLE_ACCESS[area] as readonly string[]).includes(me.role);
}
