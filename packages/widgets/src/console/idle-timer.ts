/** How often the server refreshes a session's last activity (staff-session.ts): its clock may lag ours by this much. */
const SERVER_TOUCH_GRANULARITY_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

export interface IdleTimerOptions {
  /** The server's idle limit (15 min by default). */
  readonly limitMs: number;
  /** How long before the limit the warning shows. */
  readonly warnMs: number;
  /** Touches the server session (a cheap authenticated query). */
  ping(): Promise<unknown>;
  /** The warning is (still) showing; called every tick with whole seconds left. */
  onWarn(secondsLeft: number): void;
  /** Activity or a ping moved the deadline: hide the warning. */
  onResume(): void;
  onTimeout(): void;
}

/**
 * Client-side idle logoff that agrees with the server's. The deadline runs
 * from the last successful server contact (minus the server's touch
 * granularity), not from the last keypress, because the server only sees
 * requests: while the user is active but not calling the API (typing a long
 * form definition) activity pings the server at most every minute, which
 * keeps both clocks together. So the console never shows a page whose
 * session the server has already ended, and never ends one the server keeps.
 */
export class IdleTimer {
  #lastContact = Date.now();
  #interval: ReturnType<typeof setInterval> | undefined;
  #warning = false;
  #pinging = false;
  readonly #options: IdleTimerOptions;

  constructor(options: IdleTimerOptions) {
    this.#options = options;
  }

  get #slack(): number {
    return Math.min(SERVER_TOUCH_GRANULARITY_MS, this.#options.limitMs * 0.1);
  }

  start(): void {
    this.stop();
    this.#lastContact = Date.now();
    for (const type of ACTIVITY_EVENTS)
      window.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    this.#interval = setInterval(() => this.#tick(), Math.min(1000, this.#options.limitMs / 12));
  }

  stop(): void {
    clearInterval(this.#interval);
    this.#interval = undefined;
    this.#warning = false;
    for (const type of ACTIVITY_EVENTS)
      window.removeEventListener(type, this.#onActivity, { capture: true });
  }

  /** Called for every successful API response: the server has just refreshed the session. */
  contact(): void {
    this.#lastContact = Date.now();
    if (this.#warning) {
      this.#warning = false;
      this.#options.onResume();
    }
  }

  /** Keeps the session alive on request ("Stay signed in"). */
  keepAlive(): void {
    if (this.#pinging) return;
    this.#pinging = true;
    void this.#options.ping().finally(() => (this.#pinging = false));
  }

  #onActivity = (): void => {
    const keepAliveEvery = Math.min(60_000, this.#options.limitMs / 4);
    if (this.#warning || Date.now() - this.#lastContact > keepAliveEvery) this.keepAlive();
  };

  #tick(): void {
    const left = this.#lastContact - this.#slack + this.#options.limitMs - Date.now();
    if (left <= 0) {
      this.stop();
      this.#options.onTimeout();
    } else if (left <= this.#options.warnMs) {
      this.#warning = true;
      this.#options.onWarn(Math.ceil(left / 1000));
    }
  }
}
