#!/usr/bin/env bash
# Output throughput: a shell-local provisioner prints 200 MB of text (2.5 million
# 80-byte lines). Times `kiln build` (its output to /dev/null) against the physical
# floor: the same script run by /bin/sh with its output to /dev/null; and Packer 1.6.6.
# Goal: Kiln within 1.5x of the floor. Packer 1.6.6 manages about 0.2 MB/s here (20 MB
# take it 100 s), so it gets a tenth of the data and the comparison is in MB/s.
#
#   bash bench/build-output.sh          # needs packaging/setup-debian.sh first
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-3}"
mb="${KILN_BENCH_MB:-200}"

# An existing build directory keeps its configuration (RelWithDebInfo or Release).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" --target kiln -j "$(nproc)" >/dev/null
[[ "$build" = /* ]] || build="$root/$build"
kiln="$build/kiln"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lines=$((mb * 1000 * 1000 / 80))
# 79 characters and a newline per line.
cat >"$work/print.sh" <<SCRIPT
#!/bin/sh
yes 'the quick brown fox jumps over the lazy dog, again and again and again, and more' | cut -c1-79 | head -n $lines
SCRIPT
chmod +x "$work/print.sh"
packer_mb=$(( mb / 10 > 0 ? mb / 10 : 1 ))
packer_lines=$((packer_mb * 1000 * 1000 / 80))
sed "s/head -n $lines/head -n $packer_lines/" "$work/print.sh" >"$work/print-packer.sh"
chmod +x "$work/print-packer.sh"
cat >"$work/output.pkr.hcl" <<HCL
source "null" "out" {
  communicator = "none"
}

build {
  sources = ["source.null.out"]

  provisioner "shell-local" {
    script = "$work/print.sh"
  }
}
HCL
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1

mean_s() {
  local t0 t1 i
  t0=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000000 / $runs" | bc
}

cd "$work"
got=$("$kiln" build -color=false output.pkr.hcl | grep -c "    null.out: the quick brown fox")
[ "$got" -eq "$lines" ] || { echo "kiln printed $got of $lines lines" >&2; exit 1; }
f=$(mean_s /bin/sh print.sh)
k=$(mean_s "$kiln" build -color=false output.pkr.hcl)
sed "s|$work/print.sh|$work/print-packer.sh|" output.pkr.hcl >output-packer.pkr.hcl
p=$(mean_s packer build -color=false output-packer.pkr.hcl)
printf '%-34s %8s s\n' "floor: sh print.sh >/dev/null" "$f"
printf '%-34s %8s s   kiln/floor %s (goal <= 1.5)\n' "kiln build ($mb MB of output)" "$k" "$(echo "scale=2; $k / $f" | bc)"
printf '%-34s %8s s   %s MB/s vs kiln %s MB/s: kiln %sx faster\n' "packer build 1.6.6 ($packer_mb MB)" "$p" \
  "$(echo "scale=2; $packer_mb / $p" | bc)" "$(echo "scale=1; $mb / $k" | bc)" "$(echo "scale=0; ($mb * $p) / ($k * $packer_mb)" | bc)"
