// Queries of the accounts area: the only place with its SQL.
import { and, asc, desc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { agencies, apiClients, loginThrottles, oauthAccessTokens, personalTokens, sessions, users } from './tables.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiClientRow = typeof apiClients.$inferSelect;
export type PersonalTokenRow = typeof personalTokens.$inferSelect;

const like = (s: string) => `%${s.replace(/[%_\\]/g, '\\$&')}%`;

// ---------- agencies ----------

export async function insertAgency(db: Database, row: typeof agencies.$inferInsert): Promise<AgencyRow> {
  const [r] = await db.insert(agencies).values(row).returning();
  return r;
}

export async function updateAgency(db: Database, id: string, expectedVersion: number, patch: Partial<typeof agencies.$inferInsert>): Promise<AgencyRow | null> {
  const [r] = await db
    .update(agencies)
    .set({ ...patch, version: sql`${agencies.version} + 1` })
    .where(and(eq(agencies.id, id), eq(agencies.version, expectedVersion)))
    .returning();
  return r ?? null;
}

export async function findAgency(db: Database, id: string): Promise<AgencyRow | null> {
  const [r] = await db.select().from(agencies).where(eq(agencies.id, id));
  return r ?? null;
}

export async function findAgencyBySlug(db: Database, slug: string): Promise<AgencyRow | null> {
  const [r] = await db.select().from(agencies).where(eq(agencies.slug, slug));
  return r ?? null;
}

export async function listAgencies(
  db: Database,
  f: { q?: string; type?: string; parentId?: string; includeArchived?: boolean; onlyId?: string },
): Promise<AgencyRow[]> {
  const where: SQL[] = [];
  if (!f.includeArchived) where.push(isNull(agencies.archivedAt));
  if (f.type) where.push(eq(agencies.type, f.type));
  if (f.parentId) where.push(eq(agencies.parentId, f.parentId));
  if (f.onlyId) where.push(eq(agencies.id, f.onlyId));
  if (f.q) {
    const p = like(f.q);
    where.push(
      or(sql`public.f_unaccent(${agencies.nameVi}) ILIKE public.f_unaccent(${p})`, sql`${agencies.nameEn} ILIKE ${p}`, sql`${agencies.slug} ILIKE ${p}`)!,
    );
  }
  return db
    .select()
    .from(agencies)
    .where(and(...where))
    .orderBy(asc(agencies.nameVi))
    .limit(1000);
}

export async function countActiveUsers(db: Database, agencyId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), isNull(users.disabledAt)));
  return Number(r.n);
}

// ---------- users ----------

export async function insertUser(db: Database, row: typeof users.$inferInsert): Promise<UserRow> {
  const [r] = await db.insert(users).values(row).returning();
  return r;
}

export async function findUser(db: Database, id: string): Promise<UserRow | null> {
  const [r] = await db.select().from(users).where(eq(users.id, id));
  return r ?? null;
}

export async function findUsers(db: Database, ids: string[]): Promise<UserRow[]> {
  if (!ids.length) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

export async function displayNamesByUsername(db: Database, usernames: string[]): Promise<Array<{ username: string; displayName: string }>> {
  if (!usernames.length) return [];
  return db.select({ username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, usernames));
}

export async function findUserByLogin(db: Database, login: string): Promise<UserRow | null> {
  const l = login.trim().toLowerCase();
  const [r] = await db
    .select()
    .from(users)
    .where(or(sql`lower(${users.email}) = ${l}`, sql`lower(${users.username}) = ${l}`));
  return r ?? null;
}

export async function findUserConflicts(db: Database, email: string, username: string, exceptId?: string): Promise<{ email: boolean; username: boolean }> {
  const rows = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(
      and(
        or(sql`lower(${users.email}) = ${email.toLowerCase()}`, sql`lower(${users.username}) = ${username.toLowerCase()}`),
        exceptId ? ne(users.id, exceptId) : undefined,
      ),
    );
  return {
    email: rows.some((r) => r.email.toLowerCase() === email.toLowerCase()),
    username: rows.some((r) => r.username.toLowerCase() === username.toLowerCase()),
  };
}

export async function listUsers(db: Database, f: { agencyId?: string; role?: string; q?: string; locked?: boolean; disabled?: boolean }): Promise<UserRow[]> {
  const where: SQL[] = [];
  if (f.agencyId) where.push(eq(users.agencyId, f.agencyId));
  if (f.role) where.push(eq(users.role, f.role));
  if (f.locked !== undefined) where.push(f.locked ? sql`${users.lockedAt} IS NOT NULL` : isNull(users.lockedAt));
  if (f.disabled !== undefined) where.push(f.disabled ? sql`${users.disabledAt} IS NOT NULL` : isNull(users.disabledAt));
  if (f.q) {
    const p = like(f.q);
    where.push(
      or(sql`public.f_unaccent(${users.displayName}) ILIKE public.f_unaccent(${p})`, sql`${users.email} ILIKE ${p}`, sql`${users.username} ILIKE ${p}`)!,
    );
  }
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.username))
    .limit(1000);
}

export async function updateUser(db: Database, id: string, patch: Partial<typeof users.$inferInsert>, expectedVersion?: number): Promise<UserRow | null> {
  const [r] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), expectedVersion === undefined ? undefined : eq(users.version, expectedVersion)))
    .returning();
  return r ?? null;
}

export async function countActiveAdmins(db: Database, exceptId?: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), exceptId ? ne(users.id, exceptId) : undefined));
  return Number(r.n);
}

export async function countUsers(db: Database): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(r.n);
}

// ---------- sessions ----------

export async function insertSession(db: Database, row: typeof sessions.$inferInsert): Promise<SessionRow> {
  const [r] = await db.insert(sessions).values(row).returning();
  return r;
}

