// The server's OpenAPI document, built in-process on an empty, migrated in-memory database
// (producing it needs no data): for the admin app's generated types and the OpenAPI lint.
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const database = await openDatabase({ databaseUrl: null, dataDir: '', inMemory: true });
  await migrateDatabase(database);
  const app = await buildApp({ config: loadConfig({}), database, logger: false });
  try {
    await app.ready();
    return app.swagger() as Record<string, unknown>;
  } finally {
    await app.close();
    await database.close();
  }
}
