#!/usr/bin/env bash
# The ceilings of bench/notes.md ("Ceilings"), measured again: the product at HEAD against an experiment, HEAD with
# one patch of bench/experiments/ applied, each published as the image runs it (ReadyToRun), on N synthetic papers.
# An experiment is not the product: it removes a cost to show what the rest of the work costs without it.
#
#   bench/ceilings.sh listing   # a listing page whose papers cost nothing to read (bench/ab.sh, side by side)
#   bench/ceilings.sh import    # the first import without the database's full-text index (bench/import.sh, PAIRS pairs)
#
# Settings: N (200000), PAIRS (2), and those of bench/ab.sh. Loopback only, bounded.
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
what=${1:?listing or import}
N=${N:-200000}
PAIRS=${PAIRS:-2}
case $what in
  listing) patch=listing-without-data-path ;;
  import) patch=import-without-fts5 ;;
  *) echo "listing or import" >&2; exit 2 ;;
esac
builds=$out/ceilings

publish_head() { # publish_head DIR [PATCH]: HEAD (with PATCH applied) in a temporary worktree, published to DIR
  local tree
  tree=$(mktemp -d)
  git -C "$root" worktree add --detach -q "$tree" HEAD
  [[ -z ${2:-} ]] || git -C "$tree" apply "$root/bench/experiments/$2.patch"
  publish_site "$1" "$tree/src/PaperListing.Web"
  git -C "$root" worktree remove --force "$tree"
}

say "publishing HEAD and HEAD + bench/experiments/$patch.patch"
rm -rf "$builds/product" "$builds/$patch"
publish_head "$builds/product"
publish_head "$builds/$patch" "$patch"

if [[ $what == listing ]]; then
  N=$N "$root/bench/ab.sh" "$builds/product" "$builds/$patch" /bench-page1.html "/related/{listing}"
else
  seeds=$out/seeds-$N
  ensure_seeds
  for pair in $(seq "$PAIRS"); do
    for build in product "$patch"; do
      printf '%s, pair %s: ' "$build" "$pair"
      "$root/bench/import.sh" "$seeds" "$builds/$build" | sed -n 1p
    done
  done
fi
