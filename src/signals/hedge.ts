import type { Reason, Sentence } from '../types.js';
import { bodyFrame, headlineFrame, moreCertain } from './frame.js';
import { bodySpan, findPhrases, reason } from './match.js';

/**
 * The headline is more certain than the body: the body says "may", "is considering", "will",
 * "does not rule out"… and the headline states the thing as done (or with a weaker hedge).
 * A headline hedge of equal or lower certainty cancels the body's.
 */
export function hedgeSignal(headline: string, evidence: Sentence[], extraHedges: readonly string[] = []): Reason[] {
  const head = headlineFrame(headline);
  if (head.question) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const frame = bodyFrame(sentence.text);
    const extra = extraHedges.length > 0 ? findPhrases(sentence.text, extraHedges)[0] : undefined;
    if (extra && head.certainty.certainty > 0.4) {
      reasons.push(reason('hedge', `The body hedges ("${extra.text.trim()}") where the headline states it as fact.`, bodySpan(sentence, extra)));
      continue;
    }
    const cue = frame.certainty.cue;
    if (!cue || !moreCertain(head, frame)) continue;
    const said = cue.match.text.trim();
    const message = cue.kind === 'planned'
      ? head.certainty.certainty === 1
        ? `The body only plans or expects it ("${said}"); the headline states it as done.`
        : `The body is less certain ("${said}") than the headline.`
      : head.certainty.certainty === 1
        ? `The body hedges ("${said}") where the headline states it as fact.`
        : `The body's hedge ("${said}") is stronger than the headline's ("${head.certainty.cue!.match.text.trim()}").`;
    reasons.push(reason('hedge', message, bodySpan(sentence, cue.match)));
  }
  return reasons;
}
