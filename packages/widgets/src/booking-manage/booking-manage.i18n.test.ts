import { expect, waitUntil } from '@open-wc/testing';
import { axeViolations } from '../testing/axe.js';
import {
  bookAppointment,
  button,
  find,
  mountManage,
  paragraphs,
  serverOp,
  slotsLoaded,
  slotButtons,
  text,
  viewIs,
} from './booking-manage.fixtures.js';

describe('tcrm-booking-manage: Spanish, right to left, dark (real server)', function () {
  this.timeout(30_000);
  before(async function () {
    this.timeout(120_000);
    await serverOp({ op: 'bookingFixture' });
  });

  it('has no axe violations right to left in the dark theme: summary, cancel step, times', async () => {
    const booking = await bookAppointment({ type: 'session', paidCents: 2_000 });
    const el = await mountManage(booking, {
      token: booking.token,
      locale: 'ar',
      appearance: '{"theme":"dark"}',
    });
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.getAttribute('dir')).to.equal('rtl');
    // The label (inline start) sits to the right of its value.
    const row = find(el, '.summary > div');
    const [dt, dd] = [row.querySelector('dt')!, row.querySelector('dd')!];
    expect(dt.getBoundingClientRect().left).to.be.greaterThan(dd.getBoundingClientRect().left);
    expect(await axeViolations(el)).to.deep.equal([]);

    button(el, 'Cancel appointment').click();
    await viewIs(el, 'cancel');
    expect(await axeViolations(el)).to.deep.equal([]);
    button(el, 'Keep appointment').click();
    await viewIs(el, 'summary');
    button(el, 'Reschedule').click();
    await viewIs(el, 'reschedule');
    await slotsLoaded(el);
    expect(slotButtons(el).length).to.be.greaterThan(0);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('speaks Spanish: status, facts, policy with money formatted for Spanish, cancel step, bad link', async () => {
    const booking = await bookAppointment({ type: 'session' });
    const el = await mountManage(booking, { token: booking.token, locale: 'es' });
    await waitUntil(() => text(el, '#step-title') === 'Su cita', 'not Spanish');
    expect(el.getAttribute('lang')).to.equal('es');
    expect(text(el, '[part="status"]')).to.equal('Solicitada: la consulta confirmará su horario');
    expect(text(el, '.summary')).to.contain('Dónde En persona');
    const freeUntil = new Intl.DateTimeFormat('es', {
      timeZone: 'America/New_York',
      dateStyle: 'full',
      timeStyle: 'short',
    }).format(Date.parse(booking.startsAt) - 48 * 3_600_000);
    expect(text(el, '[part="policy"] p')).to.match(
      new RegExp(
        `^Puede cancelar o cambiar la cita sin costo hasta el ${freeUntil}\\. Después se cobra un cargo por cancelación tardía de 75,00\\sUS\\$\\.$`,
      ),
    );
    button(el, 'Cancelar cita').click();
    await viewIs(el, 'cancel');
    expect(text(el, '#step-title')).to.equal('¿Cancelar esta cita?');
    expect(paragraphs(el, '.consequence')).to.equal('Cancelar ahora no tiene costo.');
    button(el, 'Mantener la cita').click();
    await viewIs(el, 'summary');

    const forged = await mountManage(booking, {
      token: `${booking.token.slice(0, -2)}AA`,
      locale: 'es',
    });
    await waitUntil(() => text(forged, '#step-title') === 'Este enlace no funciona', 'not Spanish');
    expect(text(forged, '[part="notice"]')).to.contain(`comuníquese con ${booking.practiceName}`);
  });
});