export async function findSession(db: Database, id: string): Promise<SessionRow | null> {
  const [r] = await db.select().from(sessions).where(eq(sessions.id, id));
  return r ?? null;
}

/** One round trip per authenticated request: the session and its user. */
export async function findSessionWithUser(db: Database, id: string): Promise<{ session: SessionRow; user: UserRow } | null> {
  const [r] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  return r ?? null;
}

export async function updateSession(db: Database, id: string, patch: Partial<typeof sessions.$inferInsert>) {
  await db.update(sessions).set(patch).where(eq(sessions.id, id));
}

/** An active session by the public id the API shows (a prefix of its hash). */
export async function findActiveSessionByPrefix(db: Database, prefix: string, now: Date, idleSince: Date): Promise<SessionRow | null> {
  const [r] = await db
    .select()
    .from(sessions)
    .where(
      and(
        sql`${sessions.id} LIKE ${prefix.replace(/[^0-9a-f]/g, '') + '%'}`,
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince),
      ),
    )
    .limit(2);
  return r ?? null;
}

export async function revokeSessions(db: Database, where: { id?: string; userId?: string; exceptId?: string }, at: Date, reason: string): Promise<number> {
  const conds: SQL[] = [isNull(sessions.revokedAt)];
  if (where.id) conds.push(eq(sessions.id, where.id));
  if (where.userId) conds.push(eq(sessions.userId, where.userId));
  if (where.exceptId) conds.push(ne(sessions.id, where.exceptId));
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(...conds))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listActiveSessions(
  db: Database,
  f: { userId?: string },
  now: Date,
  idleSince: Date,
): Promise<Array<SessionRow & { username: string; displayName: string }>> {
  const rows = await db
    .select({ s: sessions, username: users.username, displayName: users.displayName })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince), f.userId ? eq(sessions.userId, f.userId) : undefined),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(500);
  return rows.map((r) => ({ ...r.s, username: r.username, displayName: r.displayName }));
}

// ---------- sign-in throttles (per IP) ----------

export async function findThrottle(db: Database, key: string) {
  const [r] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  return r ?? null;
}

export async function saveThrottle(db: Database, row: typeof loginThrottles.$inferInsert) {
  await db
    .insert(loginThrottles)
    .values(row)
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures: row.failures,
        firstFailureAt: row.firstFailureAt,
        lastFailureAt: row.lastFailureAt,
        blockedUntil: row.blockedUntil ?? null,
      },
    });
}

export async function deleteThrottle(db: Database, key: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

// ---------- API clients and tokens ----------

export async function insertApiClient(db: Database, row: typeof apiClients.$inferInsert): Promise<ApiClientRow> {
  const [r] = await db.insert(apiClients).values(row).returning();
  return r;
}

export async function findApiClient(db: Database, id: string): Promise<ApiClientRow | null> {
  const [r] = await db.select().from(apiClients).where(eq(apiClients.id, id));
  return r ?? null;
}

export async function findApiClientByClientId(db: Database, clientId: string): Promise<ApiClientRow | null> {
  const [r] = await db.select().from(apiClients).where(eq(apiClients.clientId, clientId));
  return r ?? null;
}

export async function listApiClients(db: Database, f: { agencyId?: string }): Promise<ApiClientRow[]> {
  return db
    .select()
    .from(apiClients)
    .where(f.agencyId ? eq(apiClients.agencyId, f.agencyId) : undefined)
    .orderBy(desc(apiClients.createdAt))
    .limit(1000);
}

export async function updateApiClient(db: Database, id: string, patch: Partial<typeof apiClients.$inferInsert>) {
  const [r] = await db.update(apiClients).set(patch).where(eq(apiClients.id, id)).returning();
  return r ?? null;
}

export async function insertAccessToken(db: Database, row: typeof oauthAccessTokens.$inferInsert) {
  await db.insert(oauthAccessTokens).values(row);
}

export async function findAccessToken(db: Database, id: string) {
  const [r] = await db
    .select({ token: oauthAccessTokens, client: apiClients })
    .from(oauthAccessTokens)
    .innerJoin(apiClients, eq(apiClients.id, oauthAccessTokens.clientId))
    .where(eq(oauthAccessTokens.id, id));
  return r ?? null;
}

export async function deleteAccessTokensOfClient(db: Database, clientId: string) {
  await db.delete(oauthAccessTokens).where(eq(oauthAccessTokens.clientId, clientId));
}

export async function insertPersonalToken(db: Database, row: typeof personalTokens.$inferInsert) {
  const [r] = await db.insert(personalTokens).values(row).returning();
  return r;
}

export async function findPersonalTokenByHash(db: Database, tokenHash: string) {
  const [r] = await db
    .select({ token: personalTokens, user: users })
    .from(personalTokens)
    .innerJoin(users, eq(users.id, personalTokens.userId))
    .where(eq(personalTokens.tokenHash, tokenHash));
  return r ?? null;
}

export async function findPersonalToken(db: Database, id: string): Promise<PersonalTokenRow | null> {
  const [r] = await db.select().from(personalTokens).where(eq(personalTokens.id, id));
  return r ?? null;
}

export async function listPersonalTokens(db: Database, f: { userId?: string; userIds?: string[] }) {
  return db
    .select()
    .from(personalTokens)
    .where(
      and(
        f.userId ? eq(personalTokens.userId, f.userId) : undefined,
        f.userIds ? inArray(personalTokens.userId, f.userIds.length ? f.userIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .orderBy(desc(personalTokens.createdAt))
    .limit(1000);
}

export async function updatePersonalToken(db: Database, id: string, patch: Partial<typeof personalTokens.$inferInsert>) {
  await db.update(personalTokens).set(patch).where(eq(personalTokens.id, id));
}
