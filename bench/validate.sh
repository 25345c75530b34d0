#!/usr/bin/env bash
# Times `kiln validate` against `packer validate` (Debian's 1.6.6) on the same
# templates, and against the physical floor (starting a process that reads the
# same files: `cat`), in one run on this machine. Prints means and ratios.
#
#   bash bench/validate.sh            # needs packaging/setup-debian.sh first
#   KILN_BENCH_RUNS=20 (runs per case), KILN_BENCH_BUILD=build-bench (Release build
#   directory, relative to the source tree or absolute), KILN_BENCH_JOBS=$(nproc).
#
# Templates: the bundled example, chef/bento's templates (with a Debian var file),
# and a generated 20,000-line template. Packer 1.6.6 rejects bento at
# `required_plugins` (a feature newer than 1.6.6) after parsing every file;
# that is still the same input for both, and the table says which exited non-zero.
# The last row times `version`: what each costs to start at all.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus="${KILN_CORPUS_DIR:-$root/../shared/corpus}"
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-20}"
jobs="${KILN_BENCH_JOBS:-$(nproc)}"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target kiln -j "$jobs" >/dev/null
case "$build" in /*) kiln="$build/kiln" ;; *) kiln="$root/$build/kiln" ;; esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/large"
bash bench/gen-large-template.sh "$work/large/large.pkr.hcl"
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1

# name | directory | extra args
cases=(
  "small|$root/resources/examples/hello|"
  "bento|$corpus/bento/packer_templates|-var-file=$corpus/bento/os_pkrvars/debian/debian-12-x86_64.pkrvars.hcl"
  "large-20k|$work/large|"
)

# Prints "wall cpu": mean wall time and mean CPU time (user + sys, children included)
# in ms over $runs runs, after 2 warm-ups. On a loaded machine wall time mostly
# measures waiting for a core; CPU time is what the process itself costs.
mean_ms() {
  local i t
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  t=$( { TIMEFORMAT='%3R %3U %3S'; time (for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done); } 2>&1)
  read -r real user sys <<<"$t"
  echo "$(echo "scale=3; $real * 1000 / $runs" | bc) $(echo "scale=3; ($user + $sys) * 1000 / $runs" | bc)"
}

printf '%-10s %-6s %10s %10s %12s %11s %10s %s\n' template time "floor(ms)" "kiln(ms)" "packer(ms)" packer/kiln kiln/floor exit-codes
for c in "${cases[@]}"; do
  IFS='|' read -r name dir extra <<<"$c"
  args=()
  [ -n "$extra" ] && args+=("$extra")
  files=("$dir"/*.pkr.hcl)
  read -r floor floorcpu <<<"$(mean_ms cat "${files[@]}")"
  read -r k kcpu <<<"$(mean_ms "$kiln" validate "${args[@]}" "$dir")"
  prun=$runs
  # Packer takes most of a minute per run on the large template; one run is enough there.
  [ "$name" = large-20k ] && runs=1
  read -r p pcpu <<<"$(mean_ms packer validate "${args[@]}" "$dir")"
  runs=$prun
  kc=0; "$kiln" validate "${args[@]}" "$dir" >/dev/null 2>&1 || kc=$?
  pc=0; packer validate "${args[@]}" "$dir" >/dev/null 2>&1 || pc=$?
  printf '%-10s %-6s %10s %10s %12s %11s %10s kiln=%s packer=%s\n' "$name" wall "$floor" "$k" "$p" \
    "$(echo "scale=1; $p / $k" | bc)" "$(echo "scale=1; $k / $floor" | bc)" "$kc" "$pc"
  printf '%-10s %-6s %10s %10s %12s %11s %10s\n' "" cpu "$floorcpu" "$kcpu" "$pcpu" \
    "$(echo "scale=1; $pcpu / $kcpu" | bc)" "$(echo "scale=1; $kcpu / ($floorcpu + 0.001)" | bc)"
done

# What each program costs before reading any template: Packer 1.6.6 rejects bento right
# after parsing it, so its bento time is mostly this.
read -r kv kvcpu <<<"$(mean_ms "$kiln" version)"
read -r pv pvcpu <<<"$(mean_ms packer version)"
printf '%-10s %-6s %10s %10s %12s %11s\n' version wall "" "$kv" "$pv" "$(echo "scale=1; $pv / $kv" | bc)"
printf '%-10s %-6s %10s %10s %12s %11s\n' "" cpu "" "$kvcpu" "$pvcpu" "$(echo "scale=1; $pvcpu / $kvcpu" | bc)"
