import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Speak once this little of the hold is left (and again at expiry). */
const WARN_MS = 120_000;

/**
 * Time left on a hold, by this browser's clock against the server's
 * `expiresAt` (the server still decides: a late confirm gets 412). Ticks
 * every second for the visible countdown, which is not a live region;
 * `say` is called twice only, at two minutes left and at expiry, so screen
 * readers are not told every second.
 */
export class HoldCountdown implements ReactiveController {
  /** Milliseconds left; 0 once expired (or before a hold). */
  remaining = 0;
  #expiresAt = 0;
  #warned = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly say: (moment: 'twoMinutes' | 'expired') => void,
  ) {
    host.addController(this);
  }

  start(expiresAt: string): void {
    this.stop();
    this.#expiresAt = Date.parse(expiresAt);
    this.#warned = false;
    this.#tick();
    this.#timer = setInterval(() => this.#tick(), 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  #tick(): void {
    this.remaining = Math.max(0, this.#expiresAt - Date.now());
    this.host.requestUpdate();
    if (this.remaining <= 0) {
      this.stop();
      this.say('expired');
    } else if (this.remaining <= WARN_MS && !this.#warned) {
      this.#warned = true;
      this.say('twoMinutes');
    }
  }
}
