// A whole server instance in its own OS process, for the booking race test:
// configuration from the environment it was given (DATABASE_URL, DATA_DIR,
// APP_SECRET), createApp, listen on a loopback port chosen by the OS, and
// print "LISTENING <port>" for the parent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

const app = await createApp(loadConfig());
const server = http.createServer(app.express);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
});

const stop = () => {
  server.close();
  void app.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
