// Shared by the manage widget's browser tests: appointments booked on the
// real test server (test-server/manage-seed.ts) and helpers to mount and
// drive the widget. Nothing here stands in for the server.
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import { deepQueryAll, press, deepActiveElement, render, settle } from '../testing/fixtures.js';
import type { TcrmBookingManage, ManageView } from './booking-manage.js';
import type { TcrmSlotGrid } from '../booking/slot-grid.js';
import './define.js';

/** As test-server/manage-seed.ts answers (not imported: that module runs in Node). */
export interface ManagedBooking {
  token: string;
  appointmentId: string;
  startsAt: string;
  appointmentTypeId: string;
  clinicianId: string;
  publishableKey: string;
  practiceName: string;
}

export interface ManagedBookingRequest {
  type: 'consultation' | 'session' | 'intensive';
  late?: boolean;
  paidCents?: number;
  past?: boolean;
}

/** A test-server op; retried while a cold server is still starting (wtr gives a command 20 s). */
export async function serverOp<T>(command: Record<string, unknown>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await executeServerCommand('tcrm-server', command)) as T;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('within')) throw error;
    }
  }
}

/** A freshly booked appointment and its manage link. */
export const bookAppointment = (request: ManagedBookingRequest) =>
  serverOp<ManagedBooking>({ op: 'managedBooking', ...request });

export interface StoredAppointment {
  status: string;
  cancelReason: string | null;
  startsAt: string;
  payments: { kind: string; status: string; amountCents: number; retainedFeeCents: number }[];
}

/** What the server's database holds for the appointment now. */
export const storedAppointment = (appointmentId: string) =>
  serverOp<StoredAppointment>({ op: 'appointmentState', appointmentId });

/** `booking.manage.get` over HTTP, as the widget calls it. */
export async function manageGet(
  booking: Pick<ManagedBooking, 'publishableKey'>,
  token: string,
): Promise<{
  status: number;
  body: { result?: { data: Record<string, unknown> }; error?: unknown };
}> {
  const input = encodeURIComponent(JSON.stringify({ token }));
  const response = await fetch(`/trpc/booking.manage.get?input=${input}`, {
    headers: { 'x-tcrm-publishable-key': booking.publishableKey },
  });
  return { status: response.status, body: await response.json() };
}

export interface MountOptions {
  /** The token attribute; leave out to read `#token=` from the page's URL. */
  token?: string;
  locale?: string;
  timeZone?: string;
  appearance?: string;
}

/** Mounts the widget against the test server (same origin, proxied) and waits until it has loaded. */
export async function mountManage(
  booking: Pick<ManagedBooking, 'publishableKey'>,
  o: MountOptions = {},
): Promise<TcrmBookingManage> {
  const el = await render<TcrmBookingManage>(
    o.token === undefined
      ? html`<tcrm-booking-manage
          publishable-key=${booking.publishableKey}
          api-url=${location.origin}
          locale=${o.locale ?? 'en'}
          time-zone=${o.timeZone ?? 'America/New_York'}
          appearance=${o.appearance ?? '{"theme":"light"}'}
        ></tcrm-booking-manage>`
      : html`<tcrm-booking-manage
          publishable-key=${booking.publishableKey}
          api-url=${location.origin}
          token=${o.token}
          locale=${o.locale ?? 'en'}
          time-zone=${o.timeZone ?? 'America/New_York'}
          appearance=${o.appearance ?? '{"theme":"light"}'}
        ></tcrm-booking-manage>`,
  );
  await waitUntil(() => el.view !== 'loading', 'manage view did not load', { timeout: 10_000 });
  await settle(el);
  return el;
}

export async function viewIs(el: TcrmBookingManage, view: ManageView): Promise<void> {
  await waitUntil(() => el.view === view, `view never became ${view} (is ${el.view})`, {
    timeout: 10_000,
  });
  await settle(el);
}

export async function slotsLoaded(el: TcrmBookingManage): Promise<void> {
  await waitUntil(() => el.slots !== undefined, 'times did not load', { timeout: 10_000 });
  await settle(el);
}

export function find<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = deepQueryAll(el.shadowRoot!, selector)[0] as T | undefined;
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Whitespace-collapsed text of `selector` in the widget. */
export const text = (el: Element, selector: string) =>
  find(el, selector).textContent!.replace(/\s+/g, ' ').trim();

/** A button of the widget by its visible text. */
export function button(el: Element, label: string): HTMLButtonElement {
  const match = deepQueryAll(el.shadowRoot!, 'button').find(
    (b) => b.textContent?.replace(/\s+/g, ' ').trim() === label,
  );
  if (!match) throw new Error(`no button "${label}"`);
  return match as HTMLButtonElement;
}

export const buttonLabels = (el: Element) =>
  deepQueryAll(el.shadowRoot!, 'button').map((b) => b.textContent!.replace(/\s+/g, ' ').trim());

export function slotButtons(el: TcrmBookingManage): HTMLButtonElement[] {
  const grid = el.shadowRoot!.querySelector<TcrmSlotGrid>('tcrm-slot-grid');
  if (!grid) throw new Error('no slot grid');
  return [...grid.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="slot"]')];
}

/** Presses Tab until an element matching `test` has focus (keyboard only); returns it. */
export async function tabTo(test: (el: Element) => boolean, limit = 20): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const active = deepActiveElement();
    if (active && test(active)) return active as HTMLElement;
  }
  throw new Error('Tab never reached the element');
}

export const noticeText = (el: TcrmBookingManage) =>
  el.shadowRoot!.querySelector('[part="notice"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The texts of the paragraphs in `selector`, one sentence group each, joined by spaces. */
export const paragraphs = (el: Element, selector: string) =>
  [...find(el, selector).querySelectorAll('p')]
    .map((p) => p.textContent!.replace(/\s+/g, ' ').trim())
    .join(' ');
