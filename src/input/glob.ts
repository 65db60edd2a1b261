/**
 * Config `include` / `ignore` as path filters on '/'-separated paths relative to the working
 * directory. include: globs via picomatch (`**`, `*`, `?`, `{a,b}`, `[ab]`; a pattern without '/'
 * matches the file name in any folder). ignore: .gitignore rules via the `ignore` package.
 */
import ignoreRules from 'ignore';
import picomatch from 'picomatch';

export const DEFAULT_IGNORE = ['node_modules/', '.git/'];

export interface PathFilter {
  /** False when the file should not be read. */
  keepFile(relative: string): boolean;
  /** False when a folder should not be walked. */
  keepDir(relative: string): boolean;
}

function insideCwd(relative: string): boolean {
  return relative !== '' && !relative.startsWith('../') && relative !== '..' && !/^[a-zA-Z]:|^\//.test(relative);
}

export function pathFilter(include: string[] | undefined, ignore: string[] | undefined): PathFilter {
  const included = include && include.length > 0 ? picomatch(include, { dot: true, basename: false }) : undefined;
  const baseOnly = include && include.length > 0 ? picomatch(include.filter((p) => !p.includes('/')), { dot: true }) : undefined;
  const ignored = ignoreRules().add(ignore ?? DEFAULT_IGNORE);
  const isIgnored = (relative: string) => insideCwd(relative) && ignored.ignores(relative);
  return {
    keepFile(relative) {
      if (isIgnored(relative)) return false;
      if (!included) return true;
      const name = relative.split('/').pop() ?? relative;
      return included(relative.replace(/^\.\//, '')) || Boolean(baseOnly?.(name));
    },
    keepDir(relative) {
      return !isIgnored(`${relative}/`);
    },
  };
}

/** One glob to a RegExp (picomatch), for callers that need the pattern itself. */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`, { dot: true });
}
