#!/usr/bin/env bash
# Fetch the pinned tree-sitter grammars and runtime (third_party/grammars/grammars.lock.json) as npm
# tarballs, verify each tarball's sha512 against the pin, and extract only the C sources (the
# grammars' generated parser.c, scanner.c, tree_sitter/*.h; the runtime's lib/src and lib/include
# from the node binding's vendor/ tree) into third_party/grammars/<lang>/. No install scripts
# run: `npm pack` only downloads. A grammar already extracted at the pinned version and integrity
# is left alone, so this is cheap to run on every build.
#
# Every grammar must be ABI 14 (LANGUAGE_VERSION 14): the pinned runtime (0.20.x) loads ABI 13-14
# only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=third_party/grammars
lock=$root/grammars.lock.json

command -v npm >/dev/null || { echo "fetch-grammars: npm is missing (apt-get install npm)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "fetch-grammars: python3 is missing" >&2; exit 1; }

# One line per grammar: lang package version integrity dir...
pins=$(python3 -c '
import json, sys
lock = json.load(open(sys.argv[1]))
for g in [lock["runtime"]] + lock["grammars"]:
    print(g["lang"], g["package"], g["version"], g["integrity"], *g["dirs"])
' "$lock")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

while read -r lang pkg version integrity dirs; do
  dest=$root/$lang
  stamp="$pkg@$version $integrity"
  if [ -f "$dest/.pin" ] && [ "$(cat "$dest/.pin")" = "$stamp" ]; then
    continue
  fi
  echo "fetch-grammars: $pkg@$version"
  work=$tmp/$lang
  mkdir -p "$work"
  tarball=$( (cd "$work" && npm pack --ignore-scripts --prefer-offline --silent "$pkg@$version" 2>/dev/null) | tail -n1)
  [ -f "$work/$tarball" ] || { echo "fetch-grammars: npm pack $pkg@$version failed" >&2; exit 1; }
  got="sha512-$(python3 -c 'import base64, hashlib, sys
print(base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$work/$tarball")"
  if [ "$got" != "$integrity" ]; then
    echo "fetch-grammars: $pkg@$version integrity mismatch: pinned $integrity, got $got" >&2
    exit 1
  fi
  # The members to extract: *.c and *.h directly in each pinned dir, and its tree_sitter/*.h.
  re=$(printf '%s|' $dirs)
  mapfile -t members < <(tar -tzf "$work/$tarball" |
    grep -E "^package/(${re%|})/(tree_sitter/)?[^/]+\.(c|h)\$")
  [ ${#members[@]} -gt 0 ] || { echo "fetch-grammars: no sources in $tarball" >&2; exit 1; }
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "$work/$tarball" -C "$dest" --strip-components=1 --no-same-owner "${members[@]}"
  # The runtime's own parser.c is the parsing algorithm, not a grammar.
  [ "$lang" = runtime ] || for p in $(find "$dest" -name parser.c); do
    if ! grep -q '^#define LANGUAGE_VERSION 14$' "$p"; then
      echo "fetch-grammars: $p is not ABI 14 (libtree-sitter 0.20.7 cannot load it)" >&2
      rm -rf "$dest"
      exit 1
    fi
  done
  echo "$stamp" > "$dest/.pin"
done <<< "$pins"
exit 0
