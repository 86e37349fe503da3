import { readShellConfig } from '../config.ts';
import { createUserManager } from './user-manager.ts';

// Runs in the hidden frame oidc-client-ts opens at /silent-renew.html: hands the new
// authorization response back to the page.
const { oidc, publicUrl } = readShellConfig();
void createUserManager({ ...oidc, publicUrl }).signinCallback();
