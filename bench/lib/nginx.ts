import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopServer } from './proc.ts';

export type Nginx = { dir: string; stop(): Promise<void> };

/**
 * Debian's nginx as the reference, on a config of its own in a temp folder: `server` is the body
 * of the http block (upstreams, servers); `dir` can hold the files it serves.
 */
export function startNginx(server: (dir: string) => string): Nginx {
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
${server(dir)}
}
`,
  );
  const child = spawn('nginx', ['-c', conf, '-p', dir], { stdio: 'inherit' });
  return {
    dir,
    stop: () => stopServer(child, dir),
  };
}
