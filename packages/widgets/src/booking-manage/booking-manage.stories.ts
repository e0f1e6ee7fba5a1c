import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DARK, LIGHT, RTL, SPANISH } from '../storybook/variants.js';
import type { TcrmBookingManage } from './booking-manage.js';
import './define.js';

// Storybook runs without a server: requests to this made-up origin are
// answered in the page. The token names the sample: `…free…` (free
// cancellation, a paid deposit), `…late…` (inside the late window: fee, no
// reschedule), `…cancelled…`, `…expired…`, anything else is a forged link.
// Cancel and reschedule answer as the server would, storing nothing. The
// browser tests use the real server.
const DEMO_API = 'https://booking-manage.storybook.invalid';
const PRACTICE_ZONE = 'America/New_York';
const HOUR = 3_600_000;
const TYPE_ID = '00000000-0000-4000-8000-000000000002';
const CLINICIAN_ID = '00000000-0000-4000-8000-0000000000c1';

/** A start `hours` from now, on the hour. */
const inHours = (hours: number) =>
  new Date(Math.ceil((Date.now() + hours * HOUR) / HOUR) * HOUR).toISOString();

function appointment(token: string, startsAt?: string) {
  const late = token.includes('late');
  const start = startsAt ?? inHours(late ? 20 : 24 * 6);
  const freeUntil = new Date(Date.parse(start) - 48 * HOUR);
  const active = !token.includes('cancelled');
  return {
    appointmentId: crypto.randomUUID(),
    status: active ? 'confirmed' : 'cancelled',
    startsAt: start,
    endsAt: new Date(Date.parse(start) + 50 * 60_000).toISOString(),
    startsAtPractice: start,
    practiceTimeZone: PRACTICE_ZONE,
    practiceName: 'Harbor Light Counseling',
    appointmentTypeId: TYPE_ID,
    clinicianId: CLINICIAN_ID,
    clinicianName: 'Dr. Maya Chen',
    appointmentType: { name: 'Individual therapy', durationMinutes: 50, modality: 'in_person' },
    policy: {
      cancellationWindowHours: 48,
      lateCancelFeeCents: 7500,
      freeCancellationUntil: freeUntil.toISOString(),
      currency: 'usd',
    },
    paidCents: late || token.includes('free') ? 5000 : 0,
    canCancel: active,
    canReschedule: active && freeUntil.getTime() > Date.now(),
  };
}

function week(from: string, to: string) {
  const slots = [];
  for (let at = Math.ceil(Date.parse(from) / HOUR) * HOUR; at < Date.parse(to); at += HOUR) {
    const hour = new Date(at).getUTCHours();
    if (hour < 14 || hour > 21) continue; // 09:00–16:00 in New York (winter)
    const startsAt = new Date(at).toISOString();
    slots.push({
      clinicianId: CLINICIAN_ID,
      startsAt,
      endsAt: new Date(at + 50 * 60_000).toISOString(),
    });
  }
  return { timeZone: 'UTC', practiceTimeZone: PRACTICE_ZONE, slots };
}

const failure = (appCode: string, reason: string) => ({
  error: { message: reason, data: { appCode, details: { reason } } },
});

