#!/usr/bin/env bash
# Parity bench for the image builders: the same docker and qemu templates built by
# `kiln build` and by `packer build` (Debian's 1.6.6), and the same work done by hand with the
# engines' own tools (the floor), in one run on this machine. Prints mean wall times and ratios.
#
#   bash bench/image-builds.sh            # needs packaging/setup-debian.sh first; runs as root
#   KILN_BENCH_RUNS=3 KILN_BENCH_ONLY=docker bash bench/image-builds.sh
#
# docker: a private dockerd on a unix socket in a temp dir, a busybox base image imported
#   from busybox-static; the template starts a container, runs a shell provisioner, uploads a
#   file, commits with a change. Floor: `docker run` + `docker cp` + `docker exec` + `docker commit`.
# qemu: the test guest (tests/fixtures/qemu/prepare-guest.sh, cached) boots from a kernel and
#   initramfs under TCG with an empty ext4 disk; the template waits for SSH, runs a shell
#   provisioner that writes to the disk and shuts the guest down. Floor: qemu-system-x86_64 with
#   the same arguments, an ssh loop until the guest answers, the same command, power-off.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build="${KILN_BENCH_BUILD:-build-bench}"
runs="${KILN_BENCH_RUNS:-3}"
only="${KILN_BENCH_ONLY:-docker qemu}"

