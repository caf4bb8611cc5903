// The CLI's help text, printed by `ttdn help` and after a usage error.
import { ROLES } from '../core/actor.js';

export const USAGE = `Usage: ttdn <command>

  serve                         migrate, seed an empty database, start the server
  migrate                       apply pending database migrations
  seed [--items N]              load the demo agencies, accounts and items (skips existing ones);
                                --items N adds N synthetic published items for benchmarks
  users create --email E --agency SLUG|ID --role ROLE [--username U] [--name N] [--password-stdin]
  users reset-password LOGIN [--password-stdin]   new password; must be changed at next sign-in
  users unlock LOGIN            release a sign-in lock
  users list                    list accounts
  audit verify                  walk the audit hash chain and report the first broken link
  content list [--state S] [--agency SLUG]       language versions, newest change first
  content unpublish VERSION_ID                  take a version offline at once (audited as system:cli)
  content publish-due                           publish what is scheduled and due now
  import FILE --agency SLUG [--mode draft|submit] [--declare]
                                import items from a CSV, XLSX or JSON file (docs/import.md)
  export national (--full | --since CURSOR) --out FILE
                                public published content for the national foreign-information
                                database, JSON Lines (docs/export.md); prints the next cursor

Environment: DATABASE_URL (PostgreSQL; embedded PGlite under DATA_DIR otherwise), DATA_DIR, PORT, HOST…
(see README.md). Roles: ${ROLES.join(', ')}.`;
