#include "components/shared/DeflateZipWriter.h"

#include "components/shared/ParallelDeflate.h"

namespace kiln::components {

namespace {

constexpr quint32 kLocalHeader = 0x04034b50;
constexpr quint32 kDataDescriptor = 0x08074b50;
constexpr quint32 kCentralHeader = 0x02014b50;
constexpr quint32 kZip64End = 0x06064b50;
constexpr quint32 kZip64Locator = 0x07064b50;
constexpr quint32 kEnd = 0x06054b50;
constexpr quint16 kFlagDataDescriptor = 0x0008;
constexpr quint16 kFlagUtf8 = 0x0800;
constexpr quint16 kDeflate = 8;
constexpr quint16 kVersion20 = 20;
constexpr quint16 kVersion45 = 45; // Zip64
constexpr quint16 kMadeByUnix = 3 << 8;
constexpr quint32 kMax32 = 0xffffffffu;
constexpr quint16 kMax16 = 0xffffu;

// Little-endian field appenders.
void le16(QByteArray &b, quint32 v)
{
    b.append(char(v & 0xff));
    b.append(char((v >> 8) & 0xff));
}
void le32(QByteArray &b, quint32 v)
{
    le16(b, v & 0xffff);
    le16(b, v >> 16);
}
void le64(QByteArray &b, quint64 v)
{
    le32(b, quint32(v & kMax32));
    le32(b, quint32(v >> 32));
}

quint16 flagsFor(const QByteArray &name)
{
    for (char c : name) {
        if (uchar(c) >= 0x80)
            return kFlagDataDescriptor | kFlagUtf8;
    }
    return kFlagDataDescriptor;
}

} // namespace

bool DeflateZipWriter::CountingStream::write(const char *data, qsizetype size)
{
    if (!m_out.write(data, size))
        return false;
    m_position += quint64(size);
    return true;
}

DeflateZipWriter::DeflateZipWriter(ByteStream &out, int level)
    : m_out(out)
    , m_level(level)
{ }

DeflateZipWriter::~DeflateZipWriter() = default;

bool DeflateZipWriter::put(const QByteArray &bytes)
{
    if (m_out.write(bytes.constData(), bytes.size()))
        return true;
    m_error = m_out.errorString();
    return false;
}

bool DeflateZipWriter::beginEntry(const QByteArray &name, quint32 mode)
{
    Entry entry;
    entry.name = name;
    entry.mode = mode;
    entry.offset = m_out.position();
    m_entries.append(entry);
    // Sizes and CRC are unknown until the data is written: zero here, in the descriptor.
    QByteArray header;
    le32(header, kLocalHeader);
    le16(header, kVersion20);
    le16(header, flagsFor(name));
    le16(header, kDeflate);
    le16(header, 0); // time and date: none, as Go's Create writes them
    le16(header, 0);
    le32(header, 0);
    le32(header, 0);
    le32(header, 0);
    le16(header, quint32(name.size()));
    le16(header, 0);
    header += name;
    if (!put(header))
        return false;
    // One compressor (and thread pool) serves every entry in turn.
    if (m_deflate)
        m_deflate->reset();
    else
        m_deflate = std::make_unique<ParallelDeflate>(m_out, m_level);
    return true;
}

bool DeflateZipWriter::write(const char *data, qsizetype size)
{
    if (m_deflate->write(data, size))
        return true;
    m_error = m_deflate->errorString();
    return false;
}

bool DeflateZipWriter::endEntry()
{
    if (!m_deflate->finish()) {
        m_error = m_deflate->errorString();
        return false;
    }
    Entry &entry = m_entries.last();
    entry.crc = m_deflate->crc();
    entry.compressed = m_deflate->totalOut();
    entry.uncompressed = m_deflate->totalIn();
    const bool zip64 = entry.compressed >= kMax32 || entry.uncompressed >= kMax32;
    QByteArray descriptor;
    le32(descriptor, kDataDescriptor);
    le32(descriptor, entry.crc);
    if (zip64) {
        le64(descriptor, entry.compressed);
        le64(descriptor, entry.uncompressed);
    } else {
        le32(descriptor, quint32(entry.compressed));
        le32(descriptor, quint32(entry.uncompressed));
    }
    return put(descriptor);
}

bool DeflateZipWriter::close()
{
    const quint64 directoryStart = m_out.position();
    QByteArray directory;
    for (const Entry &e : m_entries) {
        // The Zip64 extra field holds, in this order, whichever values do not fit 32 bits.
        QByteArray extra;
        if (e.uncompressed >= kMax32)
            le64(extra, e.uncompressed);
        if (e.compressed >= kMax32)
            le64(extra, e.compressed);
        if (e.offset >= kMax32)
            le64(extra, e.offset);
        if (!extra.isEmpty()) {
            QByteArray field;
            le16(field, 0x0001);
            le16(field, quint32(extra.size()));
            extra.prepend(field);
        }
        const quint16 version = extra.isEmpty() ? kVersion20 : kVersion45;
        le32(directory, kCentralHeader);
        le16(directory, kMadeByUnix | version);
        le16(directory, version);
        le16(directory, flagsFor(e.name));
        le16(directory, kDeflate);
        le16(directory, 0);
        le16(directory, 0);
        le32(directory, e.crc);
        le32(directory, quint32(qMin<quint64>(e.compressed, kMax32)));
        le32(directory, quint32(qMin<quint64>(e.uncompressed, kMax32)));
        le16(directory, quint32(e.name.size()));
        le16(directory, quint32(extra.size()));
        le16(directory, 0); // comment
        le16(directory, 0); // disk
        le16(directory, 0); // internal attributes
        le32(directory, (0100000u | (e.mode & 07777u)) << 16); // S_IFREG | mode
        le32(directory, quint32(qMin<quint64>(e.offset, kMax32)));
        directory += e.name;
        directory += extra;
    }
    if (!put(directory))
        return false;
    const quint64 directorySize = quint64(directory.size());
    const quint64 count = quint64(m_entries.size());
    QByteArray end;
    if (count >= kMax16 || directorySize >= kMax32 || directoryStart >= kMax32) {
        const quint64 zip64End = m_out.position();
        le32(end, kZip64End);
        le64(end, 44); // size of the rest of this record
        le16(end, kMadeByUnix | kVersion45);
        le16(end, kVersion45);
        le32(end, 0);
        le32(end, 0);
        le64(end, count);
        le64(end, count);
        le64(end, directorySize);
        le64(end, directoryStart);
        le32(end, kZip64Locator);
        le32(end, 0);
        le64(end, zip64End);
        le32(end, 1);
    }
    le32(end, kEnd);
    le16(end, 0);
    le16(end, 0);
    le16(end, quint32(qMin<quint64>(count, kMax16)));
    le16(end, quint32(qMin<quint64>(count, kMax16)));
    le32(end, quint32(qMin<quint64>(directorySize, kMax32)));
    le32(end, quint32(qMin<quint64>(directoryStart, kMax32)));
    le16(end, 0);
    return put(end);
}

} // namespace kiln::components
