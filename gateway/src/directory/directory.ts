import type { DatabaseSync } from 'node:sqlite';
import { openGatewayDb, inTransaction } from '../store/gateway-db.ts';
import { nameWords, prefixEnd } from './name-words.ts';

export type DirectoryEntry = {
  sub: string;
  instanceId: string;
  slug: string;
  /** Base URL of the storage backend serving this space. */
  backendUrl: string;
  createdAt: string;
};

/** What the ENT says of a person: their display name and email (`null` when it gives none). */
export type PersonClaims = { name: string; email: string | null };

/** A person found in the directory: never their email, which only serves to find them. */
export type FoundPerson = { slug: string; name: string };

/**
 * Forward-only steps on `PRAGMA user_version`: the table exists on deployed machines. Step 1 adds
 * what the people search needs: the person's name and lower-cased email as the ENT last gave them,
 * and the words of the name, normalized, one row each (« bo » must find « Jean-Christophe Boulle »:
 * a prefix of any word, served by the primary key instead of a scan of every name).
 */
const STEPS = [
  `ALTER TABLE spaces ADD COLUMN name TEXT;
   ALTER TABLE spaces ADD COLUMN email TEXT;
   CREATE INDEX spaces_by_email ON spaces (email) WHERE email IS NOT NULL;
   CREATE TABLE name_words (
     word TEXT NOT NULL,
     sub TEXT NOT NULL,
     PRIMARY KEY (word, sub)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX name_words_by_sub ON name_words (sub);`,
];

/**
 * Maps an ENT identity (`sub`) to the space it owns and the backend that hosts it. This is
 * routing, not user data: the space itself lives on its backend.
 */
export class Directory {
  private readonly db: DatabaseSync;
  private readonly bySub = new Map<string, DirectoryEntry>();
  private readonly bySlug = new Map<string, DirectoryEntry>();
  private readonly byInstance = new Map<string, DirectoryEntry>();

