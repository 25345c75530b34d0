#!/usr/bin/env bash
# A build printing 200 MB (2.5 million 80-byte lines from a shell-local provisioner, as in
# bench/build-output.sh) while the designer window is open: the build runs from the
# window's Build action through the real BuildRunModel and BuildDock. Reports the GUI
# thread's longest stall (a 5 ms heartbeat timer's largest gap; goal <= 50 ms), peak RSS
# (VmHWM; goal < 300 MB) and the RSS at the end, and the throughput against the floor
# (`sh print.sh >/dev/null`). The test binary checks every line is accounted for.
#
#   bash bench/designer-output.sh      # Release build in build-bench-gui
#   KILN_BENCH_MB=50 KILN_BENCH_BUILD=/path/to/build bash bench/designer-output.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build="${KILN_BENCH_BUILD:-build-bench-gui}"
mb="${KILN_BENCH_MB:-200}"

# An existing build directory keeps its configuration (RelWithDebInfo or Release).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target app_ui_build_tst_outputbench -j "${KILN_BENCH_JOBS:-$(nproc)}" >/dev/null

if ! out=$(KILN_BENCH_MB="$mb" QT_QPA_PLATFORM=offscreen \
  "$build/tests/app_ui_build_tst_outputbench" 2>&1); then
  echo "$out" >&2
  exit 1
fi
echo "$out" | grep QINFO | sed 's/^QINFO *: *TestOutputBench::[A-Za-z]*() //'
stall=$(echo "$out" | sed -n 's/.*longest stall \([0-9]*\) ms.*/\1/p')
peak=$(echo "$out" | sed -n 's/.*peak RSS \([0-9]*\) MB.*/\1/p')
met() { if [ "$1" -le "$2" ]; then echo "met"; else echo "MISSED"; fi; }
printf 'goal: no GUI-thread stall over 50 ms: %s (%s ms)\n' "$(met "$stall" 50)" "$stall"
printf 'goal: memory under 300 MB:          %s (peak %s MB)\n' "$(met "$peak" 299)" "$peak"
