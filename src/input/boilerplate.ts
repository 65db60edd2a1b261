/**
 * Web page furniture that is not part of the article: comment forms, share prompts,
 * "see also" lists. Kept as data; config can add more.
 */
export const BOILERPLATE_PATTERNS: readonly RegExp[] = [
  /^leave a (reply|comment)\b/i,
  /^(see also|related( articles| stories)?|read more|more on this story|recommended)\b\s*[:…-]?/i,
  /your email address will not be published/i,
  /required fields are marked/i,
  /^(post|submit) (a )?comment\b/i,
  /^(share|tweet|email|print)( this( article| story)?)?( on \w+)?\s*[:!]?$/i,
  /^(click|tap) to share\b/i,
  /^share (this|on)\b/i,
  /^(sign up|subscribe)\b.*\b(newsletter|updates|inbox)\b/i,
  /^advertisement$/i,
  /^(name|email|website|comment)\s*\*?\s*$/i,
  /^save my name, email, and website\b/i,
  /^(follow us|like us) on\b/i,
  /^(cookie|we use cookies)\b/i,
  /^\d+ comments?$/i,
];

export function isBoilerplateLine(line: string, extra: readonly RegExp[] = []): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0) return false;
  return BOILERPLATE_PATTERNS.some((re) => re.test(trimmed)) || extra.some((re) => re.test(trimmed));
}

/** Removes boilerplate lines, keeping paragraph breaks. */
export function dropBoilerplate(body: string, extra: readonly RegExp[] = []): string {
  return body
    .split('\n')
    .filter((line) => !isBoilerplateLine(line, extra))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
