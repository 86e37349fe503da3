import { parseArgs } from 'node:util';
import { ROOT_ID, TRASH_ID } from '@mytoutatice/contract';
import { defaultDataDir, metadataConfig } from '../config.ts';
import { createAppPassword, listAppPasswords } from '../instances/app-passwords.ts';
import { createBlobStore, readBlobConfig } from '../blobs/blob-config.ts';
import { openMetadata } from '../db/open-metadata.ts';
import { InstanceDatabases } from '../instances/instance-databases.ts';
import { usedBytes } from '../files/usage.ts';
import { listJobs, type JobStateName } from '../jobs/job-rows.ts';
import { InstanceRecords, type InstanceRecord } from '../instances/instance-records.ts';
import { formatBytes, parseByteSize } from './byte-size.ts';
import { DEFAULT_GRACE_MS, fsckInstance } from './fsck.ts';

const USAGE = `Administration des espaces MyToutatice (stockage : STORAGE_DATA_DIR)

Usage : npm run admin -- <commande>

  list                              liste les espaces (adresse, e-mail, utilisé / quota, création)
  show <slug>                       détaille un espace
  app-password <slug> [libellé]     crée un mot de passe d’application (WebDAV/CardDAV) ;
                                    il est affiché une seule fois, seul sur la dernière ligne
  quota <slug> <taille>             fixe le quota : octets, ou 500MB, 5GB… (1 GB = 1024³ octets)
  jobs <slug>                       les travaux de fond de l’espace (purge de la corbeille…) :
                                    état, essais, prochaine exécution, code d’erreur
  fsck <slug>|--all [--repair] [--grace <minutes>]
                                    vérifie métadonnées et contenus ; --repair supprime les
                                    contenus orphelins et les restes d’envois (code 1 s’il
                                    reste des problèmes) ; ceux de moins de --grace minutes
                                    (15 par défaut) sont épargnés : un envoi peut être en cours
  help                              cette aide`;

/** Bad usage: exit code 2 with the reason and the help. */
class UsageError extends Error {}
/** A failure the operator should read (unknown space…): exit code 1. */
class Failure extends Error {}

interface Context {
  instances: InstanceRecords;
  databases: InstanceDatabases;
}

async function instanceBySlug({ instances }: Context, slug: string | undefined): Promise<InstanceRecord> {
  if (slug === undefined) throw new UsageError('Indiquez l’adresse (slug) de l’espace.');
  const instance = await instances.bySlug(slug);
  if (!instance) throw new Failure(`Aucun espace « ${slug} ».`);
  return instance;
}

async function usage(context: Context, instance: InstanceRecord): Promise<string> {
  return `${formatBytes(await usedBytes(context.databases.db(instance.id)))} / ${formatBytes(instance.quotaBytes)}`;
}

async function list(context: Context): Promise<void> {
  const instances = await context.instances.list();
  if (instances.length === 0) {
    console.log('Aucun espace.');
    return;
  }
  const rows = [
    ['ESPACE', 'E-MAIL', 'UTILISÉ / QUOTA', 'CRÉÉ LE'],
  ];
  for (const instance of instances) {
    rows.push([instance.slug, instance.email, await usage(context, instance), instance.createdAt.slice(0, 10)]);
  }
  printTable(rows);
}

function printTable(rows: readonly string[][]): void {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}

const JOB_STATES: Record<JobStateName, string> = { queued: 'en attente', running: 'en cours', done: 'terminé', failed: 'échoué' };

/** What the operator asks when a space's background work seems stuck: the queue as it stands. */
async function jobs(context: Context, slug: string | undefined): Promise<void> {
  const instance = await instanceBySlug(context, slug);
  const states = await listJobs(context.databases.db(instance.id));
  if (states.length === 0) {
    console.log('Aucun travail.');
    return;
  }
  const rows = [['TRAVAIL', 'ÉTAT', 'ESSAIS', 'PRÉVU', 'CODE']];
  for (const job of states) {
    rows.push([job.kind, JOB_STATES[job.state], `${job.attempts}/${job.maxAttempts}`, job.runAt.slice(0, 16).replace('T', ' '), job.errorCode ?? '']);
  }
  printTable(rows);
}

async function show(context: Context, slug: string | undefined): Promise<void> {
  const instance = await instanceBySlug(context, slug);
  const db = context.databases.db(instance.id);
  const count = async (sql: string, ...params: string[]) => Number((await db.get(sql, ...params))?.n ?? 0);
  const files = await count(`SELECT COUNT(*) AS n FROM files WHERE type = 'file'`);
  const folders = await count(`SELECT COUNT(*) AS n FROM files WHERE type = 'directory' AND id NOT IN (?, ?)`, ROOT_ID, TRASH_ID);
  const documents = await count('SELECT COUNT(*) AS n FROM documents');
  const seq = await count('SELECT value AS n FROM seq');
  console.log(`Espace       ${instance.slug}`);
  console.log(`Identifiant  ${instance.id}`);
  console.log(`E-mail       ${instance.email}`);
  console.log(`Créé le      ${instance.createdAt}`);
  console.log(`Utilisé      ${await usage(context, instance)} (quota : ${instance.quotaBytes} octets)`);
  console.log(`Contenu      ${files} fichier(s), ${folders} dossier(s), ${documents} document(s)`);
  console.log(`Séquence     ${seq}`);
  const passwords = await listAppPasswords(db);
  console.log(`Mots de passe d’application : ${passwords.length === 0 ? 'aucun' : ''}`);
  for (const password of passwords) console.log(`  « ${password.label} », créé le ${password.createdAt}`);
}

