import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopServer } from './proc.ts';

export type Apache = { dir: string; root: string; stop(): Promise<void> };

const MODULES = '/usr/lib/apache2/modules';

/**
 * Debian's Apache httpd with mod_dav_fs as the WebDAV reference, on a config of its own in a temp
 * folder: `<dir>/www` is served read-write at `/` on `port`, without authentication.
 */
export async function startApacheDav(port: number): Promise<Apache> {
  const dir = mkdtempSync(join(tmpdir(), 'mytoutatice-apache-'));
  const root = join(dir, 'www');
  mkdirSync(root);
  mkdirSync(join(dir, 'lock'));
  // The workers run as www-data.
  for (const path of [dir, root, join(dir, 'lock')]) chmodSync(path, 0o777);
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    `ServerRoot ${dir}
Listen 127.0.0.1:${port}
ServerName localhost
PidFile ${dir}/httpd.pid
ErrorLog ${dir}/error.log
LogLevel warn
User www-data
Group www-data
LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule mime_module ${MODULES}/mod_mime.so
LoadModule dav_module ${MODULES}/mod_dav.so
LoadModule dav_fs_module ${MODULES}/mod_dav_fs.so
TypesConfig /etc/mime.types
KeepAlive On
MaxKeepAliveRequests 0
DavLockDB ${dir}/lock/DavLock
DocumentRoot ${root}
<Directory ${root}>
  Dav On
  Require all granted
</Directory>
`,
  );
  const child = spawn('apache2', ['-f', conf, '-DFOREGROUND'], { stdio: 'inherit', env: { ...process.env, APACHE_RUN_DIR: dir } });
  await waitForPort(port, child);
  return {
    dir,
    root,
    stop: () => stopServer(child, dir),
  };
}

async function waitForPort(port: number, child: ReturnType<typeof spawn>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`apache2 exited (${child.exitCode})`);
    const up = await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('apache2 did not start');
}
