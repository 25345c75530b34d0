#!/usr/bin/env bash
# Compression throughput: 1 GiB of realistic data (the system's shared libraries,
# concatenated and repeated) into .tar.gz at level 6, from the page cache:
#   - `kiln build` of a template whose chain is artifice (the file) -> compress,
#   - `packer build` (Debian's 1.6.6, pgzip) of the same template,
#   - `tar | pigz -6` and `tar | gzip -6`, the physical anchors.
# Prints times and ratios (goal: Kiln >= 1.0x pigz's speed).
#
#   bash bench/compress.sh              # KILN_BENCH_BUILD=<dir> to reuse a build directory
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
[[ "$build" = /* ]] || build="$root/$build"
mib="${KILN_BENCH_MIB:-1024}"
runs="${KILN_BENCH_RUNS:-2}"

# An existing build directory keeps its configuration (RelWithDebInfo or Release).
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
fi
if ! cmake --build "$build" --target kiln -j "$(nproc)" >"$build/bench-build.log" 2>&1; then
  tail -n 30 "$build/bench-build.log" >&2
  exit 1
fi
kiln="$build/kiln"
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input="$work/image.bin"
# Real binaries compress like a disk image's contents do (about 3:1 with gzip -6).
find /usr/lib /usr/bin -type f -size +100k -size -8M >"$work/list" 2>/dev/null || true
head -n 300 "$work/list" | xargs cat >"$work/seed.bin"
while [[ $(stat -c %s "$input" 2>/dev/null || echo 0) -lt $((mib * 1024 * 1024)) ]]; do
  cat "$work/seed.bin" >>"$input"
done
truncate -s $((mib * 1024 * 1024)) "$input"
cat "$input" >/dev/null

# The same template for both tools: the artifice post-processor turns the file into
# the artifact, compress archives it.
template() {
  cat <<HCL
source "null" "image" {
  communicator = "none"
}

build {
  sources = ["source.null.image"]

  post-processors {
    post-processor "artifice" {
      files = ["image.bin"]
    }
    post-processor "compress" {
      output              = "$1"
      compression_level   = 6
      keep_input_artifact = true # else the artifice artifact, image.bin, is destroyed
    }
  }
}
HCL
}
template kiln.tar.gz >"$work/kiln.pkr.hcl"
template packer.tar.gz >"$work/packer.pkr.hcl"

now() { date +%s.%N; }
best() { if [[ -z "$1" ]] || (( $(echo "$2 < $1" | bc -l) )); then echo "$2"; else echo "$1"; fi; }
t_kiln="" t_packer="" t_pigz="" t_gzip=""
cd "$work"
for _ in $(seq "$runs"); do
  rm -f kiln.tar.gz packer.tar.gz pigz.tar.gz gzip.tar.gz
  t0=$(now); "$kiln" build -color=false kiln.pkr.hcl >kiln.log; t1=$(now)
  t_kiln=$(best "$t_kiln" "$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); packer build -color=false packer.pkr.hcl >packer.log; t1=$(now)
  t_packer=$(best "$t_packer" "$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); tar -cf - image.bin | pigz -6 >pigz.tar.gz; t1=$(now)
  t_pigz=$(best "$t_pigz" "$(echo "$t1 - $t0" | bc -l)")
done
t0=$(now); tar -cf - image.bin | gzip -6 >gzip.tar.gz; t1=$(now)
t_gzip=$(echo "$t1 - $t0" | bc -l)

# The archive must be valid and give the input back.
gzip -t kiln.tar.gz
mkdir check && tar -xzf kiln.tar.gz -C check && cmp check/image.bin image.bin
gzip -t packer.tar.gz

size() { stat -c %s "$1"; }
printf 'input:            %d MiB, %d cores\n' "$mib" "$(nproc)"
printf 'kiln tar.gz:      %6.2f s  %d bytes\n' "$t_kiln" "$(size kiln.tar.gz)"
printf 'packer tar.gz:    %6.2f s  %d bytes\n' "$t_packer" "$(size packer.tar.gz)"
printf 'tar | pigz -6:    %6.2f s  %d bytes\n' "$t_pigz" "$(size pigz.tar.gz)"
printf 'tar | gzip -6:    %6.2f s  %d bytes\n' "$t_gzip" "$(size gzip.tar.gz)"
printf 'ratio vs pigz (speed):  %.2fx  (goal >= 1.0x)\n' "$(echo "$t_pigz / $t_kiln" | bc -l)"
printf 'ratio vs gzip (speed):  %.2fx\n' "$(echo "$t_gzip / $t_kiln" | bc -l)"
printf 'ratio vs packer (speed): %.2fx\n' "$(echo "$t_packer / $t_kiln" | bc -l)"
