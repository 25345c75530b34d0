#!/usr/bin/env bash
# s3-upload throughput against s3rver on loopback: `kiln build` (file builder + s3-upload,
# multipart with the default 16 MiB parts, SHA-256 metadata) against the floor of one
# `curl --aws-sigv4 -T` PUT of the same file with an unsigned payload (no hashing, one
# request). s3rver writes every byte to disk and hashes it itself, so both are bounded by it;
# on top, s3rver assembles a multipart object by copying every part once more, which the
# single PUT of the floor does not pay, and Kiln reads the file once more for its SHA-256
# metadata. Measured here (2 cores, shared): 256 MiB, floor 2.3 s, Kiln 6.7 s; a single
# PUT (part_size above the file) 3.4 s.
#
#   bash bench/s3-upload.sh            # KILN_BENCH_MB (default 256), KILN_BENCH_RUNS (3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-3}"
mb="${KILN_BENCH_MB:-256}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$build" --target kiln -j "$(nproc)" >/dev/null
[[ "$build" = /* ]] || build="$root/$build"
kiln="$build/kiln"

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
FORCE_COLOR=0 node "$root/tests/tools/node_modules/s3rver/bin/s3rver.js" -s -d "$work/data" \
  -a 127.0.0.1 -p "$port" --configure-bucket bench >"$work/s3rver.log" 2>&1 &
s3rver=$!
trap 'kill $s3rver 2>/dev/null; wait $s3rver 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

head -c "$((mb * 1024 * 1024))" /dev/urandom >"$work/image.raw"
cat >"$work/upload.pkr.hcl" <<HCL
source "file" "image" {
  source = "$work/image.raw"
  target = "$work/out.raw"
}
build {
  sources = ["source.file.image"]
  post-processor "s3-upload" {
    bucket     = "bench"
    endpoint   = "http://127.0.0.1:$port"
    access_key = "S3RVER"
    secret_key = "S3RVER"
  }
}
HCL

best() { sort -n | head -1; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

floor=$(for _ in $(seq "$runs"); do
  seconds curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" -u S3RVER:S3RVER \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$work/image.raw" "http://127.0.0.1:$port/bench/curl.raw"
done | best)
# The file builder's copy is timed apart and subtracted: only the upload is compared.
copy=$(for _ in $(seq "$runs"); do seconds cp "$work/image.raw" "$work/copy.raw"; done | best)
kilnt=$(for _ in $(seq "$runs"); do (cd "$work" && seconds "$kiln" build -color=false upload.pkr.hcl); done | best)
upload=$(echo "$kilnt - $copy" | bc)

printf '%-34s %8s %10s\n' "s3-upload of ${mb} MiB" "seconds" "MiB/s"
printf '%-34s %8.2f %10.1f\n' "curl --aws-sigv4 -T (floor)" "$floor" "$(echo "$mb / $floor" | bc -l)"
printf '%-34s %8.2f %10.1f\n' "kiln build, s3-upload (minus copy)" "$upload" "$(echo "$mb / $upload" | bc -l)"
