/**
 * Text for a terminal or a CI log, one field on one line: C0/C1 control characters (escape
 * sequences, backspace, bell) and line breaks from headlines, bodies, ids and file names become
 * spaces or visible escapes, so input cannot clear the screen, retitle the window or start a
 * line that CI runners read as a workflow command ("::error …", "::add-mask::").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A whole output line: safe, and never starting with "::" (GitHub Actions workflow commands). */
export function safeLine(line: string): string {
  const safe = terminalSafe(line);
  return safe.startsWith('::') ? ` ${safe}` : safe;
}

/** Cut at a word boundary near `max` characters, with an ellipsis. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
