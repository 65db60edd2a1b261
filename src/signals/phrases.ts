/**
 * The phrase lists the signals look for, kept as data (as Vale keeps its rules) so an editor
 * can read them and config can extend them. Each entry is a regular-expression source matched
 * case-insensitively on word boundaries.
 */

/** The body holds back: possibility, plans, talks, early or unproven findings. */
export const HEDGES: readonly string[] = [
  'may(?: have| be)?', 'might(?: have| be)?', 'could(?: have| be)?', 'possibly', 'possible', 'perhaps',
  'reportedly', 'allegedly', 'apparently', 'likely', 'unlikely', 'probably',
  '(?:does|did|do) not rule out', "(?:doesn't|didn't|don't) rule out", 'not ruled? out', 'nothing is off the table',
  '(?:is|are|was|were) considering', 'considering whether', '(?:is|are|was|were) weighing', 'weighing whether',
  'plans to', '(?:we|they|i) plan to', 'planned to', '(?:is|are|was|were) planning to', 'intends? to', 'aims? to',
  'hopes? to', '(?:is|are) set to', 'expected to', '(?:has|have|had) proposed', '(?:is|are) proposing', 'in talks', 'talks? (?:with|about|over|on)', 'negotiating',
  'early results', 'preliminary', 'early findings', 'initial results', 'pilot study',
  'investigating(?: whether)?', 'under investigation', 'looking into', 'probe into',
  'suggests?', 'suggested', 'indicates?', 'appears? to', 'seems? to',
  'associated with', 'linked (?:to|with)', 'correlated with', 'more likely to', 'could not show', 'cannot show',
  'nothing (?:has been|is|was) (?:decided|agreed|final|settled)', 'no (?:deal|decision|agreement) (?:has been|was) (?:agreed|made|reached)',
  'not (?:yet )?been (?:decided|agreed|confirmed)', 'unconfirmed', 'rumou?rs?', 'speculation', 'forecasts?', 'predicts?', 'projected', 'warned',
  'depend(?:s|ed)? on', 'if (?:needed|approved|confirmed|passed)', 'not yet', 'yet to be confirmed', 'further research',
];

/** Someone else's word: accusations, claims, allegations. Plain "said" is too common to count. */
export const ATTRIBUTIONS: readonly string[] = [
  'accused?', 'accuses', 'accusing', 'accusations?', 'alleged(?:ly)?', 'alleges?', 'allegations?',
  'claimed', 'claims?', 'claiming', 'according to', 'denies', 'denied', 'insists?', 'insisted',
  'sources? (?:say|said|told)', 'complaint', 'critics (?:say|said)', 'rumou?red', 'purported(?:ly)?',
];

/** Headline words that already attribute or hedge, so the body's hedge is not dropped. */
export const HEADLINE_ATTRIBUTION: readonly string[] = [
  'accuse[sd]?', 'alleg\\w*', 'claims?', 'says?', 'said', 'according to', 'report(?:s|ed)?', 'sources?',
  'deny|denies', 'suggests?', 'warns?', 'fears?', ':',
];

/** Words that narrow a claim to part of its subject. */
export const LIMITERS: readonly string[] = [
  'only', 'just', 'one of', 'a single', 'some', 'several', 'a few', 'a handful of', 'part of', 'certain',
  'a number of', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a minority of',
  'its (?:branch|shop|store|office|site|school|plant|factory|restaurant|outlet) (?:on|in|at)',
];

/** Words that make a claim universal. */
export const UNIVERSALS: readonly string[] = [
  'all', 'every', 'everyone', 'entire', 'whole', 'nationwide', 'across the country', 'worldwide', 'always', 'never',
];

export const NEGATIONS: readonly string[] = [
  'not', "n't", 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'no better than',
  'failed to', 'fails to', 'refused to', 'rejected', 'denied', 'halted', 'stopped', 'cancel(?:l)?ed', 'scrapped',
  // The body calls the claim false: the debunking pattern of fact-checks and rebuttals.
  'hoax', 'fake', 'false', 'untrue', 'debunk\\w*', 'no evidence', 'fabricated', 'satire', 'satirical',
];

/** Pairs of opposite outcomes: the headline says one, the body the other. */
export const OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  // Not "up"/"down" (start-up, step down) nor "declined" (declined to comment).
  ['ris(?:e|es|ing)|rose|risen|increas\\w*|grow\\w*|grew|climb\\w*|soar\\w*|jump\\w*|hits?', 'f[ae]ll(?:s|en|ing)?|decreas\\w*|drop(?:s|ped)? (?:to|by)|shr[iau]nk\\w*|plung\\w*|slump\\w*'],
  ['approv\\w*|pass(?:es|ed)?|back(?:s|ed)?|accept\\w*|agree[sd]?', 'reject\\w*|vetoe?\\w*|block\\w*|refus\\w*|turn(?:s|ed)? down|vot(?:es|ed) down'],
  ['(?:re)?opens?|(?:re)?opened|reopening', 'clos(?:e|es|ed|ing)|shut\\w*|remain(?:s)? closed'],
  ['wins?|won|beat\\w*', 'los(?:e|es|t|ing)|defeated'],
  ['releas\\w*|freed|acquitt\\w*|clear(?:s|ed)?', 'charg\\w*|convict\\w*|arrest\\w*|jail\\w*|detain\\w*'],
  ['works?|effective|succeed\\w*|success\\w*', 'fail\\w*|ineffective|no better than'],
  ['alive|surviv\\w*', 'dead|died|kill\\w*'],
  ['confirm\\w*', 'den(?:y|ies|ied)|debunk\\w*|hoax'],
];
