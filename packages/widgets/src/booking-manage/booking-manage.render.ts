// Templates of the manage widget's views: the appointment and its policy,
// the cancel step and its result, the problems a link can have. The times
// views are in booking-manage.reschedule.ts. State lives on the element.
import { html, nothing, type TemplateResult } from 'lit';
import type { TcrmBookingManage } from './booking-manage.js';
import { money, notice, title, whenText, zoneSelect } from './booking-manage.parts.js';
import { renderMove, renderReschedule } from './booking-manage.reschedule.js';
import { cancellationPreview, type ManagedAppointment } from './manage-api.js';
import type { ManageMessageKey } from './manage-messages.js';

const hasStarted = (a: ManagedAppointment) => Date.parse(a.startsAt) <= Date.now();

function statusKey(a: ManagedAppointment): ManageMessageKey {
  if (a.status === 'cancelled') return 'status.cancelled';
  if (hasStarted(a)) return 'status.past';
  return a.status === 'requested' ? 'status.requested' : 'status.confirmed';
}

function summary(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  const t = host.t.bind(host);
  const row = (label: string, value: unknown) =>
    html`<div>
      <dt>${label}</dt>
      <dd>${value}</dd>
    </div>`;
  return html`<dl class="summary" part="summary">
    ${row(
      t('status'),
      html`<span class="status" part="status" data-status=${a.status}>${t(statusKey(a))}</span>`,
    )}
    ${row(t('when'), whenText(host, a.startsAt))}
    ${row(t('appointment'), `${a.appointmentType.name} · ${t('minutes', { n: a.appointmentType.durationMinutes })}`)}
    ${row(t('where'), t(a.appointmentType.modality))} ${row(t('with'), a.clinicianName)}
    ${a.paidCents > 0 ? row(t('paid'), money(host, a.paidCents)) : nothing}
  </dl>`;
}

/** The policy in words, as it stands now. */
function policy(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  const fee = a.policy.lateCancelFeeCents;
  const until = Date.parse(a.policy.freeCancellationUntil);
  const time = host.when(until);
  const sentences =
    Date.now() < until
      ? [
          host.t('policy.freeUntil', { time }),
          fee ? host.t('policy.feeAfter', { fee: money(host, fee) }) : host.t('policy.noFeeAfter'),
        ]
      : [
          fee
            ? host.t('policy.lateFee', { time, fee: money(host, fee) })
            : host.t('policy.lateNoFee', { time }),
        ];
  return html`<section class="policy" part="policy" aria-labelledby="policy-title">
    <h3 id="policy-title">${host.t('policy.title')}</h3>
    <p>${sentences.join(' ')}</p>
    ${
      a.canCancel && !a.canReschedule
        ? html`<p class="outside">${host.t('outsideWindow', { practice: host.practiceName })}</p>`
        : nothing
    }
  </section>`;
}

/** What the client can do, or why nothing can be done online. */
function actions(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  if (!a.canCancel && !a.canReschedule) {
    const key = a.status === 'cancelled' ? 'cancelledNote' : 'pastNote';
    return html`<p class="note">${host.t(key, { practice: host.practiceName })}</p>`;
  }
  return html`${policy(host)}
    <div class="actions">
      ${
        a.canReschedule
          ? html`<button
              part="button primary"
              class="primary"
              @click=${() => host.startReschedule()}
            >
              ${host.t('reschedule')}
            </button>`
          : nothing
      }
      ${
        a.canCancel
          ? html`<button
              part="button danger"
              class="danger-outline"
              @click=${() => host.askCancel()}
            >
              ${host.t('cancel')}
            </button>`
          : nothing
      }
    </div>`;
}

function renderSummary(host: TcrmBookingManage): TemplateResult {
  return html`${title(host.t('summary.title'))} ${notice(host, host.notice)} ${summary(host)}
  ${zoneSelect(host)} ${actions(host)}`;
}

