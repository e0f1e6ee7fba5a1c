// One server instance as its own process, for the multi-instance tests:
// the real createApp with the environment's configuration (loadConfig), on a
// loopback port. Usage: server.ts '<rate-limit rules as JSON>'
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/app.js';

const rateLimitRules = JSON.parse(process.argv[2] ?? '{}') as Record<string, { points: number; duration: number }>;
const app = await createApp(loadConfig(), { rateLimitRules });
const server = http.createServer(app.express);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);

process.once('SIGTERM', () => {
  server.close();
  void app.close().then(() => process.exit(0));
});
