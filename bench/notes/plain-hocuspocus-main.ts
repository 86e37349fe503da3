/**
 * The reference of bench/notes, run as its own process as the storage is: a plain Hocuspocus 4
 * server with no extension, on an ephemeral local port, which it prints as `port=<n>`.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ address: '127.0.0.1', port: 0, quiet: true });
await server.listen();
console.log(`port=${server.address.port}`);
process.on('SIGTERM', () => {
  void server.destroy().then(() => process.exit(0));
});
