// Password hashing (argon2id) and the strength rule.
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { Invalid } from '../../core/errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
const MIN_SCORE = 3; // zxcvbn: 3 = "safely unguessable: moderate protection from offline slow-hash scenario"

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('ttdn-not-a-real-password-9f1c');
  return dummyHash;
}

/** Refuses short or guessable passwords; user-specific words (email, name, agency) count against it. */
export function assertStrongPassword(password: string, userInputs: string[] = [], field = 'newPassword'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw Invalid.field(field, 'password_weak', { min: MIN_PASSWORD_LENGTH });
  }
  const words = userInputs.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  const result = estimator.check(password.slice(0, 100), [...words, 'ttdn', 'hue', 'thuathienhue']);
  if (result.score < MIN_SCORE) throw Invalid.field(field, 'password_weak', { min: MIN_PASSWORD_LENGTH });
}
