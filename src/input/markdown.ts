import { InputError } from './input-error.js';
import type { ParsedArticle } from './record.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function frontMatterTitle(yaml: string): { title: string; line: number } | undefined {
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:title|headline)[ \t]*:[ \t]*(.*)$/i.exec(lines[i]!);
    if (!m) continue;
    let value = m[1]!.trim();
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[1] === "'" ? quoted[2]!.replace(/''/g, "'") : quoted[2]!.replace(/\\"/g, '"');
    if (value) return { title: value, line: i + 2 };
  }
  return undefined;
}

/** Markdown inline syntax to plain prose; one output line per input line. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      out.push('');
      continue;
    }
    if (inFence) {
      out.push('');
      continue;
    }
    let text = line
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/^\s{0,3}>\s?/, '');
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(text) || /^\s*([-*_])\s*(\1\s*){2,}$/.test(text)) text = '';
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) {
      // A sub-heading is its own paragraph, not the start of the next sentence.
      out.push('', heading[1]!, '');
      continue;
    }
    out.push(text);
  }
  return out.join('\n');
}

export function parseMarkdown(text: string, where: string): ParsedArticle {
  let content = text;
  let offsetLines = 0;
  let headline: string | undefined;
  let line: number | undefined;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    const found = frontMatterTitle(fm[1]!);
    if (found) {
      headline = found.title;
      line = found.line;
    }
    content = text.slice(fm[0].length);
    offsetLines = fm[0].split('\n').length - 1;
  }
  if (headline === undefined) {
    const lines = content.split('\n');
    const index = lines.findIndex((l) => /^\s{0,3}#\s+\S/.test(l));
    if (index < 0) {
      const why = fm ? 'front matter has no "title:" and there is no "# " heading' : 'no front matter "title:" and no "# " heading';
      throw new InputError('E_NO_HEADLINE', `${where}: ${why}; add one to give the article its headline`);
    }
    headline = lines[index]!.replace(/^\s{0,3}#\s+/, '').replace(/\s+#*\s*$/, '');
    line = offsetLines + index + 1;
    lines.splice(index, 1, '');
    content = lines.join('\n');
  }
  return { headline: markdownToText(headline).trim(), body: markdownToText(content), line, column: 1 };
}
