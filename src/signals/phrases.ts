/**
 * The phrase lists the signals look for, kept as data (as Vale keeps its rules) so an editor
 * can read them and config can extend them. Each entry is a regular-expression source matched
 * case-insensitively on word boundaries.
 */

import { FITTED_CERTAINTY } from './certainty-fitted.js';

export type CertaintyClass = 'possible' | 'planned' | 'evidential' | 'investigated' | 'undecided' | 'reported';

/** A cue that lowers how certain a claim is put, with the certainty it leaves (1 = fact). */
export interface CertaintyCue {
  pattern: string;
  kind: CertaintyClass;
  /** Fitted from annotated sentences (training/fit_certainty.py), else the class prior. */
  certainty: number;
  /** The class's hand-set grade, the prior the fit shrinks toward. */
  prior: number;
}

/**
 * Epistemic cues (may, reportedly, suggests…) take their fitted certainty; plans and forecasts
 * keep the prior: the annotated sets grade belief, not whether an event has happened yet.
 */
const cues = (kind: CertaintyClass, prior: number, patterns: string[]): CertaintyCue[] =>
  patterns.map((pattern) => ({ pattern, kind, prior, certainty: kind === 'planned' ? prior : FITTED_CERTAINTY[pattern] ?? prior }));

/**
 * Body-side certainty, graded as in the factuality literature (Saurí & Pustejovsky's
 * FactBank: certain > probable > possible > underspecified): investigations and undecided
 * matters say least, possibility modals little more, plans and forecasts more, evidential
 * "suggests / linked to" most short of fact.
 */
export const CERTAINTY_CUES: readonly CertaintyCue[] = [
  ...cues('undecided', 0.2, [
    'nothing (?:has been|is|was) (?:decided|agreed|final|settled|confirmed)', 'no (?:deal|decision|agreement) (?:has been|was|is) (?:agreed|made|reached|taken)',
    'not (?:yet )?been (?:decided|agreed|confirmed|finali[sz]ed)', 'yet to (?:be )?(?:decide|decided|confirm|confirmed|agree|agreed)', 'unconfirmed', 'undecided',
    'speculation', 'rumou?r(?:s|ed)?', 'not yet (?:known|clear|decided)', 'unclear whether', 'not clear whether',
  ]),
  ...cues('investigated', 0.3, [
    'investigating(?: whether)?', 'under investigation', 'looking into', 'probe into', 'inquiry into whether', 'examining whether', 'reviewing whether',
  ]),
  ...cues('possible', 0.35, [
    'may(?: have| be)?', 'might(?: have| be)?', 'could(?: have| be)?', 'possibly', 'possible', 'perhaps', 'potentially', 'potential',
    '(?:does|did|do|would) not rule out', "(?:doesn't|didn't|don't|won't) rule out", 'not ruled? out', 'refused to rule out', 'declined to rule out',
  ]),
  ...cues('reported', 0.4, ['reportedly', 'allegedly', 'apparently', 'purportedly', 'supposedly']),
  ...cues('planned', 0.5, [
    '(?:is|are|was|were) considering', 'considers?', 'considering whether', '(?:is|are|was|were) weighing', 'mulls?', 'mulling',
    'plans? to', 'planned to', '(?:is|are|was|were|has been|have been) planned', 'planning to', 'intends? to', 'aims? to', 'hopes? to', 'wants? to', 'seeks? to', 'proposes? to', '(?:has|have|had|is|are|was|were) propos(?:ed|ing)', 'proposed to',
    '(?:is|are) set to', '(?:is|are|was|were) expected to', 'expects? to', '(?:is|are|was|were) likely to', 'likely', 'unlikely', 'probably',
    'in talks', 'negotiating', 'negotiations (?:over|on|about|to)', 'scheduled to', '(?:is|are) due to (?=(?:open|close|start|begin|end|take|be|vote|meet|announce|launch|finish|resume|return|sign|leave|arrive|decide|rule|publish)\\b)',
    'will', "(?:it|he|she|they|we)'ll", 'would', 'forecasts? (?:that|to)', 'predicts? (?:that)?', 'projected to', 'on track to',
  ]),
  ...cues('evidential', 0.6, [
    'suggests?', 'suggested', 'suggesting', 'indicates?', 'indicated', 'appears? to', 'appeared to', 'seems? to', 'seemed to',
    'associated with', 'linked (?:to|with)', 'tied to', 'correlated with', 'more likely to', 'early results', 'preliminary', 'early findings',
    'initial results', 'pilot study', 'small study', 'could not show', 'cannot show', 'further research',
  ]),
];

/** Headline-side certainty: the same cues, plus headline forms ("X to close Y", "eyes", "weighs"). */
export const HEADLINE_CERTAINTY_CUES: readonly CertaintyCue[] = [
  ...CERTAINTY_CUES.filter((c) => !['will', 'would', 'likely'].includes(c.pattern)),
  ...cues('possible', 0.35, ['could', 'may', 'might']),
  ...cues('planned', 0.5, ['eyes', 'weighs', 'will', 'set to', 'plans', 'mulls', 'considers', 'poised to', 'moves to', 'likely', 'would']),
  ...cues('evidential', 0.6, ['links?', 'tied to', 'linked to']),
];

/** Every hedge pattern (used to keep "does not rule out" from reading as a denial). */
export const HEDGES: readonly string[] = CERTAINTY_CUES.map((c) => c.pattern);

