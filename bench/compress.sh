#!/usr/bin/env bash
# Compression throughput of the compress post-processor, Kiln vs Packer in the same run, on
# realistic data (the system's shared libraries and binaries, concatenated and repeated)
# read from the page cache, at compression_level 6:
#   - `kiln build` of a template whose chain is artifice (the file) -> compress,
#   - `packer build` (Debian's 1.6.6: pgzip, bgzf, lz4, Go's zip and xz) of the same template,
#   - the command-line tool for the format as a physical anchor (`tar | pigz -6` and
#     `tar | gzip -6` for tar.gz; `zstd -T0`, `lz4`, `xz -T0`, `zip -6`, ...).
# Prints wall times, CPU seconds and output sizes for each format, and Kiln's speed ratios
# (goals: Kiln >= 1.0x Packer on every format, >= 1.0x pigz on tar.gz).
#
#   bash bench/compress.sh                    # 1024 MiB, tar.gz
#   bash bench/compress.sh 256 tar.gz bgzf lz4 zip tar tar.zst xz
#   KILN_BENCH_BUILD=<dir> to reuse a build directory; KILN_BENCH_RUNS=n (best of n, default 2)
#   KILN_BENCH_KILN_LEVELS="4 5" adds Kiln rows at other levels (e.g. to compare at the
#   output size Packer reaches at level 6), marked kiln@N.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
[[ "$build" = /* ]] || build="$root/$build"
mib="${KILN_BENCH_MIB:-1024}"
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  mib=$1
  shift
fi
formats=("$@")
[[ ${#formats[@]} -gt 0 ]] || formats=(tar.gz)
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
# Real binaries compress like a disk image's contents do.
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
  local level=${2:-6}
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
      compression_level   = $level
      keep_input_artifact = true # else the artifice artifact, image.bin, is destroyed
    }
  }
}
HCL
}

# The anchor command for a format (stdout: the archive), or nothing.
anchor() {
  case "$1" in
  tar.gz) echo "tar -cf - image.bin | pigz -6" ;;
  gz) echo "pigz -6 -c image.bin" ;;
  bgzf) command -v bgzip >/dev/null && echo "bgzip -@ $(nproc) -l 6 -c image.bin" ;;
  tar.zst) echo "tar -cf - image.bin | zstd -q -6 -T0" ;;
  lz4) echo "lz4 -q -6 -c image.bin" ;;
  xz) echo "xz -6 -T0 -c image.bin" ;;
  zip) echo "zip -q -6 - image.bin" ;;
  tar) echo "tar -cf - image.bin" ;;
  esac
}
# Packer 1.6.6 has no zstd: .zst falls back to tar + pgzip under the zst name there.
packer_knows() { [[ "$1" != *zst ]]; }

# Times a command: sets $wall and $cpu (user + system seconds, children included).
timed() {
  /usr/bin/time -o "$work/time.txt" -f '%e %U %S' bash -c "$1" >/dev/null 2>&1
  wall=$(tail -n 1 "$work/time.txt" | awk '{print $1}')
  cpu=$(tail -n 1 "$work/time.txt" | awk '{printf "%.2f", $2 + $3}')
}
best() { if [[ -z "$1" ]] || (($(echo "$2 < $1" | bc -l))); then echo "$2"; else echo "$1"; fi; }
size() { stat -c %s "$1" 2>/dev/null || echo 0; }

cd "$work"
printf 'input: %d MiB, %d cores, level 6, best of %d runs (anchor: 1 run)\n\n' "$mib" "$(nproc)" "$runs"
printf '%-8s %-7s %8s %8s %13s\n' format tool wall_s cpu_s bytes
for f in "${formats[@]}"; do
  template "kiln.$f" >kiln.pkr.hcl
  template "packer.$f" >packer.pkr.hcl
  w_kiln="" c_kiln="" w_packer="" c_packer=""
  for _ in $(seq "$runs"); do
    rm -f "kiln.$f" "packer.$f"
    timed "'$kiln' build -color=false kiln.pkr.hcl"
    [[ -z "$w_kiln" ]] || (($(echo "$wall < $w_kiln" | bc -l))) && c_kiln=$cpu
    w_kiln=$(best "$w_kiln" "$wall")
    if packer_knows "$f"; then
      timed "packer build -color=false packer.pkr.hcl"
      [[ -z "$w_packer" ]] || (($(echo "$wall < $w_packer" | bc -l))) && c_packer=$cpu
      w_packer=$(best "$w_packer" "$wall")
    fi
  done
  [[ -s "kiln.$f" ]] || { echo "kiln produced no kiln.$f" >&2; exit 1; }
  printf '%-8s %-7s %8.2f %8.2f %13d\n' "$f" kiln "$w_kiln" "$c_kiln" "$(size "kiln.$f")"
  for level in ${KILN_BENCH_KILN_LEVELS:-}; do
    template "kiln$level.$f" "$level" >"kiln$level.pkr.hcl"
    timed "'$kiln' build -color=false kiln$level.pkr.hcl"
    printf '%-8s %-7s %8.2f %8.2f %13d\n' "$f" "kiln@$level" "$wall" "$cpu" "$(size "kiln$level.$f")"
    rm -f "kiln$level.$f"
  done
  if packer_knows "$f"; then
    printf '%-8s %-7s %8.2f %8.2f %13d\n' "$f" packer "$w_packer" "$c_packer" "$(size "packer.$f")"
  fi
  cmd=$(anchor "$f" || true)
  if [[ -n "$cmd" ]]; then
    timed "$cmd >anchor.$f"
    printf '%-8s %-7s %8.2f %8.2f %13d  (%s)\n' "$f" anchor "$wall" "$cpu" "$(size "anchor.$f")" "$cmd"
    w_anchor=$wall
  fi
  if [[ "$f" == tar.gz ]]; then
    timed "tar -cf - image.bin | gzip -6 >gzip.tar.gz"
    printf '%-8s %-7s %8.2f %8.2f %13d  (tar | gzip -6)\n' "$f" gzip "$wall" "$cpu" "$(size gzip.tar.gz)"
  fi

  # The archive must be valid and give the input back.
  rm -rf check && mkdir check
  case "$f" in
  tar.gz) gzip -t "kiln.$f" && tar -xzf "kiln.$f" -C check ;;
  tar.zst) tar --zstd -xf "kiln.$f" -C check ;;
  tar) tar -xf "kiln.$f" -C check ;;
  zip) unzip -q "kiln.$f" -d check ;;
  gz | bgzf) gzip -dc "kiln.$f" >check/image.bin ;;
  lz4) lz4 -dc "kiln.$f" >check/image.bin ;;
  xz) xz -dc "kiln.$f" >check/image.bin ;;
  esac
  cmp check/image.bin image.bin
  if packer_knows "$f"; then
    printf '  kiln vs packer (speed): %.2fx\n' "$(echo "$w_packer / $w_kiln" | bc -l)"
  fi
  if [[ -n "$cmd" ]]; then
    printf '  kiln vs anchor (speed): %.2fx\n' "$(echo "$w_anchor / $w_kiln" | bc -l)"
  fi
  rm -f "kiln.$f" "packer.$f" "anchor.$f" gzip.tar.gz
done
