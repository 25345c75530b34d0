#!/usr/bin/env bash
# Build-engine overhead: 8 parallel null builds (communicator "none"), each with one
# trivial shell-local provisioner. Times `kiln build` and `packer build` (Debian's 1.6.6)
# on the same template in one run, and the physical floor: running the 8 provisioner
# scripts themselves in parallel with /bin/sh. Prints wall times, overheads above the
# floor and their ratio (goal: Kiln's overhead at least 10x smaller than Packer's).
#
#   bash bench/build-parallel.sh          # needs packaging/setup-debian.sh first
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-10}"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
cmake --build "$build" --target kiln -j "$(nproc)" >/dev/null
kiln="$root/$build/kiln"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  for i in 1 2 3 4 5 6 7 8; do printf 'source "null" "n%d" {\n  communicator = "none"\n}\n\n' "$i"; done
  printf 'build {\n  sources = ['
  for i in 1 2 3 4 5 6 7 8; do printf '"source.null.n%d"%s' "$i" "$([ $i -lt 8 ] && echo ', ')"; done
  printf ']\n\n  provisioner "shell-local" {\n    inline = ["echo built ${source.name}"]\n  }\n}\n'
} >"$work/parallel.pkr.hcl"
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1

floor() { # the work itself: 8 shells in parallel
  for i in 1 2 3 4 5 6 7 8; do /bin/sh -c "echo built n$i" >/dev/null & done
  wait
}

mean_ms() {
  local t0 t1 i
  for i in 1 2; do "$@" >/dev/null 2>&1 || true; done
  t0=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000 / $runs" | bc
}

cd "$work"
"$kiln" build -color=false parallel.pkr.hcl | grep -c "finished after" | grep -qx 8 || { echo "kiln did not finish 8 builds" >&2; exit 1; }
f=$(mean_ms floor)
k=$(mean_ms "$kiln" build -color=false parallel.pkr.hcl)
p=$(mean_ms packer build -color=false parallel.pkr.hcl)
ko=$(echo "scale=3; $k - $f" | bc)
po=$(echo "scale=3; $p - $f" | bc)
printf '%-28s %10s\n' "floor: 8 x sh (ms)" "$f"
printf '%-28s %10s   overhead %8s ms\n' "kiln build (ms)" "$k" "$ko"
printf '%-28s %10s   overhead %8s ms\n' "packer build 1.6.6 (ms)" "$p" "$po"
printf '%-28s %10s\n' "packer/kiln wall" "$(echo "scale=1; $p / $k" | bc)"
printf '%-28s %10s   (goal >= 10)\n' "packer/kiln overhead" "$(echo "scale=1; $po / $ko" | bc)"
