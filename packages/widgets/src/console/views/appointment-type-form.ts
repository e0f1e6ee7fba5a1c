// The appointment type form's model: what the fields hold (text as typed),
// how it becomes the server's input, and the field list the view renders.
// Whole-number rules are the server's; only money is parsed here, because
// "150.00" has no meaning to the server until it is cents.
import type { ConsoleKey } from '../i18n/en.js';
import type { AppointmentType } from './booking-shared.js';

/** Amounts in the practice's currency: USD until the practice profile names one (as in the booking widget). */
export const CURRENCY = 'USD';

export const MONEY = ['priceCents', 'depositCents', 'lateCancelFeeCents'] as const;
export const WHOLE = [
  'durationMinutes',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'minNoticeMinutes',
  'maxHorizonDays',
  'slotIntervalMinutes',
  'cancellationWindowHours',
  'dailyCap',
] as const;

type Money = (typeof MONEY)[number];
type Whole = (typeof WHOLE)[number];

export interface TypeDraft extends Record<Money | Whole, string> {
  name: string;
  modality: 'in_person' | 'telehealth';
  clientEligibility: 'any' | 'new_only' | 'existing_only';
  bookingMode: 'instant' | 'request';
}

/** Labels of the number fields, in form order (money fields are marked for their hint). */
export const NUMBER_FIELDS: readonly { key: Money | Whole; label: ConsoleKey }[] = [
  { key: 'durationMinutes', label: 'types.duration' },
  { key: 'priceCents', label: 'types.price' },
  { key: 'depositCents', label: 'types.deposit' },
  { key: 'bufferBeforeMinutes', label: 'types.bufferBefore' },
  { key: 'bufferAfterMinutes', label: 'types.bufferAfter' },
  { key: 'minNoticeMinutes', label: 'types.notice' },
  { key: 'maxHorizonDays', label: 'types.horizon' },
  { key: 'slotIntervalMinutes', label: 'types.interval' },
  { key: 'dailyCap', label: 'types.dailyCap' },
  { key: 'cancellationWindowHours', label: 'types.cancelWindow' },
  { key: 'lateCancelFeeCents', label: 'types.lateFee' },
];

export function isMoney(key: string): key is Money {
  return (MONEY as readonly string[]).includes(key);
}

/** The server's defaults for a new type (prisma schema), so the form starts where the server would. */
export function emptyDraft(): TypeDraft {
  return {
    name: '',
    durationMinutes: '50',
    modality: 'in_person',
    priceCents: '0',
    depositCents: '0',
    clientEligibility: 'any',
    bookingMode: 'instant',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    minNoticeMinutes: '1440',
    maxHorizonDays: '60',
    slotIntervalMinutes: '30',
    dailyCap: '',
    cancellationWindowHours: '24',
    lateCancelFeeCents: '0',
  };
}

const money = (cents: number) => (cents / 100).toFixed(2);

export function draftOf(t: AppointmentType): TypeDraft {
  return {
    name: t.name,
    durationMinutes: String(t.durationMinutes),
    modality: t.modality,
    priceCents: money(t.priceCents),
    depositCents: money(t.depositCents),
    clientEligibility: t.clientEligibility,
    bookingMode: t.bookingMode,
    bufferBeforeMinutes: String(t.bufferBeforeMinutes),
    bufferAfterMinutes: String(t.bufferAfterMinutes),
    minNoticeMinutes: String(t.minNoticeMinutes),
    maxHorizonDays: String(t.maxHorizonDays),
    slotIntervalMinutes: String(t.slotIntervalMinutes),
    dailyCap: t.dailyCap === null ? '' : String(t.dailyCap),
    cancellationWindowHours: String(t.cancellationWindowHours),
    lateCancelFeeCents: money(t.lateCancelFeeCents),
  };
}

/** `150`, `150.5`, `150.00` → cents; anything else is refused here (`null`). */
export function parseMoney(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/**
 * The server's input from the draft, or the fields this side could not
 * read. Whole numbers go as numbers when they look like one and as the
 * raw text otherwise, so the server's own message names the field.
 */
export function toInput(draft: TypeDraft): {
  input: Record<string, unknown>;
  invalid: readonly Money[];
} {
  const input: Record<string, unknown> = {
    name: draft.name,
    modality: draft.modality,
    clientEligibility: draft.clientEligibility,
    bookingMode: draft.bookingMode,
  };
  const invalid: Money[] = [];
  for (const key of MONEY) {
    const cents = parseMoney(draft[key]);
    if (cents === null) invalid.push(key);
    else input[key] = cents;
  }
  for (const key of WHOLE) {
    const text = draft[key].trim();
    if (key === 'dailyCap' && text === '') input[key] = null;
    else input[key] = /^\d+$/.test(text) ? Number(text) : text;
  }
  return { input, invalid };
}
