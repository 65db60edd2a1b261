import type { Reason, Sentence } from '../types.js';
import { bodyFrame, headlineFrame, sourceDropped } from './frame.js';
import { bodySpan, findPhrases, reason } from './match.js';

/** True when the headline itself attributes the claim ("X accuses Y", "…, police say", "Minister: …", quotes). */
export function headlineAttributes(headline: string, extra: readonly string[] = []): boolean {
  return headlineFrame(headline).source !== undefined || (extra.length > 0 && findPhrases(headline, extra).length > 0) || /["“”‘’']\S[^"“”]*["“”’']/.test(headline);
}

/**
 * The body puts the claim in someone's mouth and the headline states it as fact (or names a
 * different speaker). Weak sources ("claimed", "alleged", "according to") give `attribution`;
 * plain "said" gives `source`, a weaker sign, since officials announce facts with it.
 */
export function attributionSignal(headline: string, evidence: Sentence[], extraAttributions: readonly string[] = []): Reason[] {
  const head = headlineFrame(headline);
  if (head.question || (extraAttributions.length > 0 && findPhrases(headline, extraAttributions).length > 0)) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const extra = extraAttributions.length > 0 ? findPhrases(sentence.text, extraAttributions)[0] : undefined;
    const frame = bodyFrame(sentence.text);
    if (extra && !head.source) {
      reasons.push(reason('attribution', `The body reports it as someone's claim ("${extra.text}"); the headline states it as fact.`, bodySpan(sentence, extra)));
    } else if (frame.source && sourceDropped(head, frame)) {
      const said = frame.source.match.text;
      reasons.push(frame.source.strength === 'weak'
        ? reason('attribution', head.source ? `The body gives it as another party's claim ("${said}") than the headline names.` : `The body reports it as someone's claim ("${said}"); the headline states it as fact.`, bodySpan(sentence, frame.source.match))
        : reason('source', `The body gives it as what someone ${/^(say|says)$/i.test(said) ? 'says' : 'said'} ("${said}"); the headline drops the source.`, bodySpan(sentence, frame.source.match)));
    }
  }
  return reasons;
}
