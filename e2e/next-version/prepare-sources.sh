#!/bin/sh
# Copies contracts' and reporting-service's main sources from the repository at $1 to $2 (emptied first, so the
# patch always meets the current sources) and applies the patch $3 there. Run by this module's build (pom.xml).
# The patch is applied without fuzz: a change next to one of its hunks fails the build.
set -eu
repo=$1
out=$2
patch_file=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
rm -rf "$out"
for module in contracts reporting-service; do
    mkdir -p "$out/$module/src"
    cp -R "$repo/$module/src/main" "$out/$module/src/main"
done
patch --batch --forward --fuzz=0 --no-backup-if-mismatch --strip=1 --directory="$out" --input="$patch_file"
