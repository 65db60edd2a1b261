import { type CheckOutcome, isErrorRecord, type Report, type VerdictLabel, VERDICTS } from '../types.js';
import type { FormatterFactory, Summary } from './formatter.js';

/** Every piece of input text goes through this before it reaches the page. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export type SentenceRole = 'supports' | 'contradicts' | 'hedges' | 'related' | 'unrelated';

const ROLE_TEXT: Record<SentenceRole, string> = {
  supports: 'supports the headline',
  contradicts: 'contradicts it',
  hedges: 'hedges / attributes / narrows the claim',
  related: 'on topic, does not state it',
  unrelated: 'unrelated',
};

/** A sentence's role in the verdict: signal spans first, then its own probabilities. */
export function sentenceRole(report: Report, index: number): SentenceRole {
  const softening = report.reasons.some((r) => r.span?.in === 'body' && r.span.sentence === index && ['hedge', 'attribution', 'source', 'condition', 'scope', 'number'].includes(r.kind));
  if (softening) return 'hedges';
  if (report.verdict === 'contradicted' && report.reasons.some((r) => r.span?.in === 'body' && r.span.sentence === index && (r.kind === 'negation' || r.kind === 'opposite' || r.kind === 'direction'))) return 'contradicts';
  const s = report.sentenceScores?.find((x) => x.index === index);
  if (!s) return 'unrelated';
  if (s.contradiction >= 0.5 && s.contradiction > s.entailment) return 'contradicts';
  if (s.entailment >= 0.5 && s.relevance > 0) return 'supports';
  return s.relevance >= 0.34 ? 'related' : 'unrelated';
}

const STYLE = `
body{font:16px/1.5 Georgia,serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.2rem;margin:0 0 .3rem}
.badge{display:inline-block;font:bold .8rem/1 system-ui,sans-serif;padding:.3rem .5rem;border-radius:.25rem;text-transform:uppercase;letter-spacing:.04em;border:2px solid}
.badge.supported{background:#d9f2df;color:#0b5d1e;border-color:#0b5d1e}
.badge.overstated{background:#fff1c2;color:#6b4e00;border-color:#6b4e00}
.badge.contradicted{background:#fbd5d5;color:#8a1111;border-color:#8a1111}
.badge.unsupported{background:#ece0f7;color:#4b1f73;border-color:#4b1f73}
.badge.error{background:#eee;color:#333;border-color:#333}
article{border-top:1px solid #ccc;padding:1.2rem 0}
.meta{font:.85rem system-ui,sans-serif;color:#555}
ul.reasons,ul.claims{font:.9rem system-ui,sans-serif}
p.suggestion{font:.9rem system-ui,sans-serif}p.suggestion input{font:inherit;border:1px solid #8a8;padding:2px 4px}
.body{margin:.8rem 0}
.s{padding:.05rem .1rem;border-bottom:2px solid transparent}
.s.supports{background:#d9f2df;border-bottom-color:#0b5d1e}
.s.contradicts{background:#fbd5d5;border-bottom-color:#8a1111;text-decoration:underline wavy #8a1111}
.s.hedges{background:#fff1c2;border-bottom-color:#6b4e00;border-bottom-style:dashed}
.s.related{background:#eef3fa}
.legend span{margin-right:1rem}
table{border-collapse:collapse;font:.85rem system-ui,sans-serif;margin:.4rem 0}
td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
details summary{cursor:pointer;font:.9rem system-ui,sans-serif}
`;

function badge(verdict: VerdictLabel | 'error'): string {
  return `<span class="badge ${verdict}">${verdict}</span>`;
}

function anchor(i: number): string {
  return `a${i + 1}`;
}

function probs(s: { entailment: number; neutral: number; contradiction: number }): string {
  return `entailment ${s.entailment.toFixed(2)}, neutral ${s.neutral.toFixed(2)}, contradiction ${s.contradiction.toFixed(2)}`;
}

/** The body with each sentence wrapped and shaded; text between sentences kept as is. */
function renderBody(report: Report, body: string): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const s of report.sentences) {
    if (s.start > cursor) parts.push(escapeHtml(body.slice(cursor, s.start)).replace(/\n/g, '<br>'));
    const role = sentenceRole(report, s.index);
    const scores = report.sentenceScores?.find((x) => x.index === s.index);
    const title = `${ROLE_TEXT[role]}${scores ? ` — ${probs(scores)}` : ' — not scored (below top-k relevance)'}`;
    parts.push(`<span class="s ${role}" data-role="${role}" data-sentence="${s.index}" title="${escapeHtml(title)}">${escapeHtml(s.text)}</span>`);
    cursor = s.end;
  }
  if (cursor < body.length) parts.push(escapeHtml(body.slice(cursor)));
  return parts.join('');
}

