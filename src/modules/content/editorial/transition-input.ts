// HTTP: a transition's body, checked against the variant of the transition named in the path, then
// turned into its use case's input. Fastify cannot choose the variant: a body validator does not
// see the path parameters. So the route's schema documents the union, and its body is checked here,
// with the same compiler and the same field errors (a field of another transition: `field_unknown`).
import type { Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { Invalid } from '../../../core/errors.js';
import { fieldErrorsFromSchema } from '../../../http/problems.js';
import type { NoInput, TransitionInputs } from './service.js';
import { TRANSITION_BODIES } from './schemas.js';
import { TRANSITION_NAMES, type TransitionName } from './workflow.js';

type Body<N extends TransitionName> = Static<(typeof TRANSITION_BODIES)[N]>;

const noInput = (): NoInput => ({});
const INPUT_OF: { [N in TransitionName]: (body: Body<N>) => TransitionInputs[N] } = {
  submit: (body) => body,
  withdraw: noInput,
  return: (body) => ({ comment: body.comment ?? '' }),
  approve: (body) => ({ checklist: body.checklist ?? {}, comment: body.comment, publishAt: body.publishAt ? new Date(body.publishAt) : null }),
  publish: noInput,
  unpublish: noInput,
  archive: noInput,
  restore: noInput,
};

// compiled as the app's validator compiler compiles a body schema (@fastify/type-provider-typebox)
const validators = new Map(TRANSITION_NAMES.map((name) => [name, Compile(TRANSITION_BODIES[name])]));

export function transitionInput<N extends TransitionName>(name: N, body: unknown): TransitionInputs[N] {
  // as Fastify does: an absent body is checked as null
  const value = body ?? null;
  const validator = validators.get(name)!;
  if (!validator.Check(value)) throw new Invalid(fieldErrorsFromSchema(validator.Errors(value), 'body'));
  return INPUT_OF[name](value as Body<N>);
}
