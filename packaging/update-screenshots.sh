#!/usr/bin/env bash
# Regenerates resources/screenshots/ (the AppStream screenshots in the metainfo) from
# the designer's screenshot test, rendered under Xvfb with real fonts.
# Usage: packaging/update-screenshots.sh [BUILD_DIR]   (default: build/)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
ninja -C "$build" app_ui_tst_screenshots
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
KILN_SCREENSHOT_DIR="$out" xvfb-run -a -s '-screen 0 1600x1000x24' \
  "$build/tests/app_ui_tst_screenshots" -platform xcb >/dev/null
# A template with two builds: selected provisioner (light), builds running (dark).
cp "$out/04-multi-build-light.png" "$here/resources/screenshots/designer-light.png"
cp "$out/05-multi-build-dark.png" "$here/resources/screenshots/designer-dark.png"
echo "updated resources/screenshots/designer-{light,dark}.png"
