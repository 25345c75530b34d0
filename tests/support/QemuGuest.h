#pragma once

#include <QString>

namespace kiln::test {

// The QEMU test guest of /work/shared/TESTBED.md: a Debian kernel and an initramfs whose
// /init loads e1000, virtio and ext4, starts sshd (root, key only) and runs a shell on the
// keyboard's console tty1. initrdWithTools() is the same guest plus python3 (Ansible) and
// puppet-agent (Puppet); it needs `memory` 1024. Built once per machine by
// tests/fixtures/qemu/prepare-guest.sh into ~/.cache/kiln-testbed/qemu-guest-v3, under a flock
// so parallel tests share one build; the version in the name makes a machine holding an older
// guest build the new one.
class QemuGuest
{
public:
    // Prepares the guest if needed; false with the reason (which test must report, not skip:
    // CI has the Debian archive).
    bool prepare(QString *error);

    QString kernel() const { return m_dir + QStringLiteral("/vmlinuz"); }
    QString initrd() const { return m_dir + QStringLiteral("/root.cpio.gz"); }
    QString initrdWithTools() const { return m_dir + QStringLiteral("/root-cm.cpio.gz"); }
    QString privateKey() const { return m_dir + QStringLiteral("/id_ed25519"); }
    // The guest's root file system as a gzipped tarball, for `docker import` (a Debian base
    // image with python3 and puppet-agent).
    QString rootfsTarball() const { return m_dir + QStringLiteral("/rootfs.tar.gz"); }

    // Why QEMU tests cannot run here at all (no qemu binaries, not root), empty when they can.
    static QString unavailableReason();
    // Writes a qcow2 image of `sizeMb` holding an empty ext4 file system (the guest's
    // /dev/vda).
    static bool makeExt4Disk(const QString &path, int sizeMb, QString *error);
    // Reads file `name` from the ext4 file system of a qcow2 or raw image with debugfs.
    static QByteArray readFileFromImage(const QString &image, const QString &name, QString *error);

private:
    QString m_dir;
};

} // namespace kiln::test
