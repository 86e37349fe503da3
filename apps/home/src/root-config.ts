/**
 * The Home's root config. Signing in comes first and alone: until there is a session, nothing
 * else is worth loading (the page is about to go to the ENT). Plain TypeScript.
 */
import { signIn } from './auth/auth.ts';
import { createUserManager } from './auth/user-manager.ts';
import { readShellConfig } from './config.ts';
import './styles.css';

const config = readShellConfig();
const auth = await signIn(createUserManager({ ...config.oidc, publicUrl: config.publicUrl }), document.getElementById('mt-shell') ?? document.body);
const { startShell } = await import('./start-shell.ts');
await startShell(config, auth);
