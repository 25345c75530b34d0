#!/bin/sh
# Upload throughput over SSH on loopback, all to the same sshd, with a 1 GiB random file:
# a file provisioner in `kiln build` and in `packer build` (Debian's 1.6.6), each with
# ssh_file_transfer_method scp (Packer's default) and sftp, against OpenSSH's `sftp -b` and
# `scp`. The builds' wall time includes connecting (a few ms on loopback).
#
#   bench/upload.sh [build-dir]        (default build-bench; needs root and openssh-server)
#   SIZE_MB=256 bench/upload.sh         a smaller file
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build-bench}
case "$BUILD" in /*) ;; *) BUILD="$PWD/$BUILD" ;; esac
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKILN_BUILD_GUI=OFF >/dev/null
fi
cmake --build "$BUILD" --target kiln -j "$(nproc)" >/dev/null
KILN="$BUILD/kiln"
export CHECKPOINT_DISABLE=1 PACKER_NO_COLOR=1
SIZE_MB=${SIZE_MB:-1024}

T=$(mktemp -d)
chmod 755 "$T"
cleanup() {
    [ -f "$T/sshd.pid" ] && kill "$(cat "$T/sshd.pid")" 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT INT TERM

ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey"
ssh-keygen -q -t ed25519 -N '' -f "$T/clientkey"
id kilntest >/dev/null 2>&1 || useradd -m -s /bin/sh kilntest
grep -q '^kilntest:!' /etc/shadow && usermod -p '*' kilntest
mkdir -p /run/sshd "$T/authorized_keys" "$T/dst"
chmod 1777 "$T/dst"
cp "$T/clientkey.pub" "$T/authorized_keys/kilntest"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$T/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/hostkey
PidFile $T/sshd.pid
AuthorizedKeysFile $T/authorized_keys/%u
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CONF
/usr/sbin/sshd -e -f "$T/sshd_config" 2>"$T/sshd.log"
for i in $(seq 50); do [ -f "$T/sshd.pid" ] && break; sleep 0.1; done

# Random data: nothing on the path compresses it.
head -c $((SIZE_MB * 1048576)) /dev/urandom > "$T/src.bin"
BYTES=$(stat -c %s "$T/src.bin")
SSHOPTS="-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -i $T/clientkey"

now_ms() { date +%s%3N; }
rate() { awk -v b="$1" -v ms="$2" 'BEGIN { printf "%.1f", b / 1e6 / (ms / 1000) }'; }

# One template per tool and method: the null builder connects, the file provisioner uploads.
template() { # tool method
    cat > "$T/$1-$2.pkr.hcl" <<HCL
source "null" "up" {
  ssh_host                 = "127.0.0.1"
  ssh_port                 = $PORT
  ssh_username             = "kilntest"
  ssh_private_key_file     = "$T/clientkey"
  ssh_file_transfer_method = "$2"
}

build {
  sources = ["source.null.up"]

  provisioner "file" {
    source      = "$T/src.bin"
    destination = "$T/dst/$1-$2.bin"
  }
}
HCL
}
run_build() { # tool method
    template "$1" "$2"
    bin=$KILN; [ "$1" = packer ] && bin=packer
    s=$(now_ms); "$bin" build -color=false "$T/$1-$2.pkr.hcl" >"$T/$1-$2.log" 2>&1 || { cat "$T/$1-$2.log" >&2; exit 1; }; e=$(now_ms)
    echo $((e - s))
}
run_openssh_sftp() {
    printf 'put %s %s\n' "$T/src.bin" "$T/dst/openssh-sftp.bin" > "$T/batch"
    s=$(now_ms); sftp -q -b "$T/batch" -P "$PORT" $SSHOPTS kilntest@127.0.0.1 >/dev/null; e=$(now_ms)
    echo $((e - s))
}
run_openssh_scp() {
    s=$(now_ms); scp -q -P "$PORT" $SSHOPTS "$T/src.bin" "kilntest@127.0.0.1:$T/dst/openssh-scp.bin"; e=$(now_ms)
    echo $((e - s))
}

SUM=$(sha256sum < "$T/src.bin" | cut -c1-64)
best() { # best of 2 runs, in ms
    a=$("$@"); b=$("$@"); [ "$a" -lt "$b" ] && echo "$a" || echo "$b"
}
K_SFTP=$(best run_build kiln sftp)
K_SCP=$(best run_build kiln scp)
P_SFTP=$(best run_build packer sftp)
P_SCP=$(best run_build packer scp)
O_SFTP=$(best run_openssh_sftp)
O_SCP=$(best run_openssh_scp)
for f in kiln-sftp kiln-scp packer-sftp packer-scp openssh-sftp openssh-scp; do
    [ "$(sha256sum < "$T/dst/$f.bin" | cut -c1-64)" = "$SUM" ] || { echo "checksum mismatch: $f" >&2; exit 1; }
done

echo "upload of $BYTES bytes over loopback SSH (best of 2)"
printf '%-18s %8s ms %8s MB/s\n' "kiln build sftp" "$K_SFTP" "$(rate "$BYTES" "$K_SFTP")"
printf '%-18s %8s ms %8s MB/s\n' "packer build sftp" "$P_SFTP" "$(rate "$BYTES" "$P_SFTP")"
printf '%-18s %8s ms %8s MB/s\n' "openssh sftp -b" "$O_SFTP" "$(rate "$BYTES" "$O_SFTP")"
printf '%-18s %8s ms %8s MB/s\n' "kiln build scp" "$K_SCP" "$(rate "$BYTES" "$K_SCP")"
printf '%-18s %8s ms %8s MB/s\n' "packer build scp" "$P_SCP" "$(rate "$BYTES" "$P_SCP")"
printf '%-18s %8s ms %8s MB/s\n' "openssh scp" "$O_SCP" "$(rate "$BYTES" "$O_SCP")"
awk -v a="$O_SFTP" -v b="$K_SFTP" 'BEGIN { printf "kiln sftp / openssh sftp speed ratio: %.2f (goal >= 1)\n", a / b }'
awk -v a="$O_SCP" -v b="$K_SCP" 'BEGIN { printf "kiln scp / openssh scp speed ratio:   %.2f (goal >= 1)\n", a / b }'
awk -v a="$P_SFTP" -v b="$K_SFTP" 'BEGIN { printf "kiln sftp / packer sftp speed ratio:  %.2f\n", a / b }'
awk -v a="$P_SCP" -v b="$K_SCP" 'BEGIN { printf "kiln scp / packer scp speed ratio:    %.2f\n", a / b }'
