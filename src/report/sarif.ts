import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { type CheckOutcome, type ErrorRecord, isErrorRecord, type Report } from '../types.js';
import type { FormatterFactory } from './formatter.js';
import { headlineColumn, headlineLine } from './location.js';
import { allRules, ruleFor } from './rules.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const HELP_URI = 'https://www.npmjs.com/package/headcheck#how-it-works';

/**
 * An artifact URI for a file: relative to the run's root (percent-encoded per segment, so `#`,
 * `%` or spaces in a name stay a path) when inside it, else an absolute file: URL.
 */
export function artifactUri(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const rel = path.relative(cwd, absolute);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(absolute).href };
}

/** Where a result is: the headline's file, line and column (or `at`); stdin input has no file, only a name. */
function location(outcome: CheckOutcome, cwd: string, message?: string, at?: { line?: number; column?: number }): Location {
  const file = outcome.source?.file;
  if (!file || file === 'stdin') {
    return { logicalLocations: [{ fullyQualifiedName: outcome.id, kind: 'resource' }], ...(message ? { message: { text: message } } : {}) };
  }
  return {
    physicalLocation: {
      artifactLocation: artifactUri(file, cwd),
      region: at?.line ? { startLine: at.line, startColumn: at.column ?? 1 } : { startLine: headlineLine(outcome), startColumn: headlineColumn(outcome) },
    },
    ...(message ? { message: { text: message } } : {}),
  };
}

function result(report: Report, cwd: string, ruleIndex: Map<string, number>): Result {
  const rule = ruleFor(report);
  const text = [`Headline "${report.headline}" is ${report.verdict} (confidence ${report.confidence.toFixed(2)}).`, ...report.reasons.map((r) => r.message)].join(' ');
  // Evidence sentences live in the body: related locations in the same file, each with its text.
  const related = report.evidence.map((e, i) => ({ id: i + 1, ...location(report, cwd, `Evidence (sentence ${e.index + 1}): "${e.text}"`, e) }));
  return {
    ruleId: rule.id,
    ruleIndex: ruleIndex.get(rule.id),
    level: report.verdict === 'contradicted' ? 'error' : 'warning',
    message: { text },
    locations: [location(report, cwd)],
    relatedLocations: related,
    ...(report.suggestion && report.source?.file && report.source.file !== 'stdin' ? { fixes: [fix(report, cwd)] } : {}),
    ...(report.suppressed ? { suppressions: [{ kind: report.suppressed.kind === 'baseline' ? 'external' as const : 'inSource' as const, status: 'accepted' as const, ...(report.suppressed.justification ? { justification: report.suppressed.justification } : {}) }] } : {}),
    partialFingerprints: { headlineHash: createHash('sha256').update(`${report.id}\u0000${report.headline}`).digest('hex').slice(0, 32) },
    properties: { verdict: report.verdict, confidence: report.confidence, scores: report.scores, reasons: report.reasons, claims: report.claims.map((c) => ({ text: c.text, verdict: c.verdict })) },
  };
}

/** The suggested headline as a SARIF fix: a replacement of the headline's text in its file. */
function fix(report: Report, cwd: string) {
  const line = headlineLine(report);
  const column = headlineColumn(report);
  return {
    description: { text: `Use a headline the body supports: "${report.suggestion!.text}"` },
    artifactChanges: [{
      artifactLocation: artifactUri(report.source!.file!, cwd),
      replacements: [{ deletedRegion: { startLine: line, startColumn: column, endLine: line, endColumn: column + report.headline.length }, insertedContent: { text: report.suggestion!.text } }],
    }],
  };
}

function notification(error: ErrorRecord, cwd: string): Notification {
  return { level: 'error', message: { text: `${error.error.code}: ${error.error.message}` }, locations: [location(error, cwd)] };
}

/**
 * `sarif`: SARIF 2.1.0 with one result per flagged headline (rule id per verdict and reason
 * kind, the headline's file/line/column as location, evidence as related locations) and input
 * errors as tool execution notifications, shaped for GitHub code scanning.
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
      const descriptors: ReportingDescriptor[] = rules.map((r) => ({
        id: r.id,
        name: r.name,
        shortDescription: { text: r.summary },
        fullDescription: { text: r.description },
        help: { text: `${r.description} Fix: ${r.fix}`, markdown: `${r.description}\n\n**Fix:** ${r.fix}` },
        helpUri: HELP_URI,
        defaultConfiguration: { level: r.id.startsWith('headcheck/contradicted') ? 'error' : 'warning' },
        properties: { tags: ['headline', 'editorial'] },
      }));
      const log: Log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
          tool: { driver: { name: 'headcheck', version, semanticVersion: version, informationUri: 'https://www.npmjs.com/package/headcheck', rules: descriptors } },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(`${path.resolve(options.cwd)}${path.sep}`).href } },
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
