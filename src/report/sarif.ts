import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { type CheckOutcome, type ErrorRecord, isErrorRecord, type Report } from '../types.js';
import type { FormatterFactory } from './formatter.js';
import { headlineColumn, headlineLine, relativeFile } from './location.js';
import { allRules, ruleFor } from './rules.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function location(outcome: CheckOutcome, cwd: string) {
  const uri = relativeFile(outcome, cwd) ?? 'stdin';
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: { startLine: headlineLine(outcome), startColumn: headlineColumn(outcome) },
    },
  };
}

function result(report: Report, cwd: string, ruleIndex: Map<string, number>) {
  const rule = ruleFor(report);
  const evidence = report.evidence[0];
  const text = [`Headline "${report.headline}" is ${report.verdict} (confidence ${report.confidence.toFixed(2)}).`,
    ...report.reasons.map((r) => r.message),
    ...(evidence ? [`Evidence (sentence ${evidence.index + 1}): "${evidence.text}"`] : [])].join(' ');
  return {
    ruleId: rule.id,
    ruleIndex: ruleIndex.get(rule.id),
    level: report.verdict === 'contradicted' ? 'error' : 'warning',
    message: { text },
    locations: [location(report, cwd)],
    partialFingerprints: { headlineHash: createHash('sha256').update(`${report.id}\u0000${report.headline}`).digest('hex').slice(0, 32) },
    properties: { verdict: report.verdict, confidence: report.confidence, scores: report.scores, reasons: report.reasons },
  };
}

function notification(error: ErrorRecord, cwd: string) {
  return { level: 'error', message: { text: `${error.error.code}: ${error.error.message}` }, locations: [location(error, cwd)] };
}

/**
 * `sarif`: SARIF 2.1.0 with one result per flagged headline (rule id per verdict and
 * reason kind, the headline's file/line/column as location) and input errors as
 * tool execution notifications, shaped for GitHub code scanning.
 */
export const sarifFormatter: FormatterFactory = (options) => {
  const outcomes: CheckOutcome[] = [];
  return {
    record(outcome) {
      outcomes.push(outcome);
      return '';
    },
    end() {
      const rules = allRules();
      const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
      const errors = outcomes.filter(isErrorRecord);
      const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
          tool: {
            driver: {
              name: 'headcheck',
              version,
              semanticVersion: version,
              informationUri: 'https://www.npmjs.com/package/headcheck',
              rules: rules.map((r) => ({
                id: r.id,
                name: r.name,
                shortDescription: { text: r.summary },
                fullDescription: { text: r.description },
                defaultConfiguration: { level: r.id.startsWith('headcheck/contradicted') ? 'error' : 'warning' },
                properties: { tags: ['headline', 'editorial'] },
              })),
            },
          },
          invocations: [{
            executionSuccessful: errors.length === 0,
            toolExecutionNotifications: errors.map((e) => notification(e, options.cwd)),
          }],
          results: outcomes.filter((o): o is Report => !isErrorRecord(o) && options.failOn.includes(o.verdict)).map((r) => result(r, options.cwd, ruleIndex)),
        }],
      };
      return `${JSON.stringify(log, null, 2)}\n`;
    },
  };
};
