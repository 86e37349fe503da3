import { timingSafeEqual } from 'node:crypto';

export type Profil = 'staff' | 'eleve';

export interface DemoAccount {
  login: string;
  /** Fixed, so a user's space stays theirs across restarts of the simulator. */
  sub: string;
  name: string;
  email: string;
  profil: Profil;
  roles?: string[];
}

export const DEMO_PASSWORD = 'demo';

export const demoAccounts: readonly DemoAccount[] = [
  {
    login: 'enseignant',
    sub: '6f1c2b7e-3d4a-4c59-9e21-0a7b5d8e1f01',
    name: 'Annabel Bourde',
    email: 'annabel.bourde@ac-rennes.fr',
    profil: 'staff',
  },
  {
    login: 'eleve',
    sub: '8a3e5d9c-1b2f-4e67-8d40-2c9f6a1b3e02',
    name: 'Jordan Abiven',
    email: 'jordan.abiven@eleve.ac-rennes.fr',
    profil: 'eleve',
  },
  {
    login: 'agent',
    sub: '2d7b9f4a-6c8e-4a15-b3d2-5e1a7c9d4f03',
    name: 'Yannick Bré',
    email: 'yannick.bre@ac-rennes.fr',
    profil: 'staff',
  },
  {
    login: 'admin',
    sub: 'c4e8a2d6-9f1b-4d37-a5c9-7b3e1f5a8d04',
    name: 'Sophie Schaal',
    email: 'sophie.schaal@ac-rennes.fr',
    profil: 'staff',
    roles: ['admin'],
  },
];

export function accountBySub(sub: string): DemoAccount | undefined {
  return demoAccounts.find((a) => a.sub === sub);
}

/** The account for these credentials, or undefined; unknown login and wrong password look the same. */
export function authenticate(login: string, password: string): DemoAccount | undefined {
  const account = demoAccounts.find((a) => a.login === login.trim().toLowerCase());
  const given = Buffer.from(password);
  const expected = Buffer.from(DEMO_PASSWORD);
  const ok = given.length === expected.length && timingSafeEqual(given, expected);
  return ok ? account : undefined;
}

/** Which claims each scope releases, in the id_token, at userinfo and in the access token. */
export const claimsByScope = {
  openid: ['sub'],
  profile: ['name', 'preferred_username', 'profil', 'roles'],
  email: ['email'],
} as const;

export type AccountClaims = {
  sub: string;
  name: string;
  preferred_username: string;
  profil: Profil;
  email: string;
  roles?: string[];
};

export function claimsOf(account: DemoAccount): AccountClaims {
  return {
    sub: account.sub,
    name: account.name,
    preferred_username: account.login,
    profil: account.profil,
    email: account.email,
    ...(account.roles ? { roles: account.roles } : {}),
  };
}

/** The account's claims that the granted scopes release. */
export function claimsForScopes(account: DemoAccount, scopes: ReadonlySet<string>): Partial<AccountClaims> {
  const all: Record<string, unknown> = claimsOf(account);
  const out: Record<string, unknown> = {};
  for (const [scope, names] of Object.entries(claimsByScope)) {
    if (!scopes.has(scope)) continue;
    for (const name of names) if (all[name] !== undefined) out[name] = all[name];
  }
  return out as Partial<AccountClaims>;
}
