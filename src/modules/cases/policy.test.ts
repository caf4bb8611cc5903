// The table of roles × actions of cases/policy.ts, with each refusal.
import { describe, expect, it } from 'vitest';
import { anonymous, systemActor, type Actor, type Role } from '../../core/actor.js';
import { casePolicy, readableCases, type CaseFacts } from './policy.js';

const user = (role: Role, agencyId: string): Actor => ({
  kind: 'user',
  userId: `u-${role}-${agencyId}`,
  agencyId,
  role,
  label: role,
  via: 'session',
  scopes: ['read:public', 'read:shared', 'write:own'],
});
const OPENER = 'agency-opener';
const NOTIFIED = 'agency-notified';
const OTHER = 'agency-other';
const DIC_AGENCY = 'operator';

const actors: Record<string, Actor> = {
  appraiser: user('appraiser', DIC_AGENCY),
  admin: user('admin', DIC_AGENCY),
  ioc: user('security', 'ioc'),
  opener: user('contributor', OPENER),
  notified: user('contributor', NOTIFIED),
  other: user('contributor', OTHER),
  notifiedReader: user('reader', NOTIFIED),
  client: { kind: 'client', clientId: 'c', agencyId: NOTIFIED, label: 'client', scopes: ['read:public', 'read:shared', 'write:own'] },
  anonymous,
  system: systemActor('system:test'),
};

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'agencies_notified',
  openedByAgencyId: OPENER,
  takenUpAt: null,
  agencyIds: [NOTIFIED],
  ...over,
});

describe('case policy', () => {
  it('reads: DIC, IOC and involved agencies; nobody else', () => {
    const can = Object.fromEntries(Object.entries(actors).map(([k, a]) => [k, casePolicy.read(a, facts())]));
    expect(can).toEqual({
      appraiser: true,
      admin: true,
      ioc: true,
      opener: true,
      notified: true,
      other: false,
      notifiedReader: false,
      client: false,
      anonymous: false,
      system: true,
    });
    expect(readableCases(actors.other)).toEqual({ agencyId: OTHER });
    expect(readableCases(actors.client)).toBe(null);
    expect(readableCases(actors.anonymous)).toBe(null);
    expect(readableCases(actors.notifiedReader)).toBe(null);
    expect(readableCases(actors.ioc)).toBe('all');
  });

  it('opens: DIC and contributors; not the IOC, readers, clients or anonymous', () => {
    const can = Object.fromEntries(Object.entries(actors).map(([k, a]) => [k, casePolicy.open(a)]));
    expect(can).toEqual({
      appraiser: true,
      admin: true,
      ioc: false,
      opener: true,
      notified: true,
      other: true,
      notifiedReader: false,
      client: false,
      anonymous: false,
      system: true,
    });
  });

  it('runs the case (notify, extend, transitions): the DIC only', () => {
    for (const [k, a] of Object.entries(actors)) expect(casePolicy.run(a), k).toBe(['appraiser', 'admin', 'system'].includes(k));
  });

  it('edits the dossier: the DIC while active; the opening agency until taken up', () => {
    expect(casePolicy.edit(actors.opener, facts())).toBe(true);
    expect(casePolicy.edit(actors.opener, facts({ takenUpAt: new Date() }))).toBe(false);
    expect(casePolicy.edit(actors.notified, facts())).toBe(false);
    expect(casePolicy.edit(actors.appraiser, facts({ takenUpAt: new Date() }))).toBe(true);
    expect(casePolicy.edit(actors.appraiser, facts({ status: 'closed' }))).toBe(false);
    expect(casePolicy.edit(actors.ioc, facts())).toBe(false);
  });

  it('answers for an agency: its own contributors once notified, or the DIC', () => {
    expect(casePolicy.answerFor(actors.notified, facts(), NOTIFIED)).toBe(true);
    expect(casePolicy.answerFor(actors.opener, facts(), OPENER)).toBe(false); // not notified
    expect(casePolicy.answerFor(actors.opener, facts(), NOTIFIED)).toBe(false);
    expect(casePolicy.answerFor(actors.appraiser, facts(), NOTIFIED)).toBe(true);
    expect(casePolicy.answerFor(actors.ioc, facts(), NOTIFIED)).toBe(false);
  });

  it('writes the clarification: appraisers and notified contributors (admins do not write content)', () => {
    expect(casePolicy.writeClarification(actors.appraiser, facts())).toBe(true);
    expect(casePolicy.writeClarification(actors.admin, facts())).toBe(false);
    expect(casePolicy.writeClarification(actors.notified, facts())).toBe(true);
    expect(casePolicy.writeClarification(actors.opener, facts())).toBe(false);
    expect(casePolicy.writeClarification(actors.ioc, facts())).toBe(false);
  });
});
