#!/bin/sh
# Upload throughput over SSH on loopback: Kiln's communicator (sftp and scp) against
# OpenSSH's sftp -b and scp, all to the same sshd, with a 1 GiB file.
#
#   bench/upload.sh [build-dir]        (default /work/build-ssh; needs root and openssh-server)
#   SIZE_MB=256 bench/upload.sh         a smaller file; KILN_TRANSFER_TEST=path overrides the binary
#
# Kiln's side runs the benchUpload function of the transfer test binary, which is skipped
# unless KILN_BENCH_UPLOAD_FILE is set. Packer's numbers are to be added by others.
set -eu
BUILD=${1:-/work/build-ssh}
BIN=${KILN_TRANSFER_TEST:-$BUILD/tests/engine_communicator_tst_ssh_transfer}
[ -x "$BIN" ] || BIN=$(find "$BUILD" -name engine_communicator_tst_ssh_transfer -type f | head -1)
[ -x "$BIN" ] || { echo "build engine_communicator_tst_ssh_transfer first" >&2; exit 1; }
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

run_kiln() {
    out=$(KILN_BENCH_UPLOAD_FILE="$T/src.bin" KILN_BENCH_UPLOAD_PORT=$PORT KILN_BENCH_UPLOAD_USER=kilntest \
        KILN_BENCH_UPLOAD_KEY="$T/clientkey" KILN_BENCH_UPLOAD_METHOD=$1 KILN_BENCH_UPLOAD_TARGET="$T/dst/kiln-$1.bin" \
        "$BIN" benchUpload 2>&1)
    echo "$out" | awk '/^KILN_BENCH/ { print $4 }'
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
K_SFTP=$(best run_kiln sftp)
K_SCP=$(best run_kiln scp)
O_SFTP=$(best run_openssh_sftp)
O_SCP=$(best run_openssh_scp)
for f in kiln-sftp kiln-scp openssh-sftp openssh-scp; do
    [ "$(sha256sum < "$T/dst/$f.bin" | cut -c1-64)" = "$SUM" ] || { echo "checksum mismatch: $f" >&2; exit 1; }
done

echo "upload of $BYTES bytes over loopback SSH (best of 2)"
printf '%-16s %8s ms %8s MB/s\n' "kiln sftp" "$K_SFTP" "$(rate "$BYTES" "$K_SFTP")"
printf '%-16s %8s ms %8s MB/s\n' "openssh sftp -b" "$O_SFTP" "$(rate "$BYTES" "$O_SFTP")"
printf '%-16s %8s ms %8s MB/s\n' "kiln scp" "$K_SCP" "$(rate "$BYTES" "$K_SCP")"
printf '%-16s %8s ms %8s MB/s\n' "openssh scp" "$O_SCP" "$(rate "$BYTES" "$O_SCP")"
awk -v a="$O_SFTP" -v b="$K_SFTP" 'BEGIN { printf "kiln sftp / openssh sftp speed ratio: %.2f\n", a / b }'
awk -v a="$O_SCP" -v b="$K_SCP" 'BEGIN { printf "kiln scp / openssh scp speed ratio:   %.2f\n", a / b }'
