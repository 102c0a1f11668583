#!/usr/bin/env bash
# Builds resources/icc/FOGRA39.icc, the CMYK output profile of the print variant, from Fogra's
# FOGRA39L characterisation data (coated offset, ISO 12647-2) with ArgyllCMS's colprof.
#
# Needs the Debian packages argyll (colprof) and icc-profiles-free (FOGRA39L.ti3); it is run
# by hand when the profile should change, not in CI: the built profile is committed.
#
#   bash scripts/build_fogra39_profile.sh          # writes resources/icc/FOGRA39.icc
#
# Choices (see resources/icc/README.md):
#   -qm      medium quality tables: a 250 KB profile (embedded in every print PDF), errors
#            against the measurements well under 1 ΔE
#   -kr      black generation: a ramp from white to full black (moderate GCR, like ISO Coated v2)
#   -l300    total area coverage limit 300 % (the layout's print.total_ink_limit)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=/usr/share/color/icc/FOGRA39L.ti3
OUT="$ROOT/resources/icc/FOGRA39.icc"

command -v colprof >/dev/null || { echo "colprof not found: apt-get install argyll" >&2; exit 1; }
[[ -f "$DATA" ]] || { echo "$DATA not found: apt-get install icc-profiles-free" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$DATA" "$work/FOGRA39L.ti3"
colprof -qm -kr -l300 -nc \
    -D "FOGRA39 coated offset, 300% TAC (Bulletin Studio)" \
    -C "Built with ArgyllCMS colprof from FOGRA39L data (Fogra; icc-profiles-free, zlib licence)" \
    -O "$work/FOGRA39.icc" "$work/FOGRA39L" >"$work/colprof.log"
grep "Profile check" "$work/colprof.log"
install -m 0644 "$work/FOGRA39.icc" "$OUT"
sha256sum "$OUT"