# An existing build directory keeps its configuration (KILN_BENCH_BUILD=build reuses the
# test build).
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$build" --target kiln -j "$(nproc)" >/dev/null
[[ "$build" = /* ]] || build="$root/$build"
kiln="$build/kiln"
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1

work=$(mktemp -d /tmp/kiln-bench-images.XXXXXX)
# Both tools keep their ISO cache in the run's temp dir, not in the checkout.
export PACKER_CACHE_DIR="$work/packer_cache"
dockerd_pid=""
cleanup() {
  if [ -n "$dockerd_pid" ]; then
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
    umount -R "$work/docker/root" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# seconds.nanoseconds of one run of "$@" (its output goes to $work/last.log; a failure aborts)
time_one() {
  local t0 t1
  t0=$(date +%s%N)
  if ! "$@" >"$work/last.log" 2>&1; then
    echo "failed: $*" >&2
    tail -20 "$work/last.log" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000000" | bc
}

mean() { # values... -> mean with 2 decimals
  local sum=0 n=0 v
  for v in "$@"; do sum=$(echo "$sum + $v" | bc); n=$((n + 1)); done
  echo "scale=2; $sum / $n" | bc
}

results=()
report() { # name floor kiln packer
  results+=("$(printf '%-8s %10s %10s %10s %12s %11s' "$1" "$2" "$3" "$4" \
    "$(echo "scale=2; $4 / $3" | bc)" "$(echo "scale=2; $3 / $2" | bc)")")
}

# --- docker -----------------------------------------------------------------------------
bench_docker() {
  local d="$work/docker"
  mkdir -p "$d/busybox/bin" "$d/busybox/etc" "$d/busybox/tmp"
  dockerd --host "unix://$d/docker.sock" --data-root "$d/root" --exec-root "$d/exec" \
    --pidfile "$d/dockerd.pid" --bridge=none --iptables=false --ip6tables=false --ip-masq=false \
    >"$d/dockerd.log" 2>&1 &
  dockerd_pid=$!
  export DOCKER_HOST="unix://$d/docker.sock"
  for _ in $(seq 100); do docker version >/dev/null 2>&1 && break; sleep 0.1; done
  cp "$(command -v busybox)" "$d/busybox/bin/busybox"
  chroot "$d/busybox" /bin/busybox --install -s /bin
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$d/busybox/etc/passwd"
  tar -C "$d/busybox" -cf - . | docker import - kiln-bench/busybox:latest >/dev/null
  head -c 4M /dev/urandom >"$d/payload.bin"

  cat >"$d/image.pkr.hcl" <<EOF
source "docker" "bench" {
  image   = "kiln-bench/busybox:latest"
  pull    = false
  commit  = true
  changes = ["ENV BUILT_BY=bench"]
}
build {
  sources = ["source.docker.bench"]
  provisioner "shell" {
    inline = ["for i in 1 2 3 4 5; do echo step \$i; done > /etc/bench-release", "cat /etc/bench-release"]
  }
  provisioner "file" {
    source      = "$d/payload.bin"
    destination = "/payload.bin"
  }
}
EOF
  floor_docker() {
    local id
    id=$(docker run -d -i -t --entrypoint=/bin/sh kiln-bench/busybox:latest)
    docker exec "$id" /bin/sh -c 'for i in 1 2 3 4 5; do echo step $i; done > /etc/bench-release; cat /etc/bench-release'
    docker cp "$d/payload.bin" "$id:/payload.bin"
    docker commit --change "ENV BUILT_BY=bench" "$id" >/dev/null
    docker rm -f "$id" >/dev/null
  }
  local f=() k=() p=() i
  for ((i = 0; i < runs; i++)); do
    f+=("$(time_one floor_docker)")
    k+=("$(time_one "$kiln" build "$d/image.pkr.hcl")")
    grep -q "Image ID: sha256:" "$work/last.log" || { echo "kiln made no image" >&2; exit 1; }
    p+=("$(time_one packer build "$d/image.pkr.hcl")")
    grep -q "Image ID: sha256:" "$work/last.log" || { echo "packer made no image" >&2; exit 1; }
  done
  report docker "$(mean "${f[@]}")" "$(mean "${k[@]}")" "$(mean "${p[@]}")"
}

# --- qemu -------------------------------------------------------------------------------
bench_qemu() {
  local q="$work/qemu" g="$HOME/.cache/kiln-testbed/qemu-guest-v3"
  mkdir -p "$q" "$(dirname "$g")"
  flock "$(dirname "$g")/qemu-guest-v3.lock" tests/fixtures/qemu/prepare-guest.sh "$g"
  truncate -s 64M "$q/disk.raw"
  mkfs.ext4 -q -F "$q/disk.raw"
  qemu-img convert -O qcow2 "$q/disk.raw" "$q/base.qcow2"
  rm "$q/disk.raw"
  local provision='mkdir -p /mnt/d && mount /dev/vda /mnt/d && echo bench > /mnt/d/bench.txt && umount /mnt/d && sync'
  local args="[\"-kernel\", \"$g/vmlinuz\"], [\"-initrd\", \"$g/root.cpio.gz\"], [\"-append\", \"console=ttyS0 quiet panic=-1\"]"
  cat >"$q/vm.pkr.hcl" <<EOF
variable "out" {
  type = string
}
source "qemu" "bench" {
  iso_url              = "$q/base.qcow2"
  iso_checksum         = "none"
  disk_image           = true
  headless             = true
  accelerator          = "tcg"
  memory               = 512
  net_device           = "e1000"
  disk_interface       = "virtio"
  format               = "qcow2"
  skip_compaction      = true
  output_directory     = var.out
  vm_name              = "bench.qcow2"
  boot_wait            = "1s"
  ssh_username         = "root"
  ssh_private_key_file = "$g/id_ed25519"
  ssh_timeout          = "5m"
  shutdown_command     = "sync; echo o > /proc/sysrq-trigger"
  qemuargs             = [$args]
}
build {
  sources = ["source.qemu.bench"]
  provisioner "shell" {
    inline = ["$provision"]
  }
}
EOF
  floor_qemu() {
    local port=$((20000 + RANDOM % 20000)) pid
    cp "$q/base.qcow2" "$q/floor.qcow2"
    qemu-system-x86_64 -machine accel=tcg -m 512 -display none -netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$port-:22" \
      -device e1000,netdev=n0 -drive "file=$q/floor.qcow2,if=virtio,format=qcow2" \
      -kernel "$g/vmlinuz" -initrd "$g/root.cpio.gz" -append "console=ttyS0 quiet panic=-1" &
    pid=$!
    local ssh=(ssh -q -i "$g/id_ed25519" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
               -o ConnectTimeout=2 root@127.0.0.1)
    until "${ssh[@]}" true 2>/dev/null; do sleep 0.5; done
    "${ssh[@]}" "$provision"
    "${ssh[@]}" 'sync; echo o > /proc/sysrq-trigger' || true
    wait "$pid" || true
    rm -f "$q/floor.qcow2"
  }
  local f=() k=() p=() i
  for ((i = 0; i < runs; i++)); do
    f+=("$(time_one floor_qemu)")
    rm -rf "$q/out-kiln" "$q/out-packer"
    k+=("$(time_one "$kiln" build -var "out=$q/out-kiln" "$q/vm.pkr.hcl")")
    [ -s "$q/out-kiln/bench.qcow2" ] || { echo "kiln made no disk image" >&2; exit 1; }
    p+=("$(time_one packer build -var "out=$q/out-packer" "$q/vm.pkr.hcl")")
    [ -s "$q/out-packer/bench.qcow2" ] || { echo "packer made no disk image" >&2; exit 1; }
  done
  report qemu "$(mean "${f[@]}")" "$(mean "${k[@]}")" "$(mean "${p[@]}")"
}

for b in $only; do "bench_$b"; done
printf '%-8s %10s %10s %10s %12s %11s\n' build "floor(s)" "kiln(s)" "packer(s)" packer/kiln kiln/floor
printf '%s\n' "${results[@]}"
echo "(means of $runs runs; ratios > 1 in packer/kiln mean Kiln is faster)"
