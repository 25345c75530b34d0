#!/usr/bin/env bash
# Designer latency on a 1,000-line template: window open to first paint, the
# GUI-thread time per keystroke (goal p95 <= 16 ms) and the worker's reparse time.
#
#   bash bench/designer-latency.sh        # Release build in build-bench-gui
set -euo pipefail
cd "$(dirname "$0")/.."
build="${KILN_BENCH_BUILD:-build-bench-gui}"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target app_ui_graph_tst_latency -j "$(nproc)" >/dev/null
QT_QPA_PLATFORM=offscreen "$build/tests/app_ui_graph_tst_latency" 2>&1 | grep -E "QINFO|PASS|FAIL" | sed 's/^QINFO *: *TestLatency::keystrokeToGraph() //'
