#pragma once

#include "components/shared/ByteStream.h"

#include <QString>
#include <functional>
#include <memory>

struct archive;

namespace kiln::components {

class DeflateZipWriter;

// Writes files into a tar or zip archive, or a single file through a compression filter
// ("raw"), streaming everything into a ByteStream: tar and raw with libarchive, zip with
// DeflateZipWriter (libarchive's zip deflates on one core with zlib). Entries look like
// Packer's compress post-processor makes them: tar is GNU format with the file's base name,
// its mode, owner and group, and no times; zip entries keep the path as given.
//
// Threading: one thread drives an instance.
class ArchiveWriter
{
public:
    enum class Format { Tar, Zip, Raw };
    enum class Filter { None, Xz, Bzip2, Lz4 };
    // Called with the bytes just copied; returning false cancels (addFile() fails).
    using Progress = std::function<bool(qint64 bytes)>;

    ArchiveWriter(ByteStream &out, Format format, Filter filter, int level);
    ~ArchiveWriter();
    ArchiveWriter(const ArchiveWriter &) = delete;
    ArchiveWriter &operator=(const ArchiveWriter &) = delete;

    bool open();
    bool addFile(const QString &path, const Progress &progress);
    // Writes the end of the archive and the filter's trailer into the stream.
    bool close();

    // Packer's wording: "Unable to read file X: ...", "Failed to copy X data to archive: ...".
    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

private:
    static long writeCallback(struct archive *a, void *client, const void *buffer, size_t length);
    QString libraryError() const;
    // The entry for an open file: false with m_error set.
    bool beginEntry(const QString &path, int fd);
    bool writeData(const QString &path, const char *data, qsizetype size);
    bool endEntry(const QString &path);

    ByteStream &m_out;
    Format m_format;
    Filter m_filter;
    int m_level;
    struct archive *m_archive = nullptr; // tar and raw
    std::unique_ptr<DeflateZipWriter> m_zip;
    bool m_closed = false;
    bool m_cancelled = false;
    QString m_error;
};

} // namespace kiln::components