/** The consequence of cancelling now, before the client commits. */
function consequence(host: TcrmBookingManage): string[] {
  const a = host.appointment!;
  const p = cancellationPreview(a, Date.now());
  const paid = money(host, a.paidCents);
  if (!p.late) {
    return [host.t('cancel.free'), ...(a.paidCents ? [host.t('cancel.refund', { paid })] : [])];
  }
  return [
    host.t('cancel.late', { fee: money(host, p.feeCents) }),
    ...(p.retainedCents
      ? [host.t('cancel.kept', { kept: money(host, p.retainedCents), paid })]
      : []),
    ...(p.refundCents ? [host.t('cancel.refundRest', { refund: money(host, p.refundCents) })] : []),
    ...(p.owedCents ? [host.t('cancel.due', { due: money(host, p.owedCents) })] : []),
  ];
}

function renderCancel(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  return html`${title(host.t('cancel.title'))}
    <p>${whenText(host, a.startsAt)}</p>
    <p class="chosen">${a.appointmentType.name} · ${a.clinicianName}</p>
    <div class="consequence" id="consequence">
      ${consequence(host).map((line) => html`<p>${line}</p>`)}
    </div>
    ${notice(host, host.notice)}
    <div class="actions">
      <button
        part="button danger"
        class="danger"
        aria-describedby="consequence"
        aria-disabled=${host.busy ? 'true' : 'false'}
        @click=${() => void host.cancel()}
      >
        ${host.busy ? host.t('cancelling') : host.t('cancel.confirm')}
      </button>
      <button part="button" ?disabled=${host.busy} @click=${() => host.keep()}>
        ${host.t('keep')}
      </button>
    </div>`;
}

/** The server's answer, not the preview: what was charged, refunded and is due. */
function renderCancelled(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  const r = host.cancellation!;
  const retained = Math.max(0, a.paidCents - r.refundCents);
  const due = Math.max(0, r.feeCents - retained);
  const lines = [
    host.t('cancelled.body', { time: host.when(a.startsAt) }),
    ...(r.late && r.feeCents ? [host.t('cancelled.fee', { fee: money(host, r.feeCents) })] : []),
    ...(r.refundCents ? [host.t('cancelled.refund', { refund: money(host, r.refundCents) })] : []),
    ...(due ? [host.t('cancelled.due', { due: money(host, due) })] : []),
  ];
  return html`${title(host.t('cancelled.title'))}
    <div class="result" part="result">${lines.map((line) => html`<p>${line}</p>`)}</div>
    ${summary(host)}`;
}

function renderMoved(host: TcrmBookingManage): TemplateResult {
  const a = host.appointment!;
  return html`${title(host.t('moved.title'))}
    <div class="result" part="result">
      <p>${host.t('moved.body', { time: host.when(a.startsAt) })}</p>
    </div>
    ${summary(host)} ${zoneSelect(host)} ${actions(host)}`;
}

function renderProblem(host: TcrmBookingManage): TemplateResult {
  const practice = host.practiceName;
  switch (host.problem) {
    case 'invalid':
      return html`${title(host.t('invalid.title'))}
        <p class="notice" part="notice">${host.t('invalid.body', { practice })}</p>`;
    case 'expired':
      return html`${title(host.t('expired.title'))}
        <p class="notice" part="notice">${host.t('expired.body', { practice })}</p>`;
    default:
      return html`${title(host.t('summary.title'))}
        <p class="notice" part="notice">
          ${host.t(host.problem === 'network' ? 'error.network' : 'error.load')}
        </p>
        <button part="button" @click=${() => void host.load(true)}>${host.t('retry')}</button>`;
  }
}

/** The view being shown. */
export function renderManage(host: TcrmBookingManage): TemplateResult {
  switch (host.view) {
    case 'loading':
      return html`<p class="status-line">${host.t('loading')}</p>`;
    case 'problem':
      return renderProblem(host);
    case 'summary':
      return renderSummary(host);
    case 'cancel':
      return renderCancel(host);
    case 'cancelled':
      return renderCancelled(host);
    case 'reschedule':
      return renderReschedule(host);
    case 'move':
      return renderMove(host);
    case 'moved':
      return renderMoved(host);
  }
}
