import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';
import type { TcrmBooking } from './booking.js';
import { addDays, localDate, startOfDay } from './zoned-time.js';
import './define.js';

// Storybook runs without a server: requests to this made-up origin are
// answered in the page with sample types and a generated week of times
// (every day 09:00–17:00 at the practice). Holds and bookings answer as
// the server would, storing nothing. The browser tests use the real server.
const DEMO_API = 'https://booking.storybook.invalid';
/** The waitlist offer the stories' server knows; any other token is "not found". */
const OFFER_TOKEN = 'thd_storybook-sample-offer-token';
const PRACTICE_ZONE = 'America/New_York';
const TYPES = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Free consultation',
    durationMinutes: 20,
    modality: 'telehealth',
    priceCents: 0,
    depositCents: 0,
    clientEligibility: 'any',
    bookingMode: 'instant',
    cancellationWindowHours: 24,
    lateCancelFeeCents: 0,
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Individual therapy',
    durationMinutes: 50,
    modality: 'in_person',
    priceCents: 15000,
    depositCents: 5000,
    clientEligibility: 'existing_only',
    bookingMode: 'request',
    cancellationWindowHours: 48,
    lateCancelFeeCents: 7500,
  },
];
const CLINICIANS = [
  { id: '00000000-0000-4000-8000-0000000000c1', displayName: 'Dr. Maya Chen' },
  { id: '00000000-0000-4000-8000-0000000000c2', displayName: 'Sam Ortiz, LCSW' },
];

function week(from: string, to: string) {
  const slots = [];
  const end = Date.parse(to);
  for (let day = localDate(PRACTICE_ZONE, Date.parse(from)); ; day = addDays(day, 1)) {
    const midnight = startOfDay(PRACTICE_ZONE, day);
    if (midnight >= end) break;
    for (let hour = 9; hour < 17; hour++) {
      const at = midnight + hour * 3_600_000;
      if (at < Date.parse(from) + 3_600_000 || at >= end) continue;
      const startsAt = new Date(at).toISOString();
      const endsAt = new Date(at + 50 * 60_000).toISOString();
      slots.push({ clinicianId: CLINICIANS[0]!.id, startsAt, endsAt });
    }
  }
  return { timeZone: 'UTC', practiceTimeZone: PRACTICE_ZONE, slots };
}

const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(String(input), location.href);
  if (url.origin !== DEMO_API) return realFetch(input, init);
  const calls = url.pathname.replace('/trpc/', '').split(',');
  const inputs = JSON.parse(url.searchParams.get('input') ?? String(init?.body ?? '{}')) as Record<
    string,
    { from: string; to: string; startsAt: string; holdToken: string }
  >;
  const answer = (path: string, i: number): unknown => {
    const body = inputs[i]!;
    switch (path) {
      case 'practice.publicProfile':
        return { id: 'p', name: 'Harbor Light Counseling', timezone: PRACTICE_ZONE, branding: {} };
      case 'booking.appointmentTypes':
        return TYPES;
      case 'booking.clinicians':
        return CLINICIANS;
      case 'booking.availability':
        return week(body.from, body.to);
      case 'booking.hold':
        return {
          holdId: crypto.randomUUID(),
          holdToken: 'thd_storybook-sample-hold-token',
          expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
          startsAt: body.startsAt,
          endsAt: new Date(Date.parse(body.startsAt) + 50 * 60_000).toISOString(),
        };
      case 'booking.offer': {
        if (body.holdToken !== OFFER_TOKEN) return undefined;
        // Tomorrow 10:00 at the practice, held for two hours from now.
        const startsAt = startOfDay(
          PRACTICE_ZONE,
          addDays(localDate(PRACTICE_ZONE, Date.now()), 1),
        );
        const at = startsAt + 10 * 3_600_000;
        return {
          holdId: crypto.randomUUID(),
          appointmentTypeId: TYPES[0]!.id,
          clinicianId: CLINICIANS[0]!.id,
          clinicianName: CLINICIANS[0]!.displayName,
          startsAt: new Date(at).toISOString(),
          endsAt: new Date(at + 20 * 60_000).toISOString(),
          startsAtPractice: '',
          practiceTimeZone: PRACTICE_ZONE,
          expiresAt: new Date(Date.now() + 120 * 60_000).toISOString(),
        };
      }
      case 'booking.waitlist.join':
        return { status: 'waiting', from: body.from, to: body.to };
      default:
        return undefined;
    }
  };
  const body = calls.map((path, i) => {
    const data = answer(path, i);
    return data === undefined
      ? { error: { message: 'Not found', data: { appCode: 'NOT_FOUND' } } }
      : { result: { data } };
  });
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

