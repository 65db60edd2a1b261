import type { Reason, Sentence } from '../types.js';
import { bodyFrame, headlineFrame } from './frame.js';
import { bodySpan, reason } from './match.js';

/** The body states the claim only under a condition ("if", "unless", "as long as"); the headline drops it. */
export function conditionSignal(headline: string, evidence: Sentence[]): Reason[] {
  const head = headlineFrame(headline);
  if (head.question || head.condition) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const condition = bodyFrame(sentence.text).condition;
    if (condition) {
      const clause = sentence.text.slice(condition.index).split(/[,.;]/)[0]!.trim();
      reasons.push(reason('condition', `Condition dropped: the body says it holds only "${clause}"; the headline states it unconditionally.`, bodySpan(sentence, condition)));
    }
  }
  return reasons;
}
