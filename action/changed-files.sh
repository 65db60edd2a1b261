#!/usr/bin/env bash
# Lists the article files a push or pull request changed, NUL-separated, for the headcheck Action.
#   changed-files.sh BASE PATTERN OUT
# BASE: the commit to diff against (pull request base, or the push's "before"); empty or all
# zeros on a first push. PATTERN: extended regex on repository paths. OUT: file to write.
# Paths come from git with -z and core.quotePath=false, so non-ASCII and odd names survive;
# deleted files are left out. Without a usable BASE (first push, shallow clone that cannot fetch
# it) only the files of the HEAD commit itself are taken, never the whole repository.
set -euo pipefail
base=${1:-}
pattern=${2:-}
out=${3:?usage: changed-files.sh BASE PATTERN OUT}
git=(git -c core.quotePath=false)

usable() { [ -n "$1" ] && ! [[ "$1" =~ ^0+$ ]] && "${git[@]}" cat-file -e "$1^{commit}" 2>/dev/null; }

if [ -n "$base" ] && ! [[ "$base" =~ ^0+$ ]] && ! usable "$base"; then
  # A shallow clone may lack the base: fetch just that commit.
  "${git[@]}" fetch --quiet --depth=1 origin "$base" 2>/dev/null || true
fi

list=$(mktemp)
if usable "$base"; then
  "${git[@]}" diff -z --name-only --diff-filter=ACMR "$base" HEAD -- > "$list"
elif "${git[@]}" rev-parse --verify --quiet HEAD^ >/dev/null; then
  "${git[@]}" diff-tree -z --no-commit-id --name-only --diff-filter=ACMR -r HEAD^ HEAD > "$list"
else
  "${git[@]}" diff-tree -z --no-commit-id --name-only --diff-filter=ACMR -r --root HEAD > "$list"
fi

: > "$out"
while IFS= read -r -d '' path; do
  if [ -z "$pattern" ] || printf '%s' "$path" | grep -Eq -- "$pattern"; then
    printf '%s\0' "$path" >> "$out"
  fi
done < "$list"
rm -f "$list"
