/**
 * The frame around a claim, on either side: how certain it is put (hedges and plans), whose word
 * it is (a source), under which condition, and whether it is a question. Comparing the
 * headline's frame with the body's is what tells "the body says less" apart from "the body
 * says it too, with the same hedge".
 */
import { contentTokens } from '../nli/relevance.js';
import { verbLike } from '../segment/split-claims.js';
import { findPhrases, maskPhrases, type PhraseMatch } from './match.js';
import { CERTAINTY_CUES, CONDITIONS, GENERIC_SOURCES, HEADLINE_CERTAINTY_CUES, HEADLINE_SOURCE_VERBS, PLAIN_SOURCES, WEAK_SOURCES, type CertaintyCue } from './phrases.js';

export interface CertaintyFinding {
  /** 1 = stated as fact; lower = less certain (see CERTAINTY_CUES). */
  certainty: number;
  cue?: CertaintyCue & { match: PhraseMatch };
}

export interface SourceFinding {
  strength: 'weak' | 'said';
  match: PhraseMatch;
  /** Content words naming who says it, when found ("a local campaigner" → campaign). */
  who: string[];
}

export interface Frame {
  certainty: CertaintyFinding;
  source?: SourceFinding;
  condition?: PhraseMatch;
  question: boolean;
}

/** "May" the month is not a hedge: masked before cues are matched. */
const MONTH_MAY = /\b(?:(?:in|on|since|until|till|by|from|last|next|this|early|late|mid|end of|of|during|through)[\s-]+May\b|May\s+(?:\d{1,2}\b|(?:19|20)\d\d\b))/g;

function withoutMonthMay(text: string): string {
  return text.replace(MONTH_MAY, (m) => ' '.repeat(m.length));
}

function lowestCertainty(text: string, cues: readonly CertaintyCue[]): CertaintyFinding {
  const clean = withoutMonthMay(text);
  let best: CertaintyFinding = { certainty: 1 };
  for (const cue of cues) {
    const match = findPhrases(clean, [cue.pattern])[0];
    if (match && cue.certainty < best.certainty) best = { certainty: cue.certainty, cue: { ...cue, match } };
  }
  return best;
}

