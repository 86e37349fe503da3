import { createEnt } from './app.ts';
import { readEntConfig } from './config.ts';

const config = readEntConfig(process.env);
const ent = await createEnt(config);

ent.server.listen(config.port, config.host, () => {
  ent.logger.info({ issuer: config.issuer, publicUrl: config.publicUrl }, 'ENT simulator listening');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    ent.server.close();
    ent.server.closeAllConnections();
  });
}