function renderReport(report: Report, i: number, body: string): string {
  const rows = report.sentences.map((s) => {
    const sc = report.sentenceScores?.find((x) => x.index === s.index);
    const cells = sc ? [sc.entailment, sc.neutral, sc.contradiction, sc.relevance].map((v) => `<td class="n">${v.toFixed(2)}</td>`).join('') : '<td colspan="4">not scored</td>';
    return `<tr><td class="n">${s.index + 1}</td><td>${escapeHtml(sentenceRole(report, s.index))}</td>${cells}<td>${escapeHtml(s.text)}</td></tr>`;
  }).join('\n');
  const file = report.source?.file ? `${escapeHtml(report.source.file)}${report.source.line ? `:${report.source.line}` : ''}` : escapeHtml(report.id);
  return `<article id="${anchor(i)}" data-verdict="${report.verdict}">
<h2>${badge(report.verdict)} <span class="headline">${escapeHtml(report.headline)}</span></h2>
<div class="meta">${report.suppressed ? `accepted (${escapeHtml(report.suppressed.kind)}${report.suppressed.justification ? `: ${escapeHtml(report.suppressed.justification)}` : ''}) · ` : ''}${file} · confidence ${report.confidence.toFixed(2)} · max entailment ${report.scores.entailment.toFixed(2)} · max contradiction ${report.scores.contradiction.toFixed(2)} · relevance ${report.scores.relevance.toFixed(2)}</div>
${report.claims.length > 1 ? `<ul class="claims">${report.claims.map((c) => `<li>${badge(c.verdict)} ${escapeHtml(c.text)} <span class="meta">(${c.confidence.toFixed(2)})</span></li>`).join('')}</ul>\n` : ''}<ul class="reasons">${report.reasons.map((r) => `<li><strong>${escapeHtml(r.kind)}</strong>: ${escapeHtml(r.message)}</li>`).join('')}</ul>
${report.suggestion ? `<p class="suggestion">Suggested headline (rated supported, ${report.suggestion.confidence.toFixed(2)}): <input readonly size="90" value="${escapeHtml(report.suggestion.text)}" aria-label="suggested headline, select to copy"></p>\n` : ''}<div class="body">${renderBody(report, body)}</div>
<details><summary>Sentence scores</summary>
<table><thead><tr><th>#</th><th>role</th><th>entailment</th><th>neutral</th><th>contradiction</th><th>relevance</th><th>sentence</th></tr></thead>
<tbody>${rows}</tbody></table></details>
</article>`;
}

function renderError(outcome: Extract<CheckOutcome, { error: unknown }>, i: number): string {
  return `<article id="${anchor(i)}" data-verdict="error"><h2>${badge('error')} <span class="headline">${escapeHtml(outcome.id)}</span></h2>
<div class="meta">${escapeHtml(outcome.error.code)}</div><p>${escapeHtml(outcome.error.message)}</p></article>`;
}

/**
 * `html`: one self-contained page (inline CSS, no scripts, a CSP that forbids them) with a
 * summary table and, per article, the verdict badge, reasons and the shaded body.
 */
export const htmlFormatter: FormatterFactory = () => {
  const sections: string[] = [];
  const rows: string[] = [];
  return {
    record(outcome) {
      const i = rows.length;
      if (isErrorRecord(outcome)) {
        sections.push(renderError(outcome, i));
        rows.push(`<tr><td><a href="#${anchor(i)}">${escapeHtml(outcome.id)}</a></td><td>${badge('error')}</td><td></td></tr>`);
      } else {
        sections.push(renderReport(outcome, i, outcome.body));
        rows.push(`<tr><td><a href="#${anchor(i)}">${escapeHtml(outcome.headline)}</a></td><td>${badge(outcome.verdict)}</td><td class="n">${outcome.confidence.toFixed(2)}</td></tr>`);
      }
      return '';
    },
    end(summary: Summary) {
      const counts = [...VERDICTS.map((v) => `<tr><td>${badge(v)}</td><td class="n">${summary.counts[v]}</td></tr>`),
        `<tr><td>${badge('error')}</td><td class="n">${summary.errors}</td></tr>`].join('');
      const legend = (Object.keys(ROLE_TEXT) as SentenceRole[]).map((r) => `<span class="s ${r}">${ROLE_TEXT[r]}</span>`).join('');
      return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>headcheck report</title><style>${STYLE}</style></head>
<body>
<h1>headcheck report</h1>
<section id="summary"><table class="counts"><thead><tr><th>verdict</th><th>articles</th></tr></thead><tbody>${counts}</tbody></table>
<table class="articles"><thead><tr><th>headline</th><th>verdict</th><th>confidence</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>
<p class="legend">${legend}</p></section>
${sections.join('\n')}
</body></html>
`;
    },
  };
};
