/**
 * The client's verified session, kept in memory only: never in
 * localStorage, sessionStorage, IndexedDB or cookies, because a token on
 * disk outlives the visit on a shared computer. Reloading the page signs the
 * client out; drafts live on the server and resume with a token from e-mail.
 *
 * Dispatches `change` when the client signs in or out.
 */
export class ClientSession extends EventTarget {
  #token: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The bearer token, or null when signed out. */
  get token(): string | null {
    return this.#token;
  }

  get signedIn(): boolean {
    return this.#token !== null;
  }

  /** Starts a session; it ends by itself at `expiresAt` when given. */
  signIn(token: string, expiresAt?: Date): void {
    clearTimeout(this.#timer);
    this.#token = token;
    if (expiresAt)
      this.#timer = setTimeout(() => this.signOut(), Math.max(0, expiresAt.getTime() - Date.now()));
    this.dispatchEvent(new Event('change'));
  }

  signOut(): void {
    clearTimeout(this.#timer);
    if (this.#token === null) return;
    this.#token = null;
    this.dispatchEvent(new Event('change'));
  }
}
