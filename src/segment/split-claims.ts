/**
 * Splits a headline into the claims it makes, so each is checked on its own: "Council shuts
 * library and raises parking fees" makes two claims, and the body may support one and
 * contradict the other. Conservative: a split needs a verb on both sides, else the headline
 * stays one claim ("Tom and Jerry win", "Three dozen arrested after match").
 */

export interface Claim {
  /** The claim as checked: the shared subject and any "Speaker:" frame are copied in. */
  text: string;
  /** Offsets in the headline of the part this claim comes from. */
  start: number;
  end: number;
  /**
   * What the model compares with the body when it differs from `text`: a question's statement
   * ("Is the housing market cooling?" → "The housing market cooling"), so that the body is
   * scored on whether it takes the question up, affirming or denying it.
   */
  scored?: string;
}

const FUNCTION_WORDS = new Set(`a an the this that these those its his her their our my your new news plus less series
species us was is has as his bus gas yes thus various famous previous serious nervous dangerous ones others
years days weeks months hours minutes officials police residents workers fans voters students patients people
parents teachers nurses doctors players shares prices rates fees sales profits jobs homes cases deaths talks`.split(/\s+/));
const IRREGULAR = /^(?:is|are|was|were|has|have|had|will|won|lost|quit|quits|cut|cuts|hit|hits|set|sets|led|fell|rose|grew|sold|bought|left|paid|met|took|gave|ran|shut|shuts|beat|beats|sank|struck|slid|split|spent|sent|made|got|went|came|became|found|held|kept|told|said|says)$/;

export function verbLike(word: string): boolean {
  const w = word.toLowerCase();
  if (FUNCTION_WORDS.has(w) || !/^\p{Ll}/u.test(word)) return false;
  return IRREGULAR.test(w) || /^\p{Ll}{3,}(?:s|ed)$/u.test(word) && !/(?:ss|us|is|ness|ics)$/.test(w);
}

interface Part {
  text: string;
  start: number;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/** Subject of a clause: the words before its first verb-like word (none when it starts with one). */
function subjectOf(clause: string): string | undefined {
  const ws = words(clause);
  const verbAt = ws.findIndex((w, i) => i > 0 && verbLike(w));
  return verbAt > 0 ? ws.slice(0, verbAt).join(' ') : undefined;
}

function hasVerb(clause: string): boolean {
  return words(clause).some((w, i) => i > 0 && verbLike(w));
}

// Verbs of saying and finding. After a comma at the end of a headline they frame what comes
// before ("Glacier grows, survey finds") instead of stating a second fact.
const REPORTING_VERB = /^(?:says?|said|claims?|claimed|finds?|found|shows?|showed|reveals?|revealed|reports?|reported|warns?|warned|suggests?|suggested|insists?|admits?|confirms?|believes?|thinks?|estimates?|told|tells?|argues?)$/i;

/** ", survey finds" / ", police say": a short clause ending in a reporting verb. */
export function isReportingFrame(clause: string): boolean {
  const ws = words(clause.replace(/[.,;]$/, ''));
  return ws.length >= 1 && ws.length <= 4 && REPORTING_VERB.test(ws[ws.length - 1]!);
}

/** "X and raises Y" → shares X's subject; "X and profits slump" → a clause of its own. */
function splitCoordination(part: Part): Part[] {
  const m = /\s(?:and|but|,)\s+/.exec(part.text) ?? /,\s+/.exec(part.text);
  if (!m) return [part];
  const left = part.text.slice(0, m.index);
  const right = part.text.slice(m.index + m[0].length);
  if (m[0].includes(',') && isReportingFrame(right)) return [part];
  const rightWords = words(right);
  if (rightWords.length < 2 || !hasVerb(left)) return [part];
  const subject = subjectOf(left);
  let second: string | undefined;
  if (verbLike(rightWords[0]!) && subject) second = `${subject} ${right}`;
  else if (rightWords.length >= 2 && verbLike(rightWords[1]!) && !verbLike(rightWords[0]!)) second = right;
  if (!second) return [part];
  return [{ text: left, start: part.start }, ...splitCoordination({ text: second, start: part.start + m.index + m[0].length })];
}

/** "Shares fall as profits slump", "Mayor resigns after audit finds fraud": two facts. */
function splitSubordinate(part: Part): Part[] {
  const m = /\s(?:as|after|amid|while|following)\s+/.exec(part.text);
  if (!m) return [part];
  const left = part.text.slice(0, m.index);
  const right = part.text.slice(m.index + m[0].length);
  if (words(right).length < 3 || !hasVerb(right) || words(left).length < 2) return [part];
  return [{ text: left, start: part.start }, { text: right, start: part.start + m.index + m[0].length }];
}

const QUESTION = /\?\s*["'”’]?\s*$/;
const AUXILIARY = /^(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|does|do|did)\s+/i;
const WH_AUXILIARY = /^(?:why|how|when|where|who|which|what)\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|does|do|did)\s+/i;

/**
 * A polar or wh-question as the statement it asks about, in headline style: subject–auxiliary
 * inversion undone by dropping the fronted auxiliary ("Could the heatwave stretch into
 * September?" → "The heatwave stretch into September"), as headlines drop auxiliaries anyway. A
 * wh-question without an auxiliary ("What happens to the shipyard now?") keeps its words.
 */
export function questionAsStatement(question: string): string {
  const core = question.replace(QUESTION, '').trim().replace(/^["'“‘]/, '');
  const m = WH_AUXILIARY.exec(core) ?? AUXILIARY.exec(core);
  const rest = m ? core.slice(m[0].length) : core;
  return rest ? rest[0]!.toUpperCase() + rest.slice(1) : core;
}

export function splitClaims(headline: string): Claim[] {
  const text = headline.trim();
  if (!text) return [];
  // A question asks; it makes no claims to split.
  if (QUESTION.test(text)) return [{ text, start: 0, end: text.length, scored: questionAsStatement(text) }];
  // "Minister: X and Y": the frame belongs to every claim.
  const frame = /^([^:]{2,40}):\s+/.exec(text);
  const prefix = frame ? frame[0] : '';
  const body: Part = { text: text.slice(prefix.length), start: prefix.length };
  const parts = splitSubordinate(body).flatMap(splitCoordination);
  if (parts.length === 1) return [{ text, start: 0, end: text.length }];
  return parts.map((p) => {
    const own = p.text.trim().replace(/[,;]$/, '');
    return { text: `${prefix}${own}`, start: p.start, end: Math.min(text.length, p.start + own.length) };
  });
}