/** A claim that holds only under a condition. */
export const CONDITIONS: readonly string[] = [
  'if', 'unless', 'as long as', 'so long as', 'provided(?: that)?', 'providing', 'on condition that', 'subject to', 'only if', 'depend(?:s|ed|ing)? on', 'in case',
];

/** Someone else's word, weakly held: accusations, claims, allegations, reports. */
export const WEAK_SOURCES: readonly string[] = [
  'accused?', 'accuses', 'accusing', 'accusations?', 'alleged(?:ly)?', 'alleges?', 'allegations?', 'claimed', 'claims?', 'claiming',
  'according to', 'reportedly', 'insists?', 'insisted', 'sources? (?:say|said|told|close to)', 'critics (?:say|said)', 'rumou?red',
  'purported(?:ly)?', 'lawsuit', 'complaint', 'contends?', 'argues?', 'argued', 'believes?', 'believed',
];

/** Speakers a headline names without pointing at anyone in particular: they match any body source. */
export const GENERIC_SOURCES: readonly string[] = [
  'report', 'reports', 'sources', 'source', 'study', 'research', 'researchers', 'experts', 'officials', 'analysts', 'survey', 'poll', 'data', 'figures', 'media',
];

/** Headline verbs that make their subject the source: "Study links…", "Survey finds…". */
export const HEADLINE_SOURCE_VERBS: readonly string[] = [
  'links?', 'finds?', 'shows?', 'suggests?', 'reveals?', 'warns?', 'claims?', 'says?', 'urges?', 'calls? for', 'predicts?',
];

/** Plain attribution: "said", "told". Often an official announcing a fact, so a weaker signal. */
export const PLAIN_SOURCES: readonly string[] = [
  'said', 'says', 'say', 'told', 'added', 'stated', 'wrote', 'warned', 'warns', 'predicted', 'estimated', 'estimates',
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
  'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'a dozen', 'dozens of', 'parts? of', 'sections? of', 'one batch of', 'a batch of',
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
  // Verbs of a quantity moving up or down (the "calibratable change of state" verbs of Levin's
  // classes and VerbNet 45.6), as a gap widens or narrows and prices ease. Not "up"/"down"
  // alone (start-up, step down), "declined to comment", or "contracts" (the noun).
  ['ris(?:e|es|ing)|rose|risen|increas\\w*|grow(?:s|n|ing)?|grew|climb\\w*|soar\\w*|jump\\w*|hits?|surg(?:e|es|ed|ing)|widen\\w*|expand\\w*|rebound\\w*|recover\\w*|accelerat\\w*|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|swell\\w*|lengthen\\w*|(?:edg|tick|inch)(?:e|es|ed|ing) up',
    'f[ae]ll(?:s|en|ing)?|decreas\\w*|drop(?:s|ped)? (?:to|by)|shr[iau]nk\\w*|plung\\w*|slump\\w*|narrow(?:s|ed|ing)|contract(?:ed|ing)|eas(?:es|ed|ing)|slow(?:s|ed|ing)|declin(?:e|es|ed|ing)(?! to (?:comment|say|give|answer|discuss|confirm|respond|elaborate|name|reveal|disclose|be))|slid(?:e|es|ing)?|slipp?(?:s|ed|ing)?|dip(?:s|ped)?|tumbl\\w*|sank|sink(?:s|ing)?|halv\\w*|shorten\\w*|(?:edg|tick|inch)(?:e|es|ed|ing) down'],
  ['approv\\w*|pass(?:es|ed)?|back(?:s|ed)?|accept\\w*|agree[sd]?', 'reject\\w*|vetoe?\\w*|block\\w*|refus\\w*|turn(?:s|ed)? down|vot(?:es|ed) down'],
  ['(?:re)?opens?|(?:re)?opened|reopening', 'clos(?:e|es|ed|ing)|shut\\w*|remain(?:s)? closed'],
  // "were beaten" is a loss, "had beaten" a win: the participle is left out.
  ['wins?|won|beat(?:s|ing)?', 'los(?:e|es|t|ing)|defeated'],
  ['releas\\w*|freed|acquitt\\w*|clear(?:s|ed)?', 'charg\\w*|convict\\w*|arrest\\w*|jail\\w*|detain\\w*'],
  ['works?|effective|succeed\\w*|success\\w*', 'fail\\w*|ineffective|no better than'],
  ['alive|surviv\\w*', 'dead|died|kill\\w*'],
  ['confirm\\w*', 'den(?:y|ies|ied)|debunk\\w*|hoax'],
  // An event that was to happen: held, or called off (events, matches, strikes, votes).
  ['(?:go(?:es)?|went|going|gone) ahead', 'call(?:s|ed|ing)? off|cancel\\w*|postpon\\w*|scrap(?:s|ped|ping)?|abandon\\w*|shelve[sd]?|axe[sd]'],
  ['resum(?:e|es|ed|ing)|restart\\w*', 'suspen\\w*|halt\\w*'],
  // A ruling kept or undone; a verdict on something praised or criticised.
  ['uph[eo]ld\\w*', 'quash\\w*|overturn\\w*|overrul\\w*|overr(?:ode|idden|ides?)|(?:struck|strikes?) down'],
  ['prais\\w*', 'criticis\\w*|criticiz\\w*|condemn\\w*'],
];
