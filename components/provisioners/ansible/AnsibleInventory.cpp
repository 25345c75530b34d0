#include "components/provisioners/ansible/AnsibleInventory.h"

#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kiln::components {

QString AnsibleInventory::defaultTemplate(int ansibleMajorVersion)
{
    if (ansibleMajorVersion < 2)
        return QStringLiteral("{{ .HostAlias }} ansible_ssh_host={{ .Host }} ansible_ssh_user={{ "
                              ".User }} ansible_ssh_port={{ .Port }}\n");
    return QStringLiteral("{{ .HostAlias }} ansible_host={{ .Host }} ansible_user={{ .User }} "
                          "ansible_port={{ .Port }}\n");
}

QString AnsibleInventory::render(const QString &hostTemplate, const QVariantMap &data,
    const QStringList &groups, const QStringList &emptyGroups,
    const tmpl::legacy::InterpolateContext &interpolation, QString *error)
{
    tmpl::legacy::InterpolateContext ic = interpolation;
    ic.data = data;
    const auto rendered = tmpl::legacy::Interpolator::render(hostTemplate, ic);
    if (!rendered.ok()) {
        *error = QStringLiteral("Error generating inventory file from template: %1")
                     .arg(rendered.error->message);
        return {};
    }
    const QString host = rendered.value;
    QString text = host;
    for (const QString &group : groups)
        text += QStringLiteral("[%1]\n%2").arg(group, host);
    for (const QString &group : emptyGroups)
        text += QStringLiteral("[%1]\n").arg(group);
    return text;
}

QString AnsibleInventory::write(const QString &directory, const QString &text, QString *error)
{
    const QDir dir(directory.isEmpty() ? QDir::tempPath() : directory);
    const QByteArray bytes = text.toUtf8();
    for (int attempt = 0; attempt < 10000; ++attempt) {
        const QString path
            = dir.filePath(QStringLiteral("packer-provisioner-ansible%1")
                               .arg(QRandomGenerator::global()->bounded(1000000000u)));
        const int fd = ::open(
            QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0) {
            if (errno == EEXIST)
                continue;
            *error = QStringLiteral("Error preparing inventory file: open %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
            return {};
        }
        const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
        ::close(fd);
        if (!ok) {
            QFile::remove(path);
            *error = QStringLiteral("Error preparing inventory file: write %1 failed").arg(path);
            return {};
        }
        return path;
    }
    *error = QStringLiteral("Error preparing inventory file: no free name in %1").arg(dir.path());
    return {};
}

} // namespace kiln::components