function sourceIn(text: string, headline: boolean): SourceFinding | undefined {
  const weak = findPhrases(text, WEAK_SOURCES)[0];
  const plain = weak ? undefined : findPhrases(text, PLAIN_SOURCES)[0];
  const match = weak ?? plain;
  if (match) return { strength: weak ? 'weak' : 'said', match, who: whoSays(text, match) };
  // Headline frames: "Police: …", and a quoted claim.
  if (headline) {
    // A quoted claim belongs to whoever the rest of the headline names.
    const quote = /["“‘'][^"“”‘’]{3,}["”’']/.exec(text);
    if (quote) return { strength: 'said', match: { text: quote[0], index: quote.index }, who: contentTokens(text.replace(quote[0], ' ')) };
    const colon = /^([^:]{2,40}):\s/.exec(text);
    if (colon) return { strength: 'said', match: { text: colon[0], index: 0 }, who: contentTokens(colon[1]!) };
    const verb = findPhrases(text, HEADLINE_SOURCE_VERBS)[0];
    const subject = verb ? contentTokens(text.slice(0, verb.index)) : [];
    if (verb && subject.length > 0 && subject.length <= 3) return { strength: 'said', match: verb, who: subject };
  }
  return undefined;
}

/** The words naming the speaker: before "said"/"claimed", or after "according to". */
function whoSays(text: string, match: PhraseMatch): string[] {
  if (/^according to/i.test(match.text)) return contentTokens(text.slice(match.index + match.text.length).split(/[,.;]/)[0] ?? '').slice(0, 4);
  const before = text.slice(0, match.index).split(/[,;"“”]/).pop() ?? '';
  return contentTokens(before).slice(-3);
}

/** Headline future: "Mayor to resign", "Council to close pool", "Dam to be raised" (passive). */
const HEADLINE_TO_VERB = /\bto (?:be (?:[a-z]+(?:ed|en|wn)|sold|built|cut|shut|held|made|paid|kept|set|hit|led|left|lost|sent|spent|struck)\b|(?!(?:the|a|an|his|her|their|its|our|my|this|that|these|those|be|date|death|court|power|office|jail|prison|hospital|school|work|war|life|trial|police)\b)(?:[a-z]{3,}|go)\b)/;
/**
 * Verbs in -s that come before "to": with a to-infinitive ("vows to quit") or a "to" phrase
 * ("rises to 5%", "returns to profit", "loses to rival"). Any other word in -s just before "to" is
 * the subject's plural noun ("Ferry fares to rise", "GP surgeries to offer"), not a verb.
 */
const VERBS_BEFORE_TO = new RegExp(`^(?:${[
  'vows', 'pledges', 'agrees', 'votes', 'threatens', 'moves', 'fails', 'refuses', 'seeks', 'aims', 'hopes', 'plans', 'wants',
  'needs', 'promises', 'offers', 'decides', 'chooses', 'expects', 'intends', 'prepares', 'tries', 'declines', 'bids', 'battles',
  'fights', 'races', 'struggles', 'rushes', 'scrambles', 'opts', 'urges', 'asks', 'tells', 'orders', 'warns', 'sets', 'begins',
  'starts', 'continues', 'appears', 'seems', 'claims', 'says', 'rises', 'falls', 'climbs', 'drops', 'jumps', 'slips', 'soars',
  'surges', 'sinks', 'slides', 'dips', 'edges', 'inches', 'ticks', 'grows', 'shrinks', 'plunges', 'tumbles', 'leaps', 'recovers',
  'rebounds', 'returns', 'switches', 'heads', 'turns', 'goes', 'comes', 'leads', 'points', 'adds', 'travels', 'flies', 'admits',
  'responds', 'reverts', 'sticks', 'belongs', 'objects', 'speaks', 'talks', 'writes', 'sells', 'gives', 'sends', 'lends',
  'donates', 'hands', 'awards', 'loses', 'wins', 'passes', 'is', 'has', 'was'].join('|')})$`);

const GENERIC = new Set(GENERIC_SOURCES.flatMap((w) => contentTokens(w)));

export function headlineFrame(headline: string): Frame {
  let certainty = lowestCertainty(headline, HEADLINE_CERTAINTY_CUES);
  const future = HEADLINE_TO_VERB.exec(headline);
  // "Mayor to resign": "to" + verb straight after the subject; "sells land to developer" is not it.
  const before = future ? headline.slice(0, future.index).trim().split(/\s+/) : [];
  const pluralSubject = (w: string, i: number) => i === before.length - 1 && /[^s]s$/.test(w) && !VERBS_BEFORE_TO.test(w.toLowerCase());
  const verbBefore = before.some((w, i) => i > 0 && verbLike(w) && !pluralSubject(w, i));
  if (future && !verbBefore && certainty.certainty > 0.5) {
    certainty = { certainty: 0.5, cue: { pattern: 'to', kind: 'planned', certainty: 0.5, prior: 0.5, match: { text: future[0], index: future.index } } };
  }
  return {
    certainty,
    source: sourceIn(headline, true),
    condition: findPhrases(headline, CONDITIONS)[0],
    question: /\?\s*["'”’]?\s*$/.test(headline),
  };
}

export function bodyFrame(sentence: string): Frame {
  // A condition's own clause is not a hedge of the claim ("if approved" is the condition).
  return {
    certainty: lowestCertainty(sentence, CERTAINTY_CUES),
    source: sourceIn(sentence, false),
    condition: findPhrases(maskPhrases(sentence, ['if (?:so|not|any|anything|ever|only)']), CONDITIONS)[0],
    question: false,
  };
}

/**
 * The headline is more certain than the body (a dropped or weakened hedge). Cues of different
 * kinds compare by kind (undecided < investigated < possible < reported < planned < evidential <
 * stated): a plan ("Council to close libraries") says more than a possibility ("may lead to
 * closures") however confidently "may" reads in the annotated data. Within a kind, the fitted
 * certainty decides.
 */
export function moreCertain(headline: Frame, body: Frame): boolean {
  const h = headline.certainty.cue;
  const b = body.certainty.cue;
  if (h && b && h.kind !== b.kind) return h.prior > b.prior;
  return headline.certainty.certainty > body.certainty.certainty + 0.05;
}

/**
 * The body puts the claim in someone's mouth and the headline states it bare, or names a
 * different speaker. A headline source cancels the body's only when they can be the same.
 */
export function sourceDropped(headline: Frame, body: Frame): boolean {
  if (!body.source) return false;
  if (!headline.source) return true;
  const h = new Set(headline.source.who);
  if (h.size === 0 || body.source.who.length === 0 || headline.source.who.some((w) => GENERIC.has(w))) return false;
  return !body.source.who.some((w) => h.has(w));
}
