// A client that lost its answer retries with the same Idempotency-Key and the
// same bytes. Acknowledged requests must answer the id they answered before
// (nothing new is created); unacknowledged ones must answer the id committed
// under the key if there is one, else complete now (exactly once).
import type { Acknowledged, Ledger, LoadDriver } from './load-driver.js';

const PROCEDURE = { submit: 'intake.submit', confirm: 'booking.confirm' } as const;

export async function retryEverything(
  driver: LoadDriver,
  ledger: Ledger,
  committedByKey: Map<string, string>,
): Promise<{ problems: string[]; nowAcknowledged: Acknowledged[] }> {
  const problems: string[] = [];
  const nowAcknowledged: Acknowledged[] = [];
  const sent = [
    ...ledger.acknowledged.map((a) => ({ ...a, expected: a.id })),
    ...ledger.unacknowledged.map((u) => ({ ...u, expected: committedByKey.get(u.key) })),
  ];
  for (let i = 0; i < sent.length; i += 8) {
    await Promise.all(
      sent.slice(i, i + 8).map(async (s) => {
        const answer = await driver.mutation(PROCEDURE[s.kind], s.body, s.ip, s.key);
        if (!answer.ok)
          return problems.push(
            `retry of ${s.kind} ${s.key}: HTTP ${answer.status} ${answer.error}`,
          );
        const id = String(
          s.kind === 'submit' ? answer.data.submissionId : answer.data.appointmentId,
        );
        if (s.expected && id !== s.expected)
          problems.push(`retry of ${s.kind} ${s.key} answered ${id}, expected ${s.expected}`);
        const startsAt = s.kind === 'confirm' ? String(answer.data.startsAt) : undefined;
        nowAcknowledged.push({
          kind: s.kind,
          key: s.key,
          body: s.body,
          ip: s.ip,
          marker: s.marker,
          id,
          startsAt,
        });
      }),
    );
  }
  return { problems, nowAcknowledged };
}
