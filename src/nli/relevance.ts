/** Lexical relevance (BM25) of premises to a headline: picks which premises the model scores. */
import { stemmer as porter } from 'stemmer';

const STOPWORDS = new Set(`a an the of to in on at for by with from and or but is are was were be been being it
its this that these those as has have had he she they we you i his her their our not no will would can could may
might should says said say after over into about than up out more new`.split(/\s+/));

export function contentTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem).filter((t) => !STOPWORDS.has(t));
}

/** Porter stemmer (the `stemmer` package): "cities"/"city", "closes"/"closed"/"closing"/"close" meet. */
export function stem(token: string): string {
  if (/^\d/.test(token)) return token;
  return porter(token);
}

export interface Bm25Options {
  k1?: number;
  b?: number;
}

/** BM25 score of each document against the query, computed over the documents given. */
export function bm25(query: string, documents: string[], { k1 = 1.2, b = 0.75 }: Bm25Options = {}): number[] {
  const docs = documents.map(contentTokens);
  const n = docs.length;
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(n, 1) || 1;
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const terms = [...new Set(contentTokens(query))];
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const t of terms) {
      const f = tf.get(t);
      if (!f) continue;
      const d = df.get(t) ?? 0;
      const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
      score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / avgLength));
    }
    return score;
  });
}

/** Share of the headline's content words found in the text, 0..1: comparable across articles. */
export function coverage(headline: string, text: string): number {
  return shareFound(new Set(contentTokens(headline)), text);
}

function shareFound(wanted: Set<string>, text: string): number {
  if (wanted.size === 0) return 0;
  const have = new Set(contentTokens(text));
  let hits = 0;
  for (const t of wanted) if (have.has(t)) hits++;
  return hits / wanted.size;
}

/**
 * Stems of the words the body writes only as names: capitalised inside a sentence and never in
 * lower case ("Corvane Steel", "Norwick"). In an article about one firm or town these are in
 * every sentence, so they say the body is on topic, not that it makes the headline's claim.
 */
export function nameStems(body: string): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const m of body.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const before = body.slice(Math.max(0, m.index! - 3), m.index);
    const sentenceStart = m.index === 0 || /[.!?:"“‘]\s*$|^\s*$/u.test(before);
    const token = stem(m[0].toLowerCase().replace(/['’]s$/, ''));
    if (/^\p{Lu}/u.test(m[0])) {
      if (!sentenceStart) capitalised.add(token);
    } else lower.add(token);
  }
  return new Set([...capitalised].filter((t) => !lower.has(t)));
}

/**
 * Share of the headline's content words other than names found in the text: what the claim
 * says happened, apart from whom it is about. Falls back to plain coverage for a headline of
 * names only.
 */
export function claimWordCoverage(headline: string, text: string, names: Set<string>): number {
  const wanted = new Set(contentTokens(headline).filter((t) => !names.has(t)));
  return wanted.size === 0 ? coverage(headline, text) : shareFound(wanted, text);
}
