// Helpers for the console's browser tests. They drive the real console
// against the real test server (test-server/, proxied on the page's origin):
// no API mocks. Server-side set-up goes through executeServerCommand.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { deepQueryAll, selectAll, type } from '../../testing/fixtures.js';
import { createConsoleApi } from '../api.js';
import type { TcrmConsoleApp } from '../console-app.js';
import '../define.js';

export interface StaffAccount {
  userId: string;
  email: string;
  password: string;
  secret: string | null;
}

export interface Fixture {
  practiceName: string;
  publishableKey: string;
  owner: StaffAccount;
  formId: string;
  formKey: string;
  submissionId: string;
  clientName: string;
}

/** Runs a test-server operation (see test-server/commands.ts). */
export async function server<R>(payload: Record<string, unknown> & { op: string }): Promise<R> {
  // wtr gives up on a command after 20 s; the first one starts the server
  // (compile + migrations), which can take longer. Asking again joins the same start.
  for (let attempt = 1; ; attempt++) {
    try {
      return await executeServerCommand<R, typeof payload>('tcrm-server', payload);
    } catch (error) {
      if (attempt >= 6 || !String(error).includes('Did not receive a server response')) throw error;
    }
  }
}

/** Every match below `root`: its shadow root, its light DOM, and the shadow roots within. */
function deepAll(root: Element, selector: string): Element[] {
  return [
    ...(root.shadowRoot ? deepQueryAll(root.shadowRoot, selector) : []),
    ...deepQueryAll(root, selector),
  ];
}

/** The element with `data-testid`, looking through shadow roots. */
export function byTestId<T extends HTMLElement = HTMLElement>(
  root: Element,
  id: string,
): T | undefined {
  return deepAll(root, `[data-testid="${id}"]`)[0] as T | undefined;
}

export function allByTestId<T extends HTMLElement = HTMLElement>(root: Element, id: string): T[] {
  return deepAll(root, `[data-testid="${id}"]`) as T[];
}

/** Waits until the test id is present (and returns it). */
export async function find<T extends HTMLElement = HTMLElement>(
  root: Element,
  id: string,
  timeout = 5_000,
): Promise<T> {
  await waitUntil(() => byTestId(root, id), `[data-testid="${id}"] did not appear`, {
    timeout,
    interval: 25,
  });
  return byTestId<T>(root, id)!;
}

/** Types into an input with real key events, replacing what was there. */
export async function fill(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await selectAll();
  await type(text);
}

/** The visible heading of the current view. */
export function viewHeading(app: TcrmConsoleApp): HTMLElement | null {
  const view = app.shadowRoot!.querySelector('main > *');
  return (view?.shadowRoot?.querySelector('h1') ??
    view?.querySelector('h1') ??
    null) as HTMLElement | null;
}

/** Text as read: whitespace from template formatting collapsed. */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element that really has focus, through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Status of `auth.me` with this page's cookie: 200 signed in, 401 not. Asks the server, not the console. */
export async function sessionStatus(): Promise<number> {
  const response = await fetch('/trpc/auth.me?batch=1&input=%7B%7D', {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return response.status;
}

/** A fresh console on an empty hash, signed out on the server first (tests share one browser cookie jar). */
export async function mountConsole(
  options: { idleMinutes?: number; hash?: string } = {},
): Promise<TcrmConsoleApp> {
  await createConsoleApi({ onUnauthorized: () => undefined }).auth.signOut.mutate(undefined);
  history.replaceState(null, '', `${location.pathname}${location.search}${options.hash ?? ''}`);
  const app = await fixture<TcrmConsoleApp>(
    html`<tcrm-console-app
      idle-minutes=${options.idleMinutes ?? 15}
      locale="en"
    ></tcrm-console-app>`,
  );
  await find(app, 'sign-in-email', 10_000);
  return app;
}

/**
 * Signs in through the form: e-mail and password, then a TOTP code from the
 * server side. `landmark`: a nav link the role sees once signed in (billers have no inbox).
 */
export async function signIn(
  app: TcrmConsoleApp,
  account: StaffAccount,
  landmark = 'nav-inbox',
): Promise<void> {
  await fill(await find(app, 'sign-in-email'), account.email);
  await fill(byTestId(app, 'sign-in-password')!, account.password);
  byTestId(app, 'sign-in-submit')!.click();
  const code = await find<HTMLInputElement>(app, 'mfa-code');
  await fill(code, await server<string>({ op: 'totp', secret: account.secret! }));
  byTestId(app, 'mfa-submit')!.click();
  await find(app, landmark);
}

/** A new staff member of the seeded practice (fresh TOTP steps and session per test). */
export function newStaff(
  role = 'owner',
  enrolled = true,
  secondPractice = false,
): Promise<StaffAccount> {
  return server<StaffAccount>({ op: 'createStaff', role, enrolled, secondPractice });
}
