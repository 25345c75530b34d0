#!/usr/bin/env bash
# Times `kiln validate` against `packer validate` (Debian's 1.6.6) on the same
# templates, and against the physical floor (starting a process that reads the
# same files: `cat`), in one run on this machine. Prints means and ratios.
#
#   bash bench/validate.sh            # needs packaging/setup-debian.sh first
#
# Templates: the bundled example, chef/bento's templates (with a Debian var file),
# and a generated 20,000-line template. Packer 1.6.6 rejects bento at
# `required_plugins` (a feature newer than 1.6.6) after parsing every file;
# that is still the same input for both, and the table says which exited non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
corpus="${KILN_CORPUS_DIR:-$root/../shared/corpus}"
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-20}"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target kiln -j "$(nproc)" >/dev/null
kiln="$root/$build/kiln"

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

mean_ms() { # command... ; prints the mean wall time in ms over $runs runs (after 2 warm-ups)
  local t0 t1 i
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  t0=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000 / $runs" | bc
}

printf '%-10s %12s %12s %12s %10s %10s %s\n' template "floor(ms)" "kiln(ms)" "packer(ms)" packer/kiln kiln/floor exit-codes
for c in "${cases[@]}"; do
  IFS='|' read -r name dir extra <<<"$c"
  args=()
  [ -n "$extra" ] && args+=("$extra")
  files=("$dir"/*.pkr.hcl)
  floor=$(mean_ms cat "${files[@]}")
  k=$(mean_ms "$kiln" validate "${args[@]}" "$dir")
  prun=$runs
  # Packer takes most of a minute per run on the large template; one run is enough there.
  [ "$name" = large-20k ] && runs=1
  p=$(mean_ms packer validate "${args[@]}" "$dir")
  runs=$prun
  kc=0; "$kiln" validate "${args[@]}" "$dir" >/dev/null 2>&1 || kc=$?
  pc=0; packer validate "${args[@]}" "$dir" >/dev/null 2>&1 || pc=$?
  printf '%-10s %12s %12s %12s %10s %10s kiln=%s packer=%s\n' "$name" "$floor" "$k" "$p" \
    "$(echo "scale=1; $p / $k" | bc)" "$(echo "scale=1; $k / $floor" | bc)" "$kc" "$pc"
done
