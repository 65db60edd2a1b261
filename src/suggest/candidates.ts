/**
 * Candidate rewrites of a flagged headline, built from the evidence sentence and its frame (the
 * body's hedge, source, condition, scope and figure are kept, not dropped). Pure and rule-based:
 * the checker then rates each candidate against the same body and offers only one it rates
 * `supported` (see checker.ts), so a bad candidate is never shown.
 */
import { coverage } from '../nli/relevance.js';
import { bodyFrame } from '../signals/frame.js';
import { compareFigures, extractQuantities } from '../signals/quantities.js';
import { verbLike } from '../segment/split-claims.js';
import type { Report } from '../types.js';

export const MAX_SUGGESTION_LENGTH = 90;

const SAY = /,?\s+(?:he|she|they|it|police|officials|the\s+[\p{L} -]{2,40}|[\p{Lu}][\p{L}.'-]*(?:\s+[\p{L}.'-]+){0,4})\s+(?:said|says|told\s+[^,.]{2,60}|added|announced|stated|wrote|reported)(?:\s+(?:on|in|at|late|early|this|last)\s+[^,.]{2,30})?\s*\.?$/iu;
const LEAD_SAY = /^(?:[\p{Lu}][\p{L}.'-]*(?:\s+[\p{L}.'-]+){0,5})\s+(?:said|says|told\s+[^,]{2,40})(?:\s+on\s+\p{Lu}\p{Ll}+)?(?:\s+that)?\s+/u;
const TIME = /\s+(?:on|last|this|early|late|earlier)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?|week|month|year|night|morning|evening)\b|\s+(?:yesterday|today|tonight)\b/gi;
const LEADING_ARTICLE = /^(?:The|A|An)\s+(?=\p{Ll})/u;

/** A body sentence in headline style: attribution, time words, parentheses and articles dropped; no full stop. */
export function headlineStyle(sentence: string, keepSource = false): string {
  let s = sentence.trim().replace(/^["“]|["”]$/g, '').replace(/\s*\([^)]{0,80}\)/g, '');
  if (!keepSource) s = s.replace(SAY, '').replace(LEAD_SAY, '');
  s = s.replace(TIME, '').replace(/\s+/g, ' ').trim().replace(/[.,;:]+$/, '');
  s = s.replace(LEADING_ARTICLE, '');
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** Cut to at most `max` characters at a clause boundary (comma, "and", "but", "after"), never mid-word. */
export function shorten(text: string, max = MAX_SUGGESTION_LENGTH): string | undefined {
  if (text.length <= max) return text;
  const boundaries = [...text.matchAll(/,\s|\s(?:and|but|after|while|which|who|because|as)\s/g)].map((m) => m.index!).filter((i) => i > 15 && i <= max);
  const cut = boundaries.length > 0 ? text.slice(0, boundaries[boundaries.length - 1]) : undefined;
  return cut && cut.split(/\s+/).length >= 4 ? cut.replace(/[,;:]$/, '') : undefined;
}

/** Base form of a headline verb: "sells" → "sell", "closes" → "close", "carries" → "carry". */
export function verbBase(verb: string): string {
  const v = verb.toLowerCase();
  const irregular: Record<string, string> = { is: 'be', are: 'be', has: 'have', does: 'do', goes: 'go', says: 'say' };
  if (irregular[v]) return irregular[v]!;
  if (/ies$/.test(v)) return v.replace(/ies$/, 'y');
  if (/(?:ss|sh|ch|x|z|o)es$/.test(v)) return v.replace(/es$/, '');
  return v.replace(/s$/, '');
}

/** "-ing" form of a base verb: "sell" → "selling", "close" → "closing", "cut" → "cutting". */
export function gerund(base: string): string {
  if (base === 'be') return 'being';
  if (/ie$/.test(base)) return base.replace(/ie$/, 'ying');
  if (/[^aeiou]e$/.test(base) && base !== 'see') return base.replace(/e$/, 'ing');
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(base)) return `${base}${base.slice(-1)}ing`;
  return `${base}ing`;
}

