#include "components/postprocessors/image-convert/OvaPackage.h"

#include "components/shared/AtomicOutputFile.h"
#include "components/shared/FileHash.h"
#include "components/shared/vagrant/TarEntryWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace kiln::components {

namespace {

QString writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size()
        || !f.flush())
        return QStringLiteral("Error writing %1: %2").arg(path, f.errorString());
    return {};
}

} // namespace

OvaPackage::OvaPackage(OvfDescriptor descriptor, QString vmdkPath, QString baseName)
    : m_descriptor(std::move(descriptor))
    , m_vmdkPath(std::move(vmdkPath))
    , m_baseName(std::move(baseName))
{ }

QString OvaPackage::pathOf(const QString &suffix) const
{
    return QFileInfo(m_vmdkPath).dir().filePath(m_baseName + suffix);
}

QByteArray OvaPackage::manifestLine(const QString &file, const QString &sha256)
{
    return QStringLiteral("SHA256(%1)= %2\n").arg(file, sha256).toUtf8();
}

QString OvaPackage::write(
    const build::BuildUi &ui, const build::CancelTokenPtr &cancel, QStringList *created)
{
    const QFileInfo vmdk(m_vmdkPath);
    m_descriptor.diskFile = vmdk.fileName();
    m_descriptor.diskFileSize = vmdk.size();
    const QByteArray ovf = m_descriptor.toXml();
    const QString ovfPath = pathOf(QStringLiteral(".ovf"));
    ui.message(QStringLiteral("Writing OVF descriptor: %1").arg(ovfPath));
    *created << ovfPath;
    if (QString error = writeFile(ovfPath, ovf); !error.isEmpty())
        return error;

    const FileHash::Result hash = FileHash::compute(m_vmdkPath, {QStringLiteral("sha256")}, cancel);
    if (hash.cancelled)
        return cancel->reason();
    if (!hash.error.isEmpty())
        return hash.error;
    const QByteArray manifest
        = manifestLine(QFileInfo(ovfPath).fileName(),
              QString::fromLatin1(
                  QCryptographicHash::hash(ovf, QCryptographicHash::Sha256).toHex()))
        + manifestLine(vmdk.fileName(), hash.hex.value(QStringLiteral("sha256")));
    const QString mfPath = pathOf(QStringLiteral(".mf"));
    *created << mfPath;
    if (QString error = writeFile(mfPath, manifest); !error.isEmpty())
        return error;

    const QString ovaPath = pathOf(QStringLiteral(".ova"));
    ui.message(QStringLiteral("Packing OVA: %1").arg(ovaPath));
    // The OVA appears only once complete; its temp file is gone on any failure.
    AtomicOutputFile file(ovaPath);
    if (!file.open())
        return file.errorString();
    TarEntryWriter tar(file, TarEntryWriter::Format::Ustar);
    const qint64 total = vmdk.size();
    qint64 done = 0, reported = 0;
    const auto progress = [&](qint64 n) {
        done += n;
        // Every 16 MiB: a multi-GiB disk would otherwise flood the event sink.
        if (done - reported >= (qint64(16) << 20) || done == total) {
            reported = done;
            ui.progress(ovaPath, done, total);
        }
        return !(cancel && cancel->isCancelled());
    };
    const bool ok = tar.open() && tar.addFile(ovfPath, QFileInfo(ovfPath).fileName())
        && tar.addFile(mfPath, QFileInfo(mfPath).fileName())
        && tar.addFile(m_vmdkPath, vmdk.fileName(), progress) && tar.close();
    if (!ok)
        return tar.cancelled()
            ? cancel->reason()
            : QStringLiteral("Error creating OVA %1: %2").arg(ovaPath, tar.errorString());
    if (!file.commit())
        return QStringLiteral("Error creating OVA %1: %2").arg(ovaPath, file.errorString());
    *created << ovaPath;
    return {};
}

} // namespace kiln::components
