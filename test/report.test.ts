import { describe, expect, it } from 'vitest';
import { getFormatter } from '../src/report/index.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { escapeHtml } from '../src/report/html.js';
import type { CheckOutcome, Report } from '../src/types.js';
import type { Summary } from '../src/report/formatter.js';

const report = (over: Partial<Report> = {}): Report => ({
  id: 'articles/a.md',
  headline: 'Ferry: 400 stranded, 100% sure',
  body: 'Around 40 passengers were stranded.',
  verdict: 'overstated',
  confidence: 0.8,
  scores: { entailment: 0.1, neutral: 0.2, contradiction: 0.7, relevance: 0.9 },
  evidence: [{ index: 0, sentences: [0], start: 0, end: 35, text: 'Around 40 passengers were stranded.', kind: 'sentence', relevance: 0.9, scores: { entailment: 0.1, neutral: 0.2, contradiction: 0.7 } }],
  reasons: [{ kind: 'number', message: 'The headline\'s figure "400" is bigger than the body\'s "40".', span: { text: '40', start: 7, end: 9, in: 'body', sentence: 0 } }],
  claims: [],
  sentences: [{ index: 0, text: 'Around 40 passengers were stranded.', start: 0, end: 35 }],
  sentenceScores: [{ index: 0, entailment: 0.1, neutral: 0.2, contradiction: 0.7, relevance: 0.9 }],
  source: { file: 'articles/a.md', line: 3, column: 1 },
  ...over,
});
const summary: Summary = { checked: 2, errors: 1, flagged: 1, ms: 5, counts: { supported: 1, overstated: 1, contradicted: 0, unsupported: 0 } };
const options = { color: false, explain: false, failOn: ['overstated', 'contradicted'] as Report['verdict'][], cwd: process.cwd() };

function render(name: string, outcomes: CheckOutcome[]): string {
  const f = getFormatter(name)(options);
  return outcomes.map((o) => f.record(o)).join('') + f.end(summary);
}

describe('sarif', () => {
  const outcomes: CheckOutcome[] = [
    report(),
    report({ id: 'b', verdict: 'supported', reasons: [{ kind: 'entailment', message: 'ok' }] }),
    report({ id: 'c', verdict: 'contradicted', reasons: [{ kind: 'contradiction', message: 'no' }, { kind: 'negation', message: 'fell' }], source: { file: 'articles/c.html', line: 7, column: 5 } }),
    { id: 'bad.jsonl:2', error: { code: 'E_JSON', message: 'bad.jsonl:2: malformed JSON' }, source: { file: 'bad.jsonl', line: 2 } },
  ];
  const log = JSON.parse(render('sarif', outcomes));

  it('is SARIF 2.1.0 with the required properties', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('headcheck');
    for (const rule of driver.rules) {
      expect(rule.id).toMatch(/^headcheck\/(supported|overstated|contradicted|unsupported)(\/(hedge|attribution|source|condition|number|scope|negation|opposite|direction|entity))?$/);
      expect(rule.shortDescription.text).toEqual(expect.any(String));
      expect(['warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
    expect(new Set(driver.rules.map((r: { id: string }) => r.id)).size).toBe(driver.rules.length);
  });

  it('has one result per flagged headline, rule id per verdict and reason kind, file/line/column location', () => {
    const results = log.runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['headcheck/overstated/number', 'headcheck/contradicted/negation']);
    const rules = log.runs[0].tool.driver.rules;
    for (const r of results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.relatedLocations[0].message.text).toBe('Evidence (sentence 1): "Around 40 passengers were stranded."');
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^articles\/[ac]\.(md|html)$/);
      expect(r.partialFingerprints.headlineHash).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(results[0].level).toBe('warning');
    expect(results[1].level).toBe('error');
    expect(results[1].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 5 });
  });

  it('reports input errors as tool execution notifications', () => {
    const invocation = log.runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0]).toMatchObject({ level: 'error', message: { text: 'E_JSON: bad.jsonl:2: malformed JSON' } });
  });
});

describe('github annotations', () => {
  it('writes exact workflow-command syntax: ::warning / ::error with escaped properties and data', () => {
    const lines = render('github', [
      report(),
      report({ id: 'b', verdict: 'supported' }),
      report({ verdict: 'contradicted', headline: 'Rates rise', reasons: [{ kind: 'negation', message: 'fell\nreally' }], source: { file: 'x,y.md', line: 2, column: 3 } }),
      { id: 'bad', error: { code: 'E_READ', message: 'bad: 50% broken' }, source: { file: 'bad.md' } },
    ]).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('::warning file=articles/a.md,line=3,col=1,title=headcheck%3A overstated (headcheck/overstated/number)::"Ferry: 400 stranded, 100%25 sure" is overstated (confidence 0.80).%0AThe headline\'s figure "400" is bigger than the body\'s "40".%0AEvidence: Around 40 passengers were stranded.');
    expect(lines[1]).toBe('::error file=x%2Cy.md,line=2,col=3,title=headcheck%3A contradicted (headcheck/contradicted/negation)::"Rates rise" is contradicted (confidence 0.80).%0Afell%0Areally%0AEvidence: Around 40 passengers were stranded.');
    expect(lines[2]).toBe('::error file=bad.md,title=headcheck E_READ::bad: 50%25 broken');
    expect(lines[3]).toBe('::notice title=headcheck::2 checked: 1 supported, 1 overstated, 1 error; 1 flagged in 0.0 s');
  });

  it('escapes as the runner expects', () => {
    expect(escapeData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('html', () => {
  it('escapes markup in every input field and links each article from the summary', () => {
    const html = render('html', [report({ headline: '<script>alert(1)</script>', body: 'A <b>bold</b> "quote".', sentences: [{ index: 0, text: 'A <b>bold</b> "quote".', start: 0, end: 22 }] })]);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('A &lt;b&gt;bold&lt;/b&gt; &quot;quote&quot;.');
    expect(html).toContain('<a href="#a1">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<link|src=|@import|https?:\/\//);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
