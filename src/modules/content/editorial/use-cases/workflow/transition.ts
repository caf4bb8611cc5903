// A workflow use case chosen by its transition's name, for callers that hold a name rather than an
// intent: the HTTP route (the name is a path parameter). Others call the named use cases.
import type { Context } from '../../../../../core/context.js';
import { NotFound } from '../../../../../core/errors.js';
import { TRANSITIONS, type TransitionName } from '../../workflow.js';
import type { WorkingView } from '../reading.js';
import { approve, returnToAuthor, type ApproveInput, type ReturnInput } from './appraisal.js';
import { archive, restoreFromArchive } from './archive.js';
import { publish, unpublish } from './publishing.js';
import { submitForAppraisal, withdraw, type SubmitInput } from './submission.js';

export type NoInput = Record<string, never>;

export interface TransitionInputs {
  submit: SubmitInput;
  withdraw: NoInput;
  return: ReturnInput;
  approve: ApproveInput;
  publish: NoInput;
  unpublish: NoInput;
  archive: NoInput;
  restore: NoInput;
}

type UseCases = { [N in TransitionName]: (ctx: Context, versionId: string, input: TransitionInputs[N]) => Promise<WorkingView> };

const USE_CASES: UseCases = { submit: submitForAppraisal, withdraw, return: returnToAuthor, approve, publish, unpublish, archive, restore: restoreFromArchive };

/** The input may be left out where the transition takes none. */
type InputArgs<N extends TransitionName> = TransitionInputs[N] extends NoInput ? [input?: NoInput] : [input: TransitionInputs[N]];

export function transition<N extends TransitionName>(ctx: Context, versionId: string, name: N, ...[input]: InputArgs<N>): Promise<WorkingView> {
  if (!Object.hasOwn(TRANSITIONS, name)) throw new NotFound();
  const useCase: UseCases[N] = USE_CASES[name];
  return useCase(ctx, versionId, (input ?? {}) as TransitionInputs[N]);
}
