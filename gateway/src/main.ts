import { createServer } from 'node:http';
import pino from 'pino';
import { createGateway } from './app.ts';
import { readConfig } from './config/config.ts';

const config = readConfig(process.env);
const log = pino({ level: config.LOG_LEVEL });
const gateway = createGateway(config, log);
const server = createServer(gateway.handler).listen(config.PORT, config.HOST ?? '::', () => {
  log.info({ port: config.PORT }, 'gateway listening');
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
    gateway.close();
    process.exit(0);
  });
}
