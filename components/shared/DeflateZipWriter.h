#pragma once

#include "components/shared/ByteStream.h"

#include <QByteArray>
#include <QList>
#include <memory>

namespace kiln::components {

class ParallelDeflate;

// Writes a zip archive whose entries are deflated on every core (ParallelDeflate, with
// libdeflate), streaming into a ByteStream. Entries are laid out as Go's archive/zip writes
// them in Packer: a local header without sizes, the deflate data, a data descriptor with
// the CRC and sizes, then the central directory; Zip64 fields and records appear only
// when a size, an offset or the entry count needs them, so multi-GiB disk images work.
// Entries also carry their Unix permissions.
//
// Threading: one thread drives an instance; the deflate workers write nothing themselves.
class DeflateZipWriter
{
public:
    // `level` 1..9; anything else is the default, 6.
    DeflateZipWriter(ByteStream &out, int level);
    ~DeflateZipWriter();
    DeflateZipWriter(const DeflateZipWriter &) = delete;
    DeflateZipWriter &operator=(const DeflateZipWriter &) = delete;

    // Starts an entry: `name` as stored (forward slashes), `mode` its permission bits.
    bool beginEntry(const QByteArray &name, quint32 mode);
    bool write(const char *data, qsizetype size);
    bool endEntry();
    // Writes the central directory and the end records. No entry may be open.
    bool close();

    QString errorString() const { return m_error; }

private:
    struct Entry
    {
        QByteArray name;
        quint32 mode = 0;
        quint32 crc = 0;
        quint64 compressed = 0;
        quint64 uncompressed = 0;
        quint64 offset = 0;
    };
    // Counts what reaches the output, for the offsets the central directory records.
    class CountingStream : public ByteStream
    {
    public:
        explicit CountingStream(ByteStream &out)
            : m_out(out)
        { }
        bool write(const char *data, qsizetype size) override;
        bool finish() override { return true; }
        QString errorString() const override { return m_out.errorString(); }
        quint64 position() const { return m_position; }

    private:
        ByteStream &m_out;
        quint64 m_position = 0;
    };

    bool put(const QByteArray &bytes);

    CountingStream m_out;
    int m_level;
    QList<Entry> m_entries;
    std::unique_ptr<ParallelDeflate> m_deflate; // reset for each entry
    QString m_error;
};

} // namespace kiln::components
