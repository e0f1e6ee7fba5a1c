// Gives browser tests a real therapyCRM server on the page's own origin.
//  - tcrmServerMiddleware(): forwards /trpc and /files to the server with
//    the browser's headers untouched (Host and Origin stay the page's, so
//    the server's same-origin rule for staff procedures holds, and the
//    HttpOnly staff cookie is set for and sent by the page's origin);
//  - tcrmServerPlugin(): `executeServerCommand('tcrm-server', { op, … })`
//    (see commands.ts) and stopping the server with wtr.
// The server (launcher.ts, PGlite in memory) starts on first use, so test
// runs that never touch it pay nothing.
import { spawn } from 'node:child_process';
import http from 'node:http';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const serverPackage = fileURLToPath(new URL('../../server/', import.meta.url));
const launcher = fileURLToPath(new URL('./launcher.ts', import.meta.url));
const PROXIED = ['/trpc', '/files'];

let origin = 'http://localhost:8000';
/** @type {Promise<{ port: number, call: (command: object) => Promise<unknown>, stop: () => void }> | undefined} */
let running;

function start() {
  running ??= new Promise((resolve, reject) => {
    // cwd: the server package, where `tsx` is installed.
    const child = spawn(process.execPath, ['--import', 'tsx', launcher], {
      cwd: serverPackage,
      env: { ...process.env, TCRM_TEST_ORIGIN: origin, NODE_ENV: 'test' },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const pending = new Map();
    let nextId = 1;
    child.once('exit', (code) => {
      reject(new Error(`tcrm test server exited (${code}) before it was ready`));
      for (const { reject: fail } of pending.values()) fail(new Error('tcrm test server exited'));
    });
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        return; // not ours (a stray log line)
      }
      if (message.ready) {
        resolve({
          port: message.ready.port,
          call: (command) =>
            new Promise((ok, fail) => {
              const id = nextId++;
              pending.set(id, { resolve: ok, reject: fail });
              child.stdin.write(`${JSON.stringify({ id, command })}\n`);
            }),
          stop: () => child.kill('SIGTERM'),
        });
      } else if (pending.has(message.id)) {
        const { resolve: ok, reject: fail } = pending.get(message.id);
        pending.delete(message.id);
        if ('error' in message) fail(new Error(message.error));
        else ok(message.result);
      }
    });
  });
  return running;
}

/** Koa middleware for the wtr config's `middleware` list. */
export function tcrmServerMiddleware() {
  return async function tcrmServerProxy(ctx, next) {
    if (!PROXIED.some((p) => ctx.path === p || ctx.path.startsWith(`${p}/`))) return next();
    const { port } = await start();
    ctx.respond = false;
    await new Promise((resolve) => {
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port,
          method: ctx.req.method,
          path: ctx.req.url,
          headers: ctx.req.headers,
        },
        (response) => {
          ctx.res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(ctx.res);
          response.on('end', resolve);
        },
      );
      upstream.on('error', () => {
        if (!ctx.res.headersSent) ctx.res.writeHead(502);
        ctx.res.end();
        resolve();
      });
      ctx.req.pipe(upstream);
    });
  };
}

/** wtr plugin: learns the page origin, runs commands, stops the server. */
export function tcrmServerPlugin() {
  return {
    name: 'tcrm-test-server',
    serverStart({ config }) {
      origin = `${config.http2 ? 'https' : 'http'}://${config.hostname ?? 'localhost'}:${config.port}`;
    },
    async serverStop() {
      if (running) (await running.catch(() => undefined))?.stop();
    },
    async executeCommand({ command, payload }) {
      if (command !== 'tcrm-server') return undefined;
      return (await start()).call(payload);
    },
  };
}