/**
 * The headline re-framed with the body's own hedge: "Port authority sells land" + "does not
 * rule out" → "Port authority does not rule out selling land"; + "may" → "… may sell land";
 * + "plans to" → "… to sell land".
 */
export function reframe(headline: string, cueText: string, kind: string): string | undefined {
  const words = headline.trim().split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && verbLike(w) && /s$/.test(w.toLowerCase()));
  if (at < 1) return undefined;
  const subject = words.slice(0, at).join(' ');
  const base = verbBase(words[at]!);
  const rest = words.slice(at + 1).join(' ');
  const cue = cueText.toLowerCase().trim();
  if (/rule out|consider|weigh|mull|look(?:s|ing)? into|investigat/.test(cue)) {
    const phrase = /rule out/.test(cue) ? 'does not rule out' : /consider|weigh|mull/.test(cue) ? 'considers' : 'looks into';
    return `${subject} ${phrase} ${gerund(base)} ${rest}`.trim();
  }
  if (kind === 'planned' || /plan|set to|expect|due to|will|talks|propos/.test(cue)) {
    return /talks/.test(cue) ? `${subject} in talks to ${base} ${rest}`.trim() : `${subject} to ${base} ${rest}`.trim();
  }
  return `${subject} ${/could/.test(cue) ? 'could' : 'may'} ${base} ${rest}`.trim();
}

/** "Bridge is unsafe" + "local campaigner" → "Bridge is unsafe, local campaigner says". */
function withSource(headline: string, who: string): string {
  return `${headline.replace(/[.!]$/, '')}, ${who} says`;
}

/**
 * Candidates for a flagged report, most specific first; duplicates and over-long ones removed.
 * `keySentence` is the evidence sentence the verdict rests on.
 */
export function suggestionCandidates(report: Pick<Report, 'headline' | 'verdict' | 'reasons'>, keySentence: string): string[] {
  const out: string[] = [];
  // A suggestion must stay on the headline's subject: most of its content words kept.
  const add = (text: string | undefined) => {
    const t = text && shorten(text.trim());
    if (t && t.toLowerCase() !== report.headline.toLowerCase() && !out.includes(t) && coverage(report.headline, t) >= 0.5) out.push(t);
  };
  const frame = bodyFrame(keySentence);
  // 1. The headline re-framed with the body's own hedge (short, and keeps the headline's words).
  const cue = frame.certainty.cue;
  if (cue) add(reframe(report.headline, cue.match.text, cue.kind));
  // 2. The key sentence itself in headline style: keeps its hedge, condition, scope and figure.
  add(headlineStyle(keySentence));
  // 3. The same, keeping who said it, when the body only attributes the claim.
  if (frame.source) {
    const styled = headlineStyle(keySentence);
    const who = keySentence.slice(0, frame.source.match.index).split(/[,;"“”]/).pop()?.trim().replace(/^(?:the|a|an)\s+/i, '');
    if (who && who.split(/\s+/).length <= 4 && /^\p{L}/u.test(who)) add(withSource(styled, who));
    add(headlineStyle(keySentence, true));
  }
  // 4. The headline with the body's figure in place of an inflated one.
  const head = extractQuantities(report.headline);
  const body = extractQuantities(keySentence);
  for (const f of compareFigures(head, body)) {
    if (f.kind !== 'inflated') continue;
    const about = f.body.approx === 'about' ? 'About ' : f.body.approx === 'more-than' ? 'More than ' : '';
    const replaced = report.headline.slice(0, f.headline.index) + f.body.text + report.headline.slice(f.headline.index + f.headline.text.length);
    add(f.headline.index === 0 && about ? `${about}${replaced.charAt(0).toLowerCase()}${replaced.slice(1)}` : replaced);
  }
  return out.slice(0, 4);
}
