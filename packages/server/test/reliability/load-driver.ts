// Load over real HTTP from the test process, as widgets on a practice's site
// would send it: intake submissions and bookings (availability → hold →
// confirm), each mutation with its own Idempotency-Key. Every answer is
// recorded: a 2xx is an acknowledgement the server must keep; a connection
// error (the server died with the request in flight) is not acknowledged.
import crypto from 'node:crypto';
import type { CrashingServer } from './crashing-server.js';

export interface LoadWorld {
  publishableKey: string;
  origin: string;
  formVersionId: string;
  appointmentTypeId: string;
  clinicianId: string;
}

/** One idempotent mutation as sent: replaying it means the same key and the same bytes. */
export interface Sent {
  kind: 'submit' | 'confirm';
  key: string;
  body: string;
  ip: string;
  /** submit: the unique answer text; confirm: the held slot's start. */
  marker: string;
}

export interface Acknowledged extends Sent {
  /** submissionId or appointmentId from the 2xx answer. */
  id: string;
  startsAt?: string;
}

export interface Ledger {
  acknowledged: Acknowledged[];
  /** Sent, then the connection failed: may or may not have been committed. */
  unacknowledged: (Sent & { error: string })[];
  /** Answers other than 2xx, by `<step> <status>` (409 conflicts are expected). */
  refused: Record<string, number>;
  /** Connection errors with the request already on its way (reset, closed). */
  inFlightFailures: number;
  /** Connection refused: the server was down (between a kill and its restart). */
  refusedConnections: number;
  holds: number;
}

export const newLedger = (): Ledger => ({
  acknowledged: [],
  unacknowledged: [],
  refused: {},
  inFlightFailures: 0,
  refusedConnections: 0,
  holds: 0,
});

type Answer =
  | { ok: true; status: number; data: Record<string, unknown> }
  | { ok: false; status: number; error: string };

const DAY = 86_400_000;

export class LoadDriver {
  private sequence = 0;
  private stopped = false;
  /** Requests sent and not yet answered (the kill waits for some). */
  inFlight = 0;

