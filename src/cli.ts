import { parseArgs } from 'node:util';
import { createUser } from './auth/accounts.js';
import { changeRole } from './auth/roles.js';
import { ConfigError, loadConfig } from './config.js';
import { closeDatabase, openDatabase } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { restoreDatabase, RestoreRefused } from './db/restore.js';
import { roles, type Role } from './db/schema.js';
import { createCategory } from './forum/categories.js';
import { localeFormat } from './i18n/translator.js';
import { AppError, ValidationError, type ErrorText } from './lib/errors.js';
import type { ServiceContext } from './lib/context.js';
import { backupDatabase } from './operations/backup.js';
import { copyUploads, uploadsBesideBackup } from './operations/upload-backup.js';
import { rebakePosts } from './operations/rebake.js';
import { createMarkdownRenderer } from './markdown/worker-pool.js';

const usage = `Usage: npm run cli -- <command> [options]
  user:create --username U --email E --password P [--role member|manager|admin]
  user:role --username U --role member|manager|admin
  category:create --name N [--slug S] [--description D] [--kind discussion|questions|ideas] [--moderation open|new-members|all] [--target-hours H]
  db:migrate
  backup --to FILE       (uploaded images go to FILE.uploads/)
  restore --from FILE   (with the server stopped; replaces DATABASE_PATH, copies FILE.uploads/ into UPLOADS_PATH)
  rebake [--all]`;

const options = {
  username: { type: 'string' },
  email: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  slug: { type: 'string' },
  description: { type: 'string' },
  kind: { type: 'string' },
  moderation: { type: 'string' },
  'target-hours': { type: 'string' },
  to: { type: 'string' },
  from: { type: 'string' },
  all: { type: 'boolean' },
} as const;

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new ValidationError({ [name]: `--${name} is required.` });
  return value;
}

async function run(command: string | undefined, values: Values, ctx: ServiceContext, uploadsPath: string): Promise<string> {
  switch (command) {
    case 'db:migrate':
      return 'Migrations applied; the database is up to date.';
    case 'user:create': {
      const role = values.role ?? 'member';
      if (!isRole(role)) throw new ValidationError({ role: `--role must be one of: ${roles.join(', ')}.` });
      const user = await createUser(ctx, { username: required(values, 'username'), email: required(values, 'email'), password: required(values, 'password'), role, verified: true });
      return `Created ${user.role} "${user.username}" (id ${user.id}).`;
    }
    case 'user:role': {
      const change = changeRole(ctx, 'system', { username: required(values, 'username'), role: required(values, 'role') });
      return `Changed "${change.username}" from ${change.from} to ${change.to}; their sessions were ended.`;
    }
    case 'category:create': {
      const category = createCategory(ctx, 'system', {
        name: required(values, 'name'),
        ...(values.slug ? { slug: values.slug } : {}),
        ...(values.description ? { description: values.description } : {}),
        ...(values.kind ? { kind: values.kind } : {}),
        ...(values.moderation ? { moderation: values.moderation } : {}),
        ...(values['target-hours'] !== undefined ? { target: { value: values['target-hours'], unit: 'hours' } } : {}),
      });
      return `Created category "${category.name}" at /c/${category.slug} (${category.kind}, moderation ${category.moderation}).`;
    }
    case 'backup': {
      const to = required(values, 'to');
      await backupDatabase(ctx.db, to);
      // After the database: every image its rows name was written before its row (src/uploads/receive.ts).
      const images = await copyUploads(uploadsPath, uploadsBesideBackup(to));
      return `Backed up the database to ${to} and ${images} new uploaded image file${images === 1 ? '' : 's'} to ${uploadsBesideBackup(to)}.`;
    }
    case 'rebake': {
      const { rendered, titles } = await rebakePosts(ctx.db, ctx.markdown, { all: values.all === true });
      const analyzed = titles > 0 ? ` Analyzed ${titles} thread title${titles === 1 ? '' : 's'} for search.` : '';
      return `Re-rendered ${rendered} post${rendered === 1 ? '' : 's'}.${analyzed}`;
    }
    default:
      throw new ValidationError({ command: command ? `Unknown command "${command}".\n${usage}` : usage });
  }
}

async function restore(values: Values, databasePath: string, uploadsPath: string): Promise<number> {
  try {
    const from = required(values, 'from');
    await restoreDatabase(from, databasePath);
    const images = await copyUploads(uploadsBesideBackup(from), uploadsPath);
    console.log(`Restored ${databasePath} from ${from} (integrity_check ok) and ${images} uploaded image file${images === 1 ? '' : 's'} into ${uploadsPath}. Writes made after that backup are gone; start the server again.`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) console.error(Object.values(error.fields).map(english).join(' '));
    else if (error instanceof RestoreRefused) console.error(error.message);
    else throw error;
    return 1;
  }
}

/** The command line speaks English: a service's messages in the catalog's source language. */
function english(text: ErrorText): string {
  return typeof text === 'string' ? text : localeFormat('en', 'UTC').t(text.key, text.values);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const config = loadConfig();
  // Restore must not open the target the usual way: it checks that nothing else has it open.
  if (parsed.positionals[0] === 'restore') return restore(parsed.values, config.databasePath, config.uploadsPath);
  const db = openDatabase(config.databasePath, { synchronous: config.sqliteSynchronous });
  const markdown = createMarkdownRenderer();
  try {
    migrateDatabase(db);
    console.log(await run(parsed.positionals[0], parsed.values, { db, markdown, now: Date.now }, config.uploadsPath));
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) console.error(Object.values(error.fields).map(english).join(' '));
    else if (error instanceof AppError) console.error(error.message);
    else throw error;
    return 1;
  } finally {
    await markdown.close();
    closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
