#pragma once

#include "engine/build/CancelToken.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace kiln::components {

// Hashes a file with several algorithms in a single pass. A reader thread fills large
// buffers while one thread per algorithm digests them (OpenSSL EVP), so reading overlaps
// hashing and six checksums of a big image cost barely more than the slowest one.
class FileHash
{
public:
    struct Result
    {
        QMap<QString, QString> hex; // algorithm -> lowercase hex digest
        QString error; // empty on success
        bool cancelled = false;
    };
    // Bytes done so far and the file's size; called from the calling thread.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    static constexpr qsizetype ChunkSize = 4 * 1024 * 1024;

    // `algorithms` are names FileHashSettings supports.
    static Result compute(const QString &path, const QStringList &algorithms,
        const build::CancelTokenPtr &cancel = {}, const Progress &progress = {});
};

} // namespace kiln::components
