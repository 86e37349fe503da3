import express, { type Express } from 'express';
import { pino, type Logger } from 'pino';
import { DownloadTokens } from './auth/download-token.ts';
import { InternalTokenVerifier, requireInternalToken } from './auth/internal-token.ts';
import type { StorageConfig } from './config.ts';
import { documentRoutes } from './documents/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { problemHandler, requestId, unknownRoute } from '@mytoutatice/server-kit';
import { InstanceDatabases } from './instances/instance-databases.ts';
import { InstanceRegistry } from './instances/registry.ts';
import { instanceRoutes } from './instances/routes.ts';

export interface Storage {
  app: Express;
  logger: Logger;
  /** Closes every database handle; call after the HTTP server has stopped. */
  close(): void;
}

export function createStorage(config: StorageConfig): Storage {
  const logger = pino({ name: 'storage', level: config.logLevel });
  const registry = new InstanceRegistry(config.dataDir);
  const databases = new InstanceDatabases(config.dataDir);
  const verifier = new InternalTokenVerifier(config.internalTokenSecret);
  const downloadTokens = new DownloadTokens(config.internalTokenSecret);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestId);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(requireInternalToken(verifier));
  app.use(instanceRoutes(registry, databases, config.defaultQuotaBytes));
  app.use(fileRoutes({ registry, databases, downloadTokens, maxFileBytes: config.maxFileBytes }));
  app.use(documentRoutes(registry, databases));
  app.use(unknownRoute);
  app.use(problemHandler(logger));

  return {
    app,
    logger,
    close() {
      databases.close();
      registry.close();
    },
  };
}
