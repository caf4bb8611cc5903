// The workflow's notifications in the app: a submission to the appraisers, an outcome to the author.
import type { Context } from '../../../../../core/context.js';
import * as accounts from '../../../../accounts/service.js';
import { notifyUsers } from '../../../../notifications/service.js';
import type * as repo from '../../repo.js';

export async function notifyAppraisers(ctx: Context, version: repo.VersionRow) {
  await notifyUsers(ctx, await accounts.activeUserIdsWithRole(ctx, 'appraiser'), {
    kind: 'item.submitted',
    title: { vi: `Chờ thẩm định: ${version.title}`, en: `Awaiting appraisal: ${version.title}` },
    link: `/admin/items/${version.id}`,
    data: { versionId: version.id, language: version.language },
  });
}

/** Tells the person who submitted the version (none if nobody did, e.g. the system). */
export async function notifyAuthor(ctx: Context, version: repo.VersionRow, kind: string, title: { vi: string; en: string }, data: Record<string, unknown>) {
  if (!version.submittedBy) return;
  await notifyUsers(ctx, [version.submittedBy], {
    kind,
    title,
    link: `/admin/items/${version.id}`,
    data: { versionId: version.id, language: version.language, ...data },
  });
}