/** Takes the widget to a later step the way a client would: a time, then (for `done`) a booking. */
async function drive(el: TcrmBooking, to: 'details' | 'done'): Promise<void> {
  while (!el.slots?.length) await new Promise((r) => setTimeout(r, 50));
  await el.chooseSlot(el.slots[0]!);
  if (to === 'done') {
    const hold = el.hold!;
    el.finish({
      appointmentId: crypto.randomUUID(),
      status: 'confirmed',
      startsAt: hold.startsAt,
      endsAt: hold.endsAt,
    });
  }
}

/** Opens the waitlist form below the times; for `joined`, joins with a sample address. */
async function joinWaitlist(el: TcrmBooking, to: 'open' | 'joined'): Promise<void> {
  while (el.slots === undefined) await new Promise((r) => setTimeout(r, 50));
  await el.openWaitlist();
  if (to === 'open') return;
  await el.updateComplete;
  const field = el.shadowRoot!.querySelector('tcrm-booking-field')!;
  field.value = 'client@example.com';
  await field.updateComplete; // its validity follows the value on update
  field.closest('form')!.requestSubmit();
}

// The widget is its own provider here (it has a publishable key), so it
// takes the toolbar's theme itself, as the intake form's stories do.
const booking = (type: string, theme: unknown, holdToken?: string) =>
  html`<tcrm-booking
    publishable-key="pk_storybook"
    api-url=${DEMO_API}
    appointment-type=${type}
    hold-token=${holdToken ?? nothing}
    appearance=${JSON.stringify({ theme: theme ?? 'light' })}
  ></tcrm-booking>`;

const meta: Meta = { title: 'Booking', component: 'tcrm-booking' };
export default meta;

const story = (type: string, to?: 'details' | 'done'): StoryObj => ({
  render: (_args, context) => {
    const template = booking(type, context.globals['theme']);
    if (to)
      requestAnimationFrame(() => {
        const el = document.querySelector('tcrm-booking');
        if (el) void drive(el, to);
      });
    return template;
  },
});

const [free, therapy] = TYPES.map((t) => t.id) as [string, string];
export const TypeList: StoryObj = { ...story(''), globals: LIGHT };
export const SlotGridWeek: StoryObj = { ...story(free), globals: LIGHT };
export const HeldCountdown: StoryObj = { ...story(therapy, 'details'), globals: LIGHT };
export const Confirmed: StoryObj = { ...story(free, 'done'), globals: LIGHT };
export const Spanish: StoryObj = { ...story(''), globals: SPANISH };
export const SpanishTimes: StoryObj = { ...story(therapy), globals: SPANISH };
export const Dark: StoryObj = { ...story(free), globals: DARK };
export const DarkDetails: StoryObj = { ...story(free, 'details'), globals: DARK };
export const Rtl: StoryObj = { ...story(free), globals: RTL };

/** A waitlist offer link (`#hold=…`): straight to the details with the offer's countdown. */
const offerStory = (holdToken: string): StoryObj => ({
  render: (_args, context) => booking('', context.globals['theme'], holdToken),
});
const waitlistStory = (to: 'open' | 'joined', type = therapy): StoryObj => ({
  render: (_args, context) => {
    requestAnimationFrame(() => {
      const el = document.querySelector('tcrm-booking');
      if (el) void joinWaitlist(el, to);
    });
    return booking(type, context.globals['theme']);
  },
});
export const WaitlistOffer: StoryObj = { ...offerStory(OFFER_TOKEN), globals: LIGHT };
export const WaitlistOfferSpanish: StoryObj = { ...offerStory(OFFER_TOKEN), globals: SPANISH };
/** An expired, used or forged link: the notice, then the ordinary choice. */
export const WaitlistOfferGone: StoryObj = {
  ...offerStory('thd_storybook-expired-offer-token'),
  globals: LIGHT,
};
export const WaitlistForm: StoryObj = { ...waitlistStory('open'), globals: LIGHT };
export const WaitlistFormRtl: StoryObj = { ...waitlistStory('open'), globals: RTL };
export const WaitlistFormDark: StoryObj = { ...waitlistStory('open'), globals: DARK };
export const WaitlistJoined: StoryObj = { ...waitlistStory('joined'), globals: LIGHT };
export const WaitlistJoinedSpanish: StoryObj = { ...waitlistStory('joined'), globals: SPANISH };
