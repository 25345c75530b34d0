#!/usr/bin/env bash
# Times `kiln validate` against `packer validate` (Debian's 1.6.6) on the same
# templates, and against the physical floor (starting a process that reads the
# same files: `cat`), in one run on this machine. Prints median wall times, mean CPU
# times and ratios.
#
#   bash bench/validate.sh            # needs packaging/setup-debian.sh first
#   KILN_BENCH_RUNS=20 (packer's runs per case; kiln's are five times as many),
#   KILN_BENCH_BUILD=build-bench (Release build directory, relative to the source tree
#   or absolute), KILN_BENCH_JOBS=$(nproc).
#
# Templates: the bundled example, chef/bento's templates (with a Debian var file),
# and a generated 20,000-line template. Packer 1.6.6 rejects bento at
# `required_plugins` (a feature newer than 1.6.6) after parsing every file;
# that is still the same input for both, and the table says which exited non-zero.
# The last row times `version`: what each costs to start at all.
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and in awk
cd "$(dirname "$0")/.."
root=$PWD
corpus="${KILN_CORPUS_DIR:-$root/../shared/corpus}"
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-20}"
# Kiln and the floor take milliseconds: five times as many runs cost little and steady
# the median.
kruns=$((runs * 5))
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

# The CPU time (user + sys), in seconds, of the children this shell has waited for, from
# what the `times` builtin wrote to $1 (its second line: "0m0.120s 0m0.030s").
children_cpu() {
  awk 'NR == 2 { s = 0
    for (i = 1; i <= 2; i++) { split($i, ms, /[ms]/); s += ms[1] * 60 + ms[2] } print s }' "$1"
}

# Prints "wall cpu" in ms for $1 runs of the rest, after 2 warm-ups: the median wall
# time of one run, and the mean CPU time (user + sys) of one run. The median, because
# other work on a shared machine lengthens a few runs by whole milliseconds, which a mean
# of short runs takes in; CPU time is what the process itself costs.
time_ms() {
  local n=$1 i c0 c1
  shift
  local -a starts ends
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  # `times` runs in this shell (a command substitution would time a subshell's children).
  times >"$work/times0"
  for ((i = 0; i < n; i++)); do
    starts[i]=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || true
    ends[i]=$EPOCHREALTIME
  done
  times >"$work/times1"
  c0=$(children_cpu "$work/times0")
  c1=$(children_cpu "$work/times1")
  paste -d ' ' <(printf '%s\n' "${starts[@]}") <(printf '%s\n' "${ends[@]}") \
    | awk '{ printf "%.6f\n", ($2 - $1) * 1000 }' | sort -n \
    | awk -v c0="$c0" -v c1="$c1" -v n="$n" '{ w[NR] = $1 }
        END { m = (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2
              printf "%.3f %.3f\n", m, (c1 - c0) * 1000 / n }'
}

printf '%-10s %-6s %10s %10s %12s %11s %10s %s\n' template time "floor(ms)" "kiln(ms)" "packer(ms)" packer/kiln kiln/floor exit-codes
for c in "${cases[@]}"; do
  IFS='|' read -r name dir extra <<<"$c"
  args=()
  [ -n "$extra" ] && args+=("$extra")
  files=("$dir"/*.pkr.hcl)
  read -r floor floorcpu <<<"$(time_ms "$kruns" cat "${files[@]}")"
  read -r k kcpu <<<"$(time_ms "$kruns" "$kiln" validate "${args[@]}" "$dir")"
  # Packer takes most of a minute per run on the large template; one run is enough there.
  pruns=$runs
  [ "$name" = large-20k ] && pruns=1
  read -r p pcpu <<<"$(time_ms "$pruns" packer validate "${args[@]}" "$dir")"
  kc=0; "$kiln" validate "${args[@]}" "$dir" >/dev/null 2>&1 || kc=$?
  pc=0; packer validate "${args[@]}" "$dir" >/dev/null 2>&1 || pc=$?
  printf '%-10s %-6s %10s %10s %12s %11s %10s kiln=%s packer=%s\n' "$name" wall "$floor" "$k" "$p" \
    "$(echo "scale=1; $p / $k" | bc)" "$(echo "scale=1; $k / $floor" | bc)" "$kc" "$pc"
  printf '%-10s %-6s %10s %10s %12s %11s %10s\n' "" cpu "$floorcpu" "$kcpu" "$pcpu" \
    "$(echo "scale=1; $pcpu / $kcpu" | bc)" "$(echo "scale=1; $kcpu / ($floorcpu + 0.001)" | bc)"
done

# What each program costs before reading any template: Packer 1.6.6 rejects bento right
# after parsing it, so its bento time is mostly this.
read -r kv kvcpu <<<"$(time_ms "$kruns" "$kiln" version)"
read -r pv pvcpu <<<"$(time_ms "$runs" packer version)"
printf '%-10s %-6s %10s %10s %12s %11s\n' version wall "" "$kv" "$pv" "$(echo "scale=1; $pv / $kv" | bc)"
printf '%-10s %-6s %10s %10s %12s %11s\n' "" cpu "" "$kvcpu" "$pvcpu" "$(echo "scale=1; $pvcpu / $kvcpu" | bc)"
