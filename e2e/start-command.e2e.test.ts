// The README's start command as a new user runs it: the real CLI (`therapycrm
// start`) on the embedded PGlite database, and again on PostgreSQL with
// DATABASE_URL set. It must seed the demo practice and serve the demo site
// (with the demo publishable key written into it), the widget bundles, the
// staff console and the API, at the URLs it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../packages/server/test/support/database.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/server');

interface Started {
  child: ChildProcess;
  output: () => string;
  siteUrl: string;
  publishableKey: string;
}

function startCli(env: Record<string, string>): Promise<Started> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: serverDir,
    env: {
      ...inherited,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`start printed no URLs in time:\n${text}`)),
      120_000,
    );
    child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${text}`)));
    child.stdout!.on('data', () => {
      const site = /Demo practice site:\s+(\S+)/.exec(text);
      const key = /Publishable key:\s+(pk_\S+)/.exec(text);
      if (site && key) {
        clearTimeout(timer);
        resolve({
          child,
          output: () => text,
          siteUrl: site[1]!.replace(/\/$/, ''),
          publishableKey: key[1]!,
        });
      }
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function expectServesTheProduct(s: Started, database: 'pglite' | 'postgres') {
  const get = (p: string) => fetch(`${s.siteUrl}${p}`);
  const ready = await (await get('/readyz')).json();
  expect(ready).toEqual({ ok: true, database });

  const home = await get('/');
  expect(home.status).toBe(200);
  expect(home.headers.get('content-type')).toContain('text/html');
  expect(await home.text()).toContain('Harbor Light Counseling');

  const newClient = await (await get('/new-client.html')).text();
  expect(newClient).toContain('<tcrm-intake-form');
  expect(newClient).toContain(`publishable-key="${s.publishableKey}"`);

  const bundle = await get('/widgets/tcrm-widgets.js');
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toMatch(/javascript/);

  const consolePage = await get('/console/');
  expect(consolePage.status).toBe(200);
  expect(await consolePage.text()).toMatch(/<script[^>]+src=/);

  // The widget API answers for the demo practice from its own site's origin.
  const profile = await fetch(`${s.siteUrl}/trpc/practice.publicProfile`, {
    headers: { 'x-tcrm-publishable-key': s.publishableKey },
  });
  expect(((await profile.json()) as { result: { data: { name: string } } }).result.data.name).toBe(
    'Harbor Light Counseling',
  );
}

describe('the README start command', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('serves the demo site, widgets, console and API on the embedded database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-start-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const s = await startCli({ DATA_DIR: dataDir });
    cleanups.push(() => stop(s.child));
    expect(s.output()).toContain('embedded PGlite');
    await expectServesTheProduct(s, 'pglite');
    expect(fs.existsSync(path.join(dataDir, 'demo-credentials.json'))).toBe(true);
  });

  it('does the same on PostgreSQL when DATABASE_URL is set', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcrm-start-'));
    let database: TestDatabase | undefined = await createTestDatabase('tcrm_start');
    cleanups.push(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
      database = undefined;
    });
    const s = await startCli({ DATA_DIR: dataDir, DATABASE_URL: database.url });
    cleanups.push(() => stop(s.child));
    expect(s.output()).toContain('(PostgreSQL)');
    await expectServesTheProduct(s, 'postgres');
  });
});