  constructor(
    private readonly server: CrashingServer,
    private readonly world: LoadWorld,
    private readonly random: () => number,
    readonly ledger: Ledger = newLedger(),
    private readonly runTag = crypto.randomBytes(3).toString('hex'),
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /** Resolves once `n` more requests are acknowledged (or after 60 s; the counts then tell). */
  async acknowledgements(n: number): Promise<void> {
    const target = this.ledger.acknowledged.length + n;
    const deadline = Date.now() + 60_000;
    while (this.ledger.acknowledged.length < target && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
  }

  /** Resolves when a request is on the wire (a kill then cuts it off). */
  async requestInFlight(): Promise<void> {
    while (this.inFlight === 0) await new Promise((r) => setTimeout(r, 1));
  }

  /** Runs `submitters` intake loops and `bookers` booking loops until stop(). */
  run(submitters: number, bookers: number): Promise<void> {
    const loops = [
      ...Array.from({ length: submitters }, () => this.loop(() => this.submitOnce())),
      ...Array.from({ length: bookers }, () => this.loop(() => this.bookOnce())),
    ];
    return Promise.all(loops).then(() => undefined);
  }

  private async loop(step: () => Promise<void>): Promise<void> {
    while (!this.stopped) await step();
  }

  /** A fresh client address per request (TRUST_PROXY=loopback): per-IP limits are not what this test is about. */
  private nextIp(): string {
    const n = ++this.sequence;
    return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  }

  private async submitOnce(): Promise<void> {
    const n = ++this.sequence;
    const marker = `kill-nine ${this.runTag} #${n} ${crypto.randomUUID()}`;
    const body = JSON.stringify({
      formVersionId: this.world.formVersionId,
      answers: { concerns: marker },
      client: {
        firstName: 'Kay',
        lastName: `Nine${n}`,
        email: `kay-${this.runTag}-${n}@example.test`,
      },
    });
    const sent: Sent = {
      kind: 'submit',
      key: `kn-submit-${this.runTag}-${n}`,
      body,
      ip: this.nextIp(),
      marker,
    };
    const answer = await this.mutation('intake.submit', sent.body, sent.ip, sent.key);
    this.settle('submit', sent, answer, (data) => ({ id: String(data.submissionId) }));
  }

  private async bookOnce(): Promise<void> {
    const ip = this.nextIp();
    // A random two-day window inside the type's horizon spreads the bookers out.
    const from = Date.now() + DAY + Math.floor(this.random() * 50) * DAY;
    const query = {
      appointmentTypeId: this.world.appointmentTypeId,
      clinicianId: this.world.clinicianId,
      from: new Date(from).toISOString(),
      to: new Date(from + 2 * DAY).toISOString(),
      timeZone: 'UTC',
    };
    const offered = await this.send(
      'GET',
      `booking.availability?input=${encodeURIComponent(JSON.stringify(query))}`,
      null,
      ip,
    );
    if (!offered.ok) return this.count('availability', offered);
    const slots = offered.data.slots as { startsAt: string }[];
    if (slots.length === 0) return;
    const slot = slots[Math.floor(this.random() * slots.length)]!;
    const holdBody = JSON.stringify({
      appointmentTypeId: this.world.appointmentTypeId,
      clinicianId: this.world.clinicianId,
      startsAt: slot.startsAt,
    });
    const held = await this.mutation('booking.hold', holdBody, ip, null);
    if (!held.ok) return this.count('hold', held);
    this.ledger.holds++;
    const n = ++this.sequence;
    const sent: Sent = {
      kind: 'confirm',
      key: `kn-confirm-${this.runTag}-${n}`,
      body: JSON.stringify({
        holdToken: held.data.holdToken,
        client: {
          firstName: 'Bo',
          lastName: `Nine${n}`,
          email: `bo-${this.runTag}-${n}@example.test`,
        },
      }),
      ip,
      marker: slot.startsAt,
    };
    const confirmed = await this.mutation('booking.confirm', sent.body, ip, sent.key);
    this.settle('confirm', sent, confirmed, (data) => ({
      id: String(data.appointmentId),
      startsAt: String(data.startsAt),
    }));
  }

  private settle(
    step: string,
    sent: Sent,
    answer: Answer,
    pick: (data: Record<string, unknown>) => Pick<Acknowledged, 'id' | 'startsAt'>,
  ) {
    if (answer.ok) this.ledger.acknowledged.push({ ...sent, ...pick(answer.data) });
    else if (answer.status === 0) this.ledger.unacknowledged.push({ ...sent, error: answer.error });
    else this.count(step, answer);
  }

  private count(step: string, answer: Answer & { ok: false }): void {
    if (answer.status === 0) return;
    const bucket = `${step} ${answer.status} ${answer.error}`;
    this.ledger.refused[bucket] = (this.ledger.refused[bucket] ?? 0) + 1;
  }

  /** Sends one idempotent mutation (same key, same bytes on a retry). */
  mutation(path: string, body: string, ip: string, idempotencyKey: string | null): Promise<Answer> {
    return this.send('POST', path, body, ip, idempotencyKey);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: string | null,
    ip: string,
    idempotencyKey: string | null = null,
  ): Promise<Answer> {
    let base: string;
    try {
      base = await this.server.base();
    } catch (err) {
      return { ok: false, status: 0, error: (err as Error).message };
    }
    const headers: Record<string, string> = {
      'x-tcrm-publishable-key': this.world.publishableKey,
      origin: this.world.origin,
      'x-forwarded-for': ip,
    };
    if (body !== null) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    this.inFlight++;
    try {
      const res = await fetch(`${base}/trpc/${path}`, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(20_000),
      });
      const json = (await res.json()) as {
        result?: { data: Record<string, unknown> };
        error?: { data?: { appCode?: string } };
      };
      if (res.ok && json.result) return { ok: true, status: res.status, data: json.result.data };
      return { ok: false, status: res.status, error: json.error?.data?.appCode ?? 'unknown' };
    } catch (err) {
      const code = connectionErrorCode(err);
      if (code === 'ECONNREFUSED') this.ledger.refusedConnections++;
      else this.ledger.inFlightFailures++;
      // Between a kill and the restart: do not spin.
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { ok: false, status: 0, error: code };
    } finally {
      this.inFlight--;
    }
  }
}

/** undici wraps the socket error as `cause` ("fetch failed"); a body cut mid-read surfaces directly. */
function connectionErrorCode(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ?? (err as { code?: string }).code ?? (err as Error).name ?? 'unknown';
}
