#pragma once

#include "components/shared/ByteStream.h"

#include <QByteArray>
#include <QString>
#include <functional>

struct archive;

namespace kiln::components {

// Writes a tar stream whose entries are named by the caller, not after their source file:
// a Vagrant box stores the VM's disk as "box.img", an OVA its files under their final names.
// GNU format for boxes (what Packer's Go writer produces), USTAR for OVAs (the OVF
// specification requires it). Streams into a ByteStream, so a box goes straight through the
// parallel gzip compressor without an intermediate copy of the disk.
//
// Threading: one thread drives an instance.
class TarEntryWriter
{
public:
    enum class Format { Gnu, Ustar };
    // Called with the bytes just copied; returning false cancels (addFile() fails).
    using Progress = std::function<bool(qint64 bytes)>;

    TarEntryWriter(ByteStream &out, Format format);
    ~TarEntryWriter();
    TarEntryWriter(const TarEntryWriter &) = delete;
    TarEntryWriter &operator=(const TarEntryWriter &) = delete;

    bool open();
    // Copies the file at `source` into the entry `entryName` (mode and mtime of the source).
    bool addFile(const QString &source, const QString &entryName, const Progress &progress = {});
    // An entry holding `data` (mode 0644, owned by this process's user).
    bool addData(const QString &entryName, const QByteArray &data);
    // Writes the end-of-archive records into the stream.
    bool close();

    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

private:
    static long writeCallback(struct archive *a, void *client, const void *buffer, size_t length);
    QString libraryError() const;
    bool writeHeader(
        const QString &entryName, qint64 size, int mode, qint64 mtime, uint uid, uint gid);

    ByteStream &m_out;
    Format m_format;
    struct archive *m_archive = nullptr;
    bool m_closed = false;
    bool m_cancelled = false;
    QString m_error;
};

} // namespace kiln::components
