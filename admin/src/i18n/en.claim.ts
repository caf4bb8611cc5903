// English messages of a clarification's claim; every key of viClaim.
import type { viClaim } from './vi.claim';

export const enClaim: Record<keyof typeof viClaim, string> = {
  'claim.legend': 'Information being clarified',
  'claim.intro':
    'The false information in circulation that this item clarifies. Submitting needs its rating and the information written in the language of the version submitted.',
  'claim.statement': 'The false information',
  'claim.statementIn': 'The false information ({language})',
  'claim.statementHelp': 'Write it down as it circulated, once per language.',
  'claim.rating': 'Rating',
  'claim.claimant': 'Spread by (person, page or account)',
  'claim.claimantHelp': 'If known.',
  'claim.firstSeen': 'First seen on',
  'claim.appearances': 'Where it appeared',
  'claim.appearancesHelp': 'Addresses of the pages or posts that carried it (at most {max}).',
  'claim.appearancesNone': 'No addresses yet.',
  'claim.appearanceUrl': 'Address (URL) {n}',
  'claim.appearancePlatform': 'Platform {n}',
  'claim.appearancePlatformPlaceholder': 'Facebook, YouTube, a news site…',
  'claim.addAppearance': 'Add a place where it appeared',
  'claim.removeAppearance': 'Remove place {n}',
  'claim.appearancesMax': 'The limit of {max} addresses is reached.',
  'claim.urlInvalid': 'The address must start with http:// or https://.',
  'claim.statementOnSource': 'The false information is edited in every language on the source language version.',
  'claimRating.false': 'False',
  'claimRating.distorted': 'Distorted',
  'claimRating.misleading': 'Misleading',
  'claimRating.partly_false': 'Partly false',
  'claimRating.missing_context': 'Missing context',
};
