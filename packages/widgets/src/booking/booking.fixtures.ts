// Shared by the booking browser tests: the real test server's booking data
// (test-server/booking-seed.ts) and helpers to mount and drive the widget.
// Nothing here stands in for the server.
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html, nothing } from 'lit';
import { deepActiveElement, deepQueryAll, press, render, settle } from '../testing/fixtures.js';
import type { TcrmBooking } from './booking.js';
import type { TcrmSlotGrid } from './slot-grid.js';
import './define.js';

export interface BookingFixture {
  publishableKey: string;
  practiceName: string;
  practiceTimeZone: string;
  clinicianIds: string[];
  types: Record<'consultation' | 'session' | 'intensive', string>;
}

export async function bookingFixture(): Promise<BookingFixture> {
  // wtr gives a command 20 s; a cold server on a busy machine can take
  // longer to start (it keeps starting in the background), so ask again.
  for (let attempt = 1; ; attempt++) {
    try {
      return (await executeServerCommand('tcrm-server', {
        op: 'bookingFixture',
      })) as BookingFixture;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('within')) throw error;
    }
  }
}

export interface MountOptions {
  locale?: string;
  timeZone?: string;
  appointmentType?: string;
  clinician?: string;
  appearance?: string;
  holdToken?: string;
}

/** Mounts the widget against the test server (same origin, proxied) and waits until it has loaded. */
export async function mountBooking(fx: BookingFixture, o: MountOptions = {}): Promise<TcrmBooking> {
  const el = await render<TcrmBooking>(
    html`<tcrm-booking
      publishable-key=${fx.publishableKey}
      api-url=${location.origin}
      locale=${o.locale ?? 'en'}
      time-zone=${o.timeZone ?? 'America/New_York'}
      appointment-type=${o.appointmentType ?? ''}
      clinician=${o.clinician ?? ''}
      appearance=${o.appearance ?? '{"theme":"light"}'}
      hold-token=${o.holdToken ?? nothing}
    ></tcrm-booking>`,
  );
  await waitUntil(() => el.step !== 'loading', 'booking did not load', { timeout: 10_000 });
  if (el.step === 'time') await slotsLoaded(el);
  await settle(el);
  return el;
}

/** Waits until the week's times have arrived and are rendered. */
export async function slotsLoaded(el: TcrmBooking): Promise<void> {
  await waitUntil(() => el.slots !== undefined, 'times did not load', { timeout: 10_000 });
  await settle(el);
}

export function grid(el: TcrmBooking): TcrmSlotGrid {
  const found = el.shadowRoot!.querySelector('tcrm-slot-grid');
  if (!found) throw new Error('no slot grid');
  return found;
}

export function slotButtons(el: TcrmBooking): HTMLButtonElement[] {
  return [...grid(el).shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part="slot"]')];
}

export function find<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = deepQueryAll(el.shadowRoot!, selector)[0] as T | undefined;
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** A button of the widget by its visible text. */
export function button(el: TcrmBooking, text: string): HTMLButtonElement {
  const match = deepQueryAll(el.shadowRoot!, 'button').find((b) => b.textContent?.trim() === text);
  if (!match) throw new Error(`no button "${text}"`);
  return match as HTMLButtonElement;
}

/** The text of the widget's notice (conflict, expiry, failure), or ''. */
export const noticeText = (el: TcrmBooking) =>
  el.shadowRoot!.querySelector('[part="notice"]')?.textContent?.trim() ?? '';

/** Presses Tab until a slot button has focus (keyboard only); returns it. */
export async function tabToSlot(): Promise<HTMLButtonElement> {
  for (let i = 0; i < 15; i++) {
    await press('Tab');
    const active = deepActiveElement();
    if (active?.getAttribute('part') === 'slot') return active as HTMLButtonElement;
  }
  throw new Error('Tab never reached a time');
}

/** Holds a slot directly through the API, as another visitor would. */
export async function holdDirectly(
  fx: BookingFixture,
  input: { appointmentTypeId: string; clinicianId: string; startsAt: string },
): Promise<{ status: number; body: unknown }> {
  const response = await fetch('/trpc/booking.hold', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tcrm-publishable-key': fx.publishableKey },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

/** Fills the details step's fields through their inputs. */
export async function fillDetails(
  el: TcrmBooking,
  values: { firstName: string; lastName: string; email: string; phone?: string },
): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const input = find<HTMLInputElement>(
      el,
      `tcrm-booking-field[name="${name}"]`,
    ).shadowRoot!.querySelector('input')!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  await settle(el);
}

/** Waits for the step to become `step`. */
export async function stepIs(el: TcrmBooking, step: TcrmBooking['step']): Promise<void> {
  await waitUntil(() => el.step === step, `step never became ${step} (is ${el.step})`, {
    timeout: 10_000,
  });
  await settle(el);
}

/** A live waitlist offer made by the server's own functions (test-server/offer-seed.ts). */
export interface WaitlistOffer {
  holdToken: string;
  holdId: string;
  appointmentTypeId: string;
  clinicianId: string;
  startsAt: string;
  expiresAt: string;
}

export async function waitlistOffer(appointmentTypeId: string): Promise<WaitlistOffer> {
  return (await executeServerCommand('tcrm-server', {
    op: 'waitlistOffer',
    appointmentTypeId,
  })) as WaitlistOffer;
}

/** The waitlist entries of `email` for a type, as stored. */
export async function waitlistEntries(
  appointmentTypeId: string,
  email: string,
): Promise<{ status: string; clinicianId: string | null; from: string; to: string }[]> {
  return (await executeServerCommand('tcrm-server', {
    op: 'waitlistEntries',
    appointmentTypeId,
    email,
  })) as { status: string; clinicianId: string | null; from: string; to: string }[];
}

/** Presses Tab until the element with `id` (in the widget's shadow root) has focus. */
export async function tabTo(id: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await press('Tab');
    if (deepActiveElement()?.id === id) return;
  }
  throw new Error(`Tab never reached #${id}`);
}