const realFetch = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const url = new URL(String(input), location.href);
  if (url.origin !== DEMO_API) return realFetch(input, init);
  const calls = url.pathname.replace('/trpc/', '').split(',');
  const inputs = JSON.parse(url.searchParams.get('input') ?? String(init?.body ?? '{}')) as Record<
    string,
    { token: string; from: string; to: string; startsAt: string }
  >;
  const answer = (path: string, i: number): unknown => {
    const body = inputs[i]!;
    if (path.startsWith('booking.manage.')) {
      if (body.token.includes('expired')) return failure('PRECONDITION_FAILED', 'link_expired');
      if (!/free|late|cancelled|moved/.test(body.token))
        return failure('NOT_FOUND', 'invalid_link');
    }
    switch (path) {
      case 'practice.publicProfile':
        return { id: 'p', name: 'Harbor Light Counseling', timezone: PRACTICE_ZONE, branding: {} };
      case 'booking.manage.get':
        return appointment(body.token, body.token.split('@')[1]);
      case 'booking.manage.cancel': {
        const late = body.token.includes('late');
        return {
          appointmentId: crypto.randomUUID(),
          status: 'cancelled',
          late,
          feeCents: late ? 7500 : 0,
          refundCents: late ? 0 : 5000,
        };
      }
      case 'booking.manage.reschedule':
        return {
          appointmentId: crypto.randomUUID(),
          previousAppointmentId: crypto.randomUUID(),
          status: 'confirmed',
          startsAt: body.startsAt,
          endsAt: new Date(Date.parse(body.startsAt) + 50 * 60_000).toISOString(),
          // The sample's next token carries the new time, so `get` answers with it.
          manageToken: `tma_storybook-moved@${body.startsAt}`,
        };
      case 'booking.availability':
        return week(body.from, body.to);
      default:
        return failure('NOT_FOUND', 'unknown');
    }
  };
  const body = calls.map((path, i) => {
    const data = answer(path, i) as { error?: unknown };
    return data && typeof data === 'object' && 'error' in data ? data : { result: { data } };
  });
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};

type Step = 'cancel' | 'cancelled' | 'reschedule' | 'move' | 'moved';

/** Takes the widget to a later step the way a client would. */
async function drive(el: TcrmBookingManage, to: Step): Promise<void> {
  while (el.view === 'loading') await new Promise((r) => setTimeout(r, 50));
  if (to === 'cancel' || to === 'cancelled') {
    el.askCancel();
    if (to === 'cancelled') await el.cancel();
    return;
  }
  el.startReschedule();
  if (to === 'reschedule') return;
  while (!el.slots?.length) await new Promise((r) => setTimeout(r, 50));
  el.chooseSlot(el.slots[0]!);
  if (to === 'moved') await el.move();
}

// The widget is its own provider here (it has a publishable key), so it
// takes the toolbar's theme itself, as the booking stories do.
const manage = (token: string, theme: unknown) =>
  html`<tcrm-booking-manage
    publishable-key="pk_storybook"
    api-url=${DEMO_API}
    token=${token}
    appearance=${JSON.stringify({ theme: theme ?? 'light' })}
  ></tcrm-booking-manage>`;

const meta: Meta = { title: 'Booking manage', component: 'tcrm-booking-manage' };
export default meta;

const story = (token: string, to?: Step): StoryObj => ({
  render: (_args, context) => {
    const template = manage(token, context.globals['theme']);
    if (to)
      requestAnimationFrame(() => {
        const el = document.querySelector('tcrm-booking-manage');
        if (el) void drive(el, to);
      });
    return template;
  },
});

const FREE = 'tma_storybook-free';
const LATE = 'tma_storybook-late';
export const Summary: StoryObj = { ...story(FREE), globals: LIGHT };
export const LateWindow: StoryObj = { ...story(LATE), globals: LIGHT };
export const CancelStep: StoryObj = { ...story(FREE, 'cancel'), globals: LIGHT };
export const LateCancelStep: StoryObj = { ...story(LATE, 'cancel'), globals: LIGHT };
export const Cancelled: StoryObj = { ...story(LATE, 'cancelled'), globals: LIGHT };
export const AlreadyCancelled: StoryObj = { ...story('tma_storybook-cancelled'), globals: LIGHT };
export const OtherTimes: StoryObj = { ...story(FREE, 'reschedule'), globals: LIGHT };
export const MoveTo: StoryObj = { ...story(FREE, 'move'), globals: LIGHT };
export const Moved: StoryObj = { ...story(FREE, 'moved'), globals: LIGHT };
export const InvalidLink: StoryObj = { ...story('tma_storybook-forged'), globals: LIGHT };
export const ExpiredLink: StoryObj = { ...story('tma_storybook-expired'), globals: LIGHT };
export const Spanish: StoryObj = { ...story(LATE), globals: SPANISH };
export const SpanishCancelStep: StoryObj = { ...story(LATE, 'cancel'), globals: SPANISH };
export const Dark: StoryObj = { ...story(FREE), globals: DARK };
export const DarkTimes: StoryObj = { ...story(FREE, 'reschedule'), globals: DARK };
export const Rtl: StoryObj = { ...story(FREE), globals: RTL };
