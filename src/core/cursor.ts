// Keyset cursors of "instant + id" lists (working versions by update, the media library by
// creation): base64url of "<ISO instant>|<uuid>" of the last row. Decoding accepts only what
// encoding gives — a forged cursor is a 400 naming `cursor`, never a value that fails in SQL.
import { Invalid } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTimeIdCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeTimeIdCursor(cursor: string): { at: Date; id: string } {
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso);
  // years 1–9999 only (toISOString round-trips exactly), and a UUID
  const valid =
    !rest.length && !!id && /^\d{4}-/.test(iso) && !Number.isNaN(at.getTime()) && at.getUTCFullYear() >= 1 && at.toISOString() === iso && UUID.test(id);
  if (!valid) throw Invalid.field('cursor', 'field_format');
  return { at, id };
}
