#!/usr/bin/env bash
# clang-format (checked-in style) and cppcheck over presize's own sources.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' 2>/dev/null | grep -v '/fixtures/' || true)
[ -n "$files" ] || { echo "lint: no sources"; exit 0; }
bad=0
for f in $files; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "lint: $f is not clang-formatted (run 'make fmt')"; bad=1
  fi
done
src=$(git ls-files 'src/*.c')
if ! cppcheck -q --error-exitcode=1 --enable=warning,performance,portability --std=c11 \
     --inline-suppr --suppress=missingIncludeSystem -D_GNU_SOURCE -Isrc $src 2>&1; then
  echo "lint: cppcheck found problems"; bad=1
fi
[ $bad -eq 0 ] && echo "lint: clang-format and cppcheck clean"
exit $bad
