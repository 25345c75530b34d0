#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time, seeded from the conformance corpus. Exits non-zero on any crash,
# hang (timeout per input) or sanitizer report.
#
#   bash fuzz/run.sh [seconds-per-target]      (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
root=$PWD
corpus="${KILN_CORPUS_DIR:-$root/../shared/corpus}"
build="${KILN_FUZZ_BUILD:-build-fuzz}"

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKILN_FUZZ=ON -DKILN_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target fuzz_hcl_native fuzz_hcl_json fuzz_legacy_template -j "$(nproc)"

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds/hcl" "$seeds/json" "$seeds/legacy"
find "$corpus" "$root/tests/fixtures" -type f \( -name '*.hcl' -o -name '*.pkrvars.hcl' \) -size -64k \
  -exec cp -t "$seeds/hcl" --backup=numbered {} + 2>/dev/null || true
find "$corpus" "$root/tests/fixtures" -type f -name '*.json' -size -64k \
  -exec cp -t "$seeds/json" --backup=numbered {} + 2>/dev/null || true
cp "$seeds/json/"* "$seeds/legacy/" 2>/dev/null || true

status=0
for t in hcl_native:hcl hcl_json:json legacy_template:legacy; do
  name=${t%%:*}; dir=${t##*:}
  mkdir -p "$build/corpus-run/$name"
  echo "== fuzz_$name for ${secs}s"
  if ! "$build/fuzz/fuzz_$name" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
       -artifact_prefix="$build/corpus-run/$name-" "$build/corpus-run/$name" "$seeds/$dir" 2>"$build/fuzz_$name.log"; then
    echo "fuzz_$name FAILED: see $build/fuzz_$name.log"; status=1
  fi
  grep -E '^(#[0-9]+\s+DONE|Done [0-9]+ runs)' "$build/fuzz_$name.log" | tail -1 || tail -3 "$build/fuzz_$name.log"
done
exit $status
