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
  # Line tables only (-g1): backtraces keep file:line, and the build is a fifth faster than
  # with full debug info; precompiled headers take most of the parsing out of each compile.
  extra=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" -DKILN_PCH=ON)
fi
cmake -S . -B "$dir" -G Ninja "${extra[@]}" >/dev/null
cmake --build "$dir" -j "$(nproc)"
