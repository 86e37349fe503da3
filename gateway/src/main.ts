import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createGateway } from './app.ts';
import { readConfig } from './config/config.ts';

const config = readConfig(process.env);
const log = pino({ level: config.LOG_LEVEL });
const gateway = createGateway(config, log);
// Refuses to start on a database it cannot reach or migrate, rather than answer 500s.
await gateway.ready();
// Bigger stream buffers move large files in fewer, larger chunks (bench/storage large-file: less CPU per GiB).
const server = createServer({ highWaterMark: 1024 * 1024 }, gateway.handler).listen(config.PORT, config.HOST ?? '::', () => {
  // The port bound, not the one asked: PORT=0 takes any free one (tests start gateways that way).
  log.info({ port: (server.address() as AddressInfo).port }, 'gateway listening');
});
server.keepAliveTimeout = 65_000;
server.on('upgrade', gateway.upgrade);

process.on('SIGHUP', () => {
  gateway.reloadApps();
  log.info('apps reloaded');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void gateway.close().finally(() => process.exit(0));
  });
}