  constructor(dataDir: string) {
    this.db = openGatewayDb(dataDir, 'directory.sqlite');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS spaces (
        sub TEXT PRIMARY KEY,
        instance_id TEXT NOT NULL UNIQUE,
        slug TEXT NOT NULL UNIQUE,
        backend_url TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
    this.migrate();
  }

  /** Read again inside the write lock: another process opening the same file may have run them. */
  private migrate(): void {
    inTransaction(this.db, () => {
      const { user_version: version } = this.db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (version >= STEPS.length) return;
      for (const step of STEPS.slice(version)) this.db.exec(step);
      this.db.exec(`PRAGMA user_version = ${STEPS.length}`);
    });
  }

  find(sub: string): DirectoryEntry | undefined {
    return this.bySub.get(sub) ?? this.findWhere('sub', sub);
  }

  /** The space at this address (a DAV client's user name). */
  findBySlug(slug: string): DirectoryEntry | undefined {
    return this.bySlug.get(slug) ?? this.findWhere('slug', slug);
  }

  /** The space of an instance (a download link names only that), whatever node hosts it. */
  findByInstance(instanceId: string): DirectoryEntry | undefined {
    return this.byInstance.get(instanceId) ?? this.findWhere('instance_id', instanceId);
  }

  /**
   * Entries never change once added, so a found one is kept (these run on every request);
   * a miss is not, so a space made since is found at once.
   */
  private findWhere(column: 'sub' | 'slug' | 'instance_id', value: string): DirectoryEntry | undefined {
    const row = this.db
      .prepare(`SELECT sub, instance_id, slug, backend_url, created_at FROM spaces WHERE ${column} = ?`)
      .get(value) as Record<string, string> | undefined;
    if (!row) return undefined;
    const entry = toEntry(row);
    this.remember(entry);
    return entry;
  }

  private remember(entry: DirectoryEntry): void {
    this.bySub.set(entry.sub, entry);
    this.bySlug.set(entry.slug, entry);
    this.byInstance.set(entry.instanceId, entry);
  }

  slugTaken(slug: string): boolean {
    return this.db.prepare('SELECT 1 FROM spaces WHERE slug = ?').get(slug) !== undefined;
  }

  add(entry: DirectoryEntry): void {
    this.db
      .prepare('INSERT INTO spaces (sub, instance_id, slug, backend_url, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(entry.sub, entry.instanceId, entry.slug, entry.backendUrl, entry.createdAt);
    this.remember(entry);
  }

  /** People's display names as the ENT last gave them, by sub (one query; those never signed in since are absent). */
  namesOf(subs: readonly string[]): Map<string, string> {
    if (subs.length === 0) return new Map();
    const rows = this.db
      .prepare(`SELECT sub, name FROM spaces WHERE name IS NOT NULL AND sub IN (${subs.map(() => '?').join(', ')})`)
      .all(...subs) as { sub: string; name: string }[];
    return new Map(rows.map((row) => [row.sub, row.name]));
  }

  /**
   * Keeps the person's name and email as their verified ENT token gives them (at onboarding and
   * at each shell start), writing only when they changed. A person without a space is not here.
   */
  learn(sub: string, claims: PersonClaims): void {
    const email = claims.email?.toLowerCase() ?? null;
    const known = this.db.prepare('SELECT name, email FROM spaces WHERE sub = ?').get(sub) as { name: string | null; email: string | null } | undefined;
    if (!known || (known.name === claims.name && known.email === email)) return;
    inTransaction(this.db, () => {
      this.db.prepare('UPDATE spaces SET name = ?, email = ? WHERE sub = ?').run(claims.name, email, sub);
      this.db.prepare('DELETE FROM name_words WHERE sub = ?').run(sub);
      const put = this.db.prepare('INSERT INTO name_words (word, sub) VALUES (?, ?)');
      for (const word of nameWords(claims.name)) put.run(word, sub);
    });
  }

  /**
   * Up to `limit` people with a space, `exceptSub` left out, whose name has a word starting with
   * each word of `query` (accents and case aside), or whose email starts with `query`; by name.
   * Each way reads its index in order and stops at `limit`: sorting every match of « le » among
   * 100,000 people by name cost 80 ms, so the people shown are the first by the word or email
   * matched, then sorted. Whoever is not among them is found by typing on.
   */
  search(query: string, exceptSub: string, limit: number): FoundPerson[] {
    const found = new Map<string, FoundPerson>();
    for (const { sql, params } of searchStatements(query, exceptSub, limit)) {
      for (const row of this.db.prepare(sql).all(...params) as { slug: string; name: string }[]) found.set(row.slug, { slug: row.slug, name: row.name });
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.slug.localeCompare(b.slug)).slice(0, limit);
  }

  /** How SQLite runs a search (EXPLAIN QUERY PLAN details), for the test that holds it to the indexes. */
  searchPlan(query: string): string[] {
    return searchStatements(query, '', 20).flatMap(({ sql, params }) =>
      (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail),
    );
  }


  close(): void {
    this.db.close();
  }
}

type Statement = { sql: string; params: (string | number)[] };

/**
 * By email: a range on its index. By name: the longest query word seeks in `name_words` (the
 * fewest matches), each other word must start a word of the same name. A name may match by two of
 * its words, so twice `limit` rows are read for `limit` people.
 */
function searchStatements(query: string, exceptSub: string, limit: number): Statement[] {
  const email = query.trim().toLowerCase();
  const statements: Statement[] = [
    {
      sql: 'SELECT slug, name FROM spaces WHERE email >= ? AND email < ? AND sub <> ? AND name IS NOT NULL ORDER BY email LIMIT ?',
      params: [email, prefixEnd(email), exceptSub, limit],
    },
  ];
  const [first, ...others] = nameWords(query).sort((a, b) => b.length - a.length);
  if (first === undefined) return statements;
  const alsoWords = others.map(() => ' AND EXISTS (SELECT 1 FROM name_words o WHERE o.sub = w.sub AND o.word >= ? AND o.word < ?)');
  statements.push({
    sql: `SELECT s.slug, s.name FROM name_words w JOIN spaces s ON s.sub = w.sub
      WHERE w.word >= ? AND w.word < ?${alsoWords.join('')} AND s.sub <> ? AND s.name IS NOT NULL ORDER BY w.word, w.sub LIMIT ?`,
    params: [first, prefixEnd(first), ...others.flatMap((word) => [word, prefixEnd(word)]), exceptSub, limit * 2],
  });
  return statements;
}

function toEntry(row: Record<string, string>): DirectoryEntry {
  return {
    sub: String(row.sub),
    instanceId: String(row.instance_id),
    slug: String(row.slug),
    backendUrl: String(row.backend_url),
    createdAt: String(row.created_at),
  };
}
