import type { Row, SqlDb } from '@mytoutatice/sql';
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
 * Maps an ENT identity (`sub`) to the space it owns and the backend that hosts it. This is
 * routing, not user data: the space itself lives on its backend.
 */
export class Directory {
  private readonly db: SqlDb;
  private readonly bySub = new Map<string, DirectoryEntry>();
  private readonly bySlug = new Map<string, DirectoryEntry>();
  private readonly byInstance = new Map<string, DirectoryEntry>();

  /** `db` holds the `spaces` and `name_words` tables (gateway/src/state/). */
  constructor(db: SqlDb) {
    this.db = db;
  }

  async find(sub: string): Promise<DirectoryEntry | undefined> {
    return this.bySub.get(sub) ?? this.findWhere('sub', sub);
  }

  /** The space at this address (a DAV client's user name). */
  async findBySlug(slug: string): Promise<DirectoryEntry | undefined> {
    return this.bySlug.get(slug) ?? this.findWhere('slug', slug);
  }

  /** The space of an instance (a download link names only that), whatever node hosts it. */
  async findByInstance(instanceId: string): Promise<DirectoryEntry | undefined> {
    return this.byInstance.get(instanceId) ?? this.findWhere('instance_id', instanceId);
  }

  /**
   * Entries never change once added, so a found one is kept in this process (these run on every
   * request); a miss is not, so a space made since, by this gateway or another one on the same
   * database, is read from the database and found at once.
   */
  private async findWhere(column: 'sub' | 'slug' | 'instance_id', value: string): Promise<DirectoryEntry | undefined> {
    const row = await this.db.get(`SELECT sub, instance_id, slug, backend_url, created_at FROM spaces WHERE ${column} = ?`, value);
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

  async slugTaken(slug: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS taken FROM spaces WHERE slug = ?', slug)) !== undefined;
  }

  async add(entry: DirectoryEntry): Promise<void> {
    await this.db.run(
      'INSERT INTO spaces (sub, instance_id, slug, backend_url, created_at) VALUES (?, ?, ?, ?, ?)',
      entry.sub,
      entry.instanceId,
      entry.slug,
      entry.backendUrl,
      entry.createdAt,
    );
    this.remember(entry);
  }

  /** People's display names as the ENT last gave them, by sub (one query; those never signed in since are absent). */
  async namesOf(subs: readonly string[]): Promise<Map<string, string>> {
    if (subs.length === 0) return new Map();
    const rows = await this.db.all(`SELECT sub, name FROM spaces WHERE name IS NOT NULL AND sub IN (${subs.map(() => '?').join(', ')})`, ...subs);
    return new Map(rows.map((row) => [String(row.sub), String(row.name)]));
  }

  /**
   * Keeps the person's name and email as their verified ENT token gives them (at onboarding and
   * at each shell start), writing only when they changed. A person without a space is not here.
   */
  async learn(sub: string, claims: PersonClaims): Promise<void> {
    const email = claims.email?.toLowerCase() ?? null;
    const known = await this.db.get('SELECT name, email FROM spaces WHERE sub = ?', sub);
    if (!known || (known.name === claims.name && known.email === email)) return;
    await this.db.transaction(async () => {
      await this.db.run('UPDATE spaces SET name = ?, email = ? WHERE sub = ?', claims.name, email, sub);
      await this.db.run('DELETE FROM name_words WHERE sub = ?', sub);
      for (const word of nameWords(claims.name)) await this.db.run('INSERT INTO name_words (word, sub) VALUES (?, ?)', word, sub);
    });
  }

  /**
   * Up to `limit` people with a space, `exceptSub` left out, whose name has a word starting with
   * each word of `query` (accents and case aside), or whose email starts with `query`; by name.
   * Each way reads its index in order and stops at `limit`: sorting every match of « le » among
   * 100,000 people by name cost 80 ms, so the people shown are the first by the word or email
   * matched, then sorted. Whoever is not among them is found by typing on.
   */
  async search(query: string, exceptSub: string, limit: number): Promise<FoundPerson[]> {
    const found = new Map<string, FoundPerson>();
    const answers = await Promise.all(searchStatements(query, exceptSub, limit).map(({ sql, params }) => this.db.all(sql, ...params)));
    for (const row of answers.flat()) found.set(String(row.slug), { slug: String(row.slug), name: String(row.name) });
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.slug.localeCompare(b.slug)).slice(0, limit);
  }

  /**
   * How the database runs a search (SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN
   * lines), for the test that holds it to the indexes.
   */
  async searchPlan(query: string): Promise<string[]> {
    const explain = this.db.dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN';
    const plans = await Promise.all(searchStatements(query, '', 20).map(({ sql, params }) => this.db.all(`${explain} ${sql}`, ...params)));
    return plans.flat().map((row) => String(row.detail ?? row['QUERY PLAN']));
  }
}

type Statement = { sql: string; params: (string | number)[] };

/**
 * By email: a range on its index. By name: the longest query word seeks in `name_words` (the
 * fewest matches), each other word must start a word of the same name. A name may match by two of
 * its words, so twice `limit` rows are read for `limit` people. `LIMIT 1 OFFSET 0` keeps each
 * other word a probe of `name_words_by_sub` per candidate, in key order: PostgreSQL otherwise
 * makes it a hash semi-join that reads every match of both words, then sorts (80 ms p50 for
 * « jean-christophe bou » among 100,000 people, bench/people-search; 3 ms this way).
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
  const alsoWords = others.map(() => ' AND EXISTS (SELECT 1 FROM name_words o WHERE o.sub = w.sub AND o.word >= ? AND o.word < ? LIMIT 1 OFFSET 0)');
  statements.push({
    sql: `SELECT s.slug, s.name FROM name_words w JOIN spaces s ON s.sub = w.sub
      WHERE w.word >= ? AND w.word < ?${alsoWords.join('')} AND s.sub <> ? AND s.name IS NOT NULL ORDER BY w.word, w.sub LIMIT ?`,
    params: [first, prefixEnd(first), ...others.flatMap((word) => [word, prefixEnd(word)]), exceptSub, limit * 2],
  });
  return statements;
}

function toEntry(row: Row): DirectoryEntry {
  return {
    sub: String(row.sub),
    instanceId: String(row.instance_id),
    slug: String(row.slug),
    backendUrl: String(row.backend_url),
    createdAt: String(row.created_at),
  };
}
