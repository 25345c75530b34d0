#!/usr/bin/env bash
# Checksum throughput: sha256 of a 2 GiB file through Kiln's checksum post-processor
# (OpenSSL, a reader thread overlapping the digest) against coreutils' `sha256sum`, both
# reading from the page cache. Prints both times and the speed ratio (goal: >= 0.95x).
#
# Until `kiln build` can run it, the post-processor is driven through the Qt Test function
# TestChecksum::benchSha256, which only runs when KILN_BENCH_CHECKSUM_FILE is set.
#
#   bash bench/checksum.sh              # KILN_BENCH_BUILD=<dir> to reuse a build directory
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
[[ "$build" = /* ]] || build="$root/$build"
gib="${KILN_BENCH_GIB:-2}"
runs="${KILN_BENCH_RUNS:-3}"

# An existing build directory keeps its configuration (RelWithDebInfo or Release).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
fi
if ! cmake --build "$build" --target components_postprocessors_tst_checksum -j "$(nproc)" >"$build/bench-build.log" 2>&1; then
  tail -n 30 "$build/bench-build.log" >&2
  exit 1
fi
test_bin=$(find "$build" -type f -name components_postprocessors_tst_checksum | head -n1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/image.bin"
# Incompressible data, like a disk image; generated once, then kept in the page cache.
head -c $((gib * 1024 * 1024 * 1024)) /dev/urandom >"$file"
cat "$file" >/dev/null

now() { date +%s.%N; }
best_ref=""
best_kiln=""
for _ in $(seq "$runs"); do
  t0=$(now)
  ref=$(sha256sum "$file" | cut -d' ' -f1)
  t1=$(now)
  ref_s=$(echo "$t1 - $t0" | bc -l)
  out=$(KILN_BENCH_CHECKSUM_FILE="$file" "$test_bin" benchSha256)
  kiln_ms=$(echo "$out" | sed -n 's/.*KILN_BENCH checksum_ms=\([0-9]*\).*/\1/p')
  kiln_hex=$(echo "$out" | sed -n 's/.*line=\([0-9a-f]*\).*/\1/p')
  if [[ "$kiln_hex" != "$ref" ]]; then
    echo "MISMATCH: kiln $kiln_hex vs sha256sum $ref" >&2
    exit 1
  fi
  kiln_s=$(echo "$kiln_ms / 1000" | bc -l)
  if [[ -z "$best_ref" ]] || (( $(echo "$ref_s < $best_ref" | bc -l) )); then best_ref=$ref_s; fi
  if [[ -z "$best_kiln" ]] || (( $(echo "$kiln_s < $best_kiln" | bc -l) )); then best_kiln=$kiln_s; fi
done

printf 'file:         %d GiB (best of %d runs)\n' "$gib" "$runs"
printf 'sha256sum:    %.2f s  (%.0f MiB/s)\n' "$best_ref" "$(echo "$gib * 1024 / $best_ref" | bc -l)"
printf 'kiln sha256:  %.2f s  (%.0f MiB/s)\n' "$best_kiln" "$(echo "$gib * 1024 / $best_kiln" | bc -l)"
printf 'ratio (kiln speed / sha256sum speed): %.2fx  (goal >= 0.95x)\n' "$(echo "$best_ref / $best_kiln" | bc -l)"
