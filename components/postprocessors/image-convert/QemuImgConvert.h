#pragma once

#include "engine/build/CancelToken.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace kiln::components {

// One `qemu-img convert -p` run. Its progress lines ("    (42.00/100%)\r") are parsed as
// they arrive and reported; cancelling kills qemu-img's process group. The caller owns the
// output files (and removes them when this fails).
class QemuImgConvert
{
public:
    struct Job
    {
        QString source;
        QString sourceFormat; // "qcow2" or "raw": given, so qemu-img never probes a raw image
        QString target;
        QString targetFormat;
        QStringList options; // -o key=value items
        bool compress = false; // -c (qcow2)
    };
    // Percent done, 0..100, called on the caller's thread.
    using Progress = std::function<void(double percent)>;

    // Returns the error ("QemuImg error: <stderr>", the cancel reason), empty on success.
    static QString run(
        const Job &job, const build::CancelTokenPtr &cancel, const Progress &progress);

    // The percentages in a chunk of qemu-img's progress output; `pending` carries an
    // incomplete line to the next chunk.
    static QList<double> parseProgress(const QByteArray &chunk, QByteArray *pending);

    // `qemu-img info --output=json` of `path`: its format and virtual size.
    struct Info
    {
        QString format;
        qint64 virtualSize = 0;
        QString error;
    };
    static Info info(const QString &path, const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components
