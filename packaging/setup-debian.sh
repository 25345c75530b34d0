#!/usr/bin/env bash
# Installs every Debian 12 package Kiln needs to build, test and benchmark.
# Idempotent: safe to run again. Needs root (or sudo).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev mold
  # Qt 6 and QScintilla
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev
  libqscintilla2-qt6-dev
  # engine libraries
  libyaml-cpp-dev libssh2-1-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev
  libgmp-dev libmpfr-dev zlib1g-dev libzstd-dev liblz4-dev libarchive-dev libcrypt-dev
  libdeflate-dev libssh-dev
  # real services the build-engine tests run against (started by the tests, loopback only)
  openssh-server openssh-sftp-server openssh-client
  docker.io docker-registry skopeo busybox-static
  ansible-core puppet-agent
  qemu-system-x86 qemu-utils ovmf cpio debootstrap
  # the designer's screenshots under Xvfb
  imagemagick xdotool fonts-dejavu-core fonts-noto-cjk
  # packaging checks
  dpkg-dev fakeroot desktop-file-utils appstream bash-completion man-db shared-mime-info libglib2.0-bin
  # gitlab-ci-local copies the project with rsync
  rsync
  # the oracle Kiln is compared with, and test/benchmark tools
  packer bc xvfb xauth pigz gzip xz-utils bzip2 lz4 zstd unzip tar file procps
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Node for the npm test tools: Debian's nodejs/npm, unless a node with npm is already there
# (a NodeSource nodejs conflicts with Debian's npm package).
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
echo "setup: all ${#packages[@]} packages present"

# npm tools the tests run (s3rver, workflow validators, gitlab-ci-local), pinned by
# tests/tools/package-lock.json and installed beside it.
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -x "$here/tests/tools/node_modules/.bin/s3rver" ] || [ "$here/tests/tools/package-lock.json" -nt "$here/tests/tools/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here/tests/tools" --no-audit --no-fund --loglevel=error
fi
echo "setup: npm test tools present"
