// Autosave of the client's answers as a server-side draft. Nothing is kept
// in the browser's storage (PHI): the draft is encrypted on the server and
// reached again only with its resume token, which lives in memory here and
// in the link the client chooses to keep.

export type DraftState = 'idle' | 'saving' | 'saved' | 'failed';

export interface DraftBackend {
  /** Creates the draft; returns its resume token. */
  start(): Promise<string>;
  /** Saves the latest answers under `token`; returns when they were saved. */
  save(token: string): Promise<string>;
  /** Called whenever {@link DraftKeeper.state} changes. */
  changed(state: DraftState, savedAt?: string): void;
}

/** Quiet period after the last change before saving: one request per pause in typing, not per key. */
export const AUTOSAVE_DELAY_MS = 1200;

export class DraftKeeper {
  state: DraftState = 'idle';
  #token: string | null;
  #starting: Promise<string> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #dirty = false;

  constructor(
    private readonly backend: DraftBackend,
    token: string | null = null,
  ) {
    this.#token = token;
  }

  get token(): string | null {
    return this.#token;
  }

  /** The resume token, starting the draft on first use (once, however many callers wait). */
  async ensure(): Promise<string> {
    if (this.#token) return this.#token;
    this.#starting ??= this.backend.start().then(
      (token) => (this.#token = token),
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      },
    );
    return this.#starting;
  }

  /** Saves after a quiet period. */
  schedule(): void {
    this.#dirty = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush().catch(() => {}), AUTOSAVE_DELAY_MS);
  }

  /** Saves now (after any save in flight), if anything changed since the last save. */
  async flush(force = false): Promise<void> {
    clearTimeout(this.#timer);
    if (force) this.#dirty = true;
    while (this.#running) await this.#running.catch(() => {});
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#running = this.#save();
    try {
      await this.#running;
    } finally {
      this.#running = undefined;
    }
  }

  async #save(): Promise<void> {
    this.#set('saving');
    try {
      const token = await this.ensure();
      this.#set('saved', await this.backend.save(token));
    } catch (error) {
      this.#dirty = true; // the next change or an explicit save tries again
      this.#set('failed');
      throw error;
    }
  }

  #set(state: DraftState, savedAt?: string): void {
    this.state = state;
    this.backend.changed(state, savedAt);
  }

  /** Stops pending saves (the form was submitted or removed). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#dirty = false;
  }
}