async function appPassword(context: Context, slug: string | undefined, label: string | undefined): Promise<void> {
  const instance = await instanceBySlug(context, slug);
  const name = label?.trim() || `appareil du ${new Date().toISOString().slice(0, 10)}`;
  const { password } = await createAppPassword(context.databases.db(instance.id), name);
  console.log(`Mot de passe d’application « ${name} » créé pour ${instance.slug}. Il ne sera plus affiché :`);
  console.log(password);
}

async function quota(context: Context, slug: string | undefined, size: string | undefined): Promise<void> {
  const instance = await instanceBySlug(context, slug);
  const bytes = size === undefined ? undefined : parseByteSize(size);
  if (bytes === undefined) throw new UsageError('Indiquez une taille : 5368709120, 5GB, 500MB…');
  await context.instances.setQuota(instance.id, bytes);
  console.log(`Quota de ${instance.slug} : ${formatBytes(bytes)} (${bytes} octets).`);
  const used = await usedBytes(context.databases.db(instance.id));
  if (used > bytes) console.log(`Attention : l’espace utilise déjà ${formatBytes(used)} ; plus aucun envoi ne passera.`);
}

async function fsck(context: Context, slug: string | undefined, all: boolean, repair: boolean, graceMs: number): Promise<number> {
  if (all === (slug !== undefined)) throw new UsageError('Indiquez soit une adresse (slug), soit --all.');
  const instances = all ? await context.instances.list() : [await instanceBySlug(context, slug)];
  let remaining = 0;
  for (const instance of instances) {
    const { databases } = context;
    const report = await fsckInstance(
      { id: instance.id, paths: databases.paths(instance.id), db: databases.db(instance.id), blobs: databases.blobs },
      { repair, graceMs },
    );
    const left = report.problems.filter((problem) => !problem.repaired).length;
    remaining += left;
    const summary = report.problems.length === 0 ? 'OK' : `${report.problems.length} problème(s), ${left} restant(s)`;
    console.log(`${instance.slug} : ${summary}`);
    for (const problem of report.problems) {
      console.log(`  ${problem.kind} ${problem.path} : ${problem.detail}${problem.repaired ? ' — réparé' : ''}`);
    }
    for (const path of report.skipped) console.log(`  récent, ignoré (envoi en cours ?) : ${path}`);
  }
  if (remaining > 0 && !repair) console.log('Relancez avec --repair pour supprimer les contenus orphelins et les restes d’envois.');
  return remaining > 0 ? 1 : 0;
}

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      repair: { type: 'boolean' },
      grace: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, first, second, ...extra] = positionals;
  if (command === 'help' || values.help) {
    console.log(USAGE);
    return 0;
  }
  if (command === undefined) throw new UsageError('Indiquez une commande.');
  const maxArgs: Record<string, number> = { list: 0, show: 1, 'app-password': 2, quota: 2, jobs: 1, fsck: 1 };
  const allowed = maxArgs[command];
  if (allowed === undefined) throw new UsageError(`Commande inconnue : ${command}`);
  if (positionals.length - 1 > allowed || extra.length > 0) throw new UsageError('Trop d’arguments.');
  if ((values.all || values.repair || values.grace !== undefined) && command !== 'fsck') {
    throw new UsageError('--all, --repair et --grace vont avec fsck.');
  }
  if (values.grace !== undefined && !/^[0-9]{1,6}$/.test(values.grace)) throw new UsageError('--grace est un nombre de minutes.');
  const graceMs = values.grace === undefined ? DEFAULT_GRACE_MS : Number(values.grace) * 60_000;

  const dataDir = process.env.STORAGE_DATA_DIR || defaultDataDir;
  const metadata = await openMetadata(dataDir, metadataConfig({ DATABASE_URL: process.env.DATABASE_URL || undefined, DATABASE_POOL_SIZE: 2 }));
  const blobs = createBlobStore(readBlobConfig(process.env, dataDir));
  const context: Context = {
    instances: new InstanceRecords(metadata.registry),
    databases: new InstanceDatabases(dataDir, metadata, blobs),
  };
  try {
    switch (command) {
      case 'list':
        await list(context);
        return 0;
      case 'show':
        await show(context, first);
        return 0;
      case 'app-password':
        await appPassword(context, first, second);
        return 0;
      case 'quota':
        await quota(context, first, second);
        return 0;
      case 'jobs':
        await jobs(context, first);
        return 0;
      default:
        return await fsck(context, first, values.all === true, values.repair === true, graceMs);
    }
  } finally {
    await metadata.close();
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof Failure) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
