#!/usr/bin/env bash
# Configures and builds Kiln into build/ (or $KILN_BUILD_DIR).
# KILN_SANITIZE=1 builds with ASan+UBSan into build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${KILN_SANITIZE:-0}" = "1" ]; then
  dir="${KILN_BUILD_DIR:-build-asan}"
  extra=(-DKILN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
else
  dir="${KILN_BUILD_DIR:-build}"
  extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
fi
cmake -S . -B "$dir" -G Ninja "${extra[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"
