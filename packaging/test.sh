#!/usr/bin/env bash
# Sets up, builds and runs every Kiln test. KILN_SANITIZE=1 runs them under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/setup-debian.sh
packaging/build.sh
if [ "${KILN_SANITIZE:-0}" = "1" ]; then dir="${KILN_BUILD_DIR:-build-asan}"; else dir="${KILN_BUILD_DIR:-build}"; fi
export XDG_RUNTIME_DIR="$(mktemp -d)"
ctest --test-dir "$dir" --output-on-failure -j "$(nproc)"
