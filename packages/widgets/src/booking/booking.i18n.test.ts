import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import { deepActiveElement, press, settle } from '../testing/fixtures.js';
import {
  bookingFixture,
  find,
  grid,
  mountBooking,
  slotButtons,
  stepIs,
  tabToSlot,
  type BookingFixture,
} from './booking.fixtures.js';

describe('tcrm-booking: Spanish, right to left, dark (real server)', function () {
  // Real server on a shared machine: a step can take seconds.
  this.timeout(30_000);
  let fx: BookingFixture;
  before(async function () {
    this.timeout(120_000);
    fx = await bookingFixture();
  });

  it('has no axe violations right to left in the dark theme, types and times', async () => {
    const el = await mountBooking(fx, { locale: 'ar', appearance: '{"theme":"dark"}' });
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(await axeViolations(el)).to.deep.equal([]);
    find<HTMLButtonElement>(el, `[data-type-id="${fx.types.consultation}"]`).click();
    await waitUntil(() => el.slots !== undefined, 'no times', { timeout: 10_000 });
    await settle(el);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('speaks Spanish: its own strings, the type facts, day names and the practice timezone', async () => {
    const el = await mountBooking(fx, { locale: 'es' });
    await waitUntil(() => find(el, '#step-title').textContent === 'Elija una cita', 'not Spanish');
    expect(el.getAttribute('lang')).to.equal('es');
    const consultation = find(el, `[data-type-id="${fx.types.consultation}"]`).textContent!;
    expect(consultation.replace(/\s+/g, ' ')).to.contain('20 min · Por video (telesalud) · Gratis');
    const session = find(el, `[data-type-id="${fx.types.session}"]`).textContent!;
    expect(session.replace(/\s+/g, ' ')).to.match(
      /Las cancelaciones posteriores cuestan 75,00\sUS\$/,
    );

    find<HTMLButtonElement>(el, `[data-type-id="${fx.types.consultation}"]`).click();
    await waitUntil(() => el.slots !== undefined, 'no times', { timeout: 10_000 });
    await settle(el);
    expect(find(el, '#step-title').textContent).to.equal('Elija un horario');
    expect(find(el, '#practice-zone').textContent).to.contain('La consulta está en');
    const label = slotButtons(el)[0]!.getAttribute('aria-label')!;
    expect(label).to.match(/^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de \w+, /);
    expect(
      grid(el).shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-label'),
    ).to.match(/^Horarios disponibles, /);

    slotButtons(el)[0]!.click();
    await stepIs(el, 'details');
    expect(find(el, 'tcrm-booking-field[name="firstName"]').getAttribute('label')).to.equal(
      'Nombre',
    );
    expect(find(el, '[part="countdown"]').textContent).to.contain('Le guardamos este horario');
  });

  it('lays out right to left and arrow keys follow the reading direction', async () => {
    const el = await mountBooking(fx, { locale: 'ar', appointmentType: fx.types.consultation });
    expect(el.getAttribute('dir')).to.equal('rtl');
    const row = grid(el).shadowRoot!.querySelector('[role="row"]')!;
    const header = row.querySelector('[role="rowheader"]')!.getBoundingClientRect();
    const firstTime = row.querySelector('button')!.getBoundingClientRect();
    // The day (inline start) is on the right of its times.
    expect(header.left).to.be.greaterThan(firstTime.left);
    expect(getComputedStyle(find(el, '.week')).direction).to.equal('rtl');

    (document.activeElement as HTMLElement | null)?.blur();
    await tabToSlot();
    await press('ArrowLeft');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('0-1');
    await press('ArrowRight');
    expect(deepActiveElement()?.getAttribute('data-pos')).to.equal('0-0');
  });
});
