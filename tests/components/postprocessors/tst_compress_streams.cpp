// The compressors behind the compress post-processor, fed directly: parallel gzip (libdeflate
// pieces joined into one member), BGZF, zstd, and the deflate stream walker that makes the
// joining possible. Every output is decompressed by an independent reader and compared.

#include "components/shared/Bgzf.h"
#include "components/shared/DeflateChunk.h"
#include "components/shared/DeflateStreamWalker.h"
#include "components/shared/DeflateZipWriter.h"
#include "components/shared/ParallelGzip.h"
#include "components/shared/Zstd.h"
#include "tst_compress_support.h"

#include <QDirIterator>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <zlib.h>

using kiln::components::Bgzf;
using kiln::components::DeflateChunk;
using kiln::components::DeflateStreamWalker;
using kiln::components::DeflateZipWriter;
using kiln::components::ParallelGzip;
using kiln::components::Zstd;
using namespace compress_test;

namespace {

// Text, incompressible bytes, a long run of zeros and text again: exercises dynamic, stored
// and near-empty deflate blocks within one input.
QByteArray mixed(qsizetype part, quint32 seed)
{
    return textLike(part, seed) + randomBytes(part, seed + 1) + QByteArray(part, '\0')
        + textLike(part, seed + 2);
}

// What images hold: this test's own executable (machine code, symbols) followed by Kiln's
// engine and component sources (text), `size` bytes in all.
QByteArray realFiles(qsizetype size)
{
    // Half machine code: this test's binary, then Qt Core's (this binary alone is under
    // 2 MiB in a -g1 build), half source text.
    QByteArray out = readFile(QCoreApplication::applicationFilePath());
    if (out.size() < size / 2)
        out += readFile(QLibraryInfo::path(QLibraryInfo::LibrariesPath) + QStringLiteral("/libQt6Core.so.6"));
    out.truncate(size / 2);
    QStringList sources;
    for (const char *dir : {"/engine", "/components"}) {
        QDirIterator it(QStringLiteral(KILN_SOURCE_DIR) + QLatin1String(dir),
            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    sources.sort();
    for (const QString &path : sources) {
        if (out.size() >= size)
            break;
        out += readFile(path);
    }
    return out.left(size);
}

enum class Inflated { Ok, Error, TrailingBytes };

// zlib as the reader: one gzip member (windowBits 31) or raw deflate (-15). With `single`,
// the first member must hold all the data: nothing may follow its trailer.
Inflated inflateAll(const QByteArray &in, int windowBits, QByteArray *out, bool single)
{
    out->clear();
    z_stream s{};
    if (inflateInit2(&s, windowBits) != Z_OK)
        return Inflated::Error;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    s.avail_in = uInt(in.size());
    char buffer[65536];
    int rc = Z_OK;
    for (;;) {
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        rc = inflate(&s, Z_NO_FLUSH);
        out->append(buffer, qsizetype(sizeof buffer - s.avail_out));
        if (rc == Z_STREAM_END && s.avail_in > 0 && !single) {
            inflateReset(&s); // the next member
            continue;
        }
        if (rc != Z_OK)
            break;
    }
    const uInt left = s.avail_in;
    inflateEnd(&s);
    if (rc != Z_STREAM_END)
        return Inflated::Error;
    return left ? Inflated::TrailingBytes : Inflated::Ok;
}

QByteArray parallelGzip(const QByteArray &input, int level, qsizetype blockSize, int chunk)
{
    MemoryStream memory;
    ParallelGzip gzip(memory, level, 2, blockSize);
    for (qsizetype at = 0; at < input.size(); at += chunk) {
        if (!gzip.write(input.constData() + at, qMin<qsizetype>(chunk, input.size() - at)))
            return {};
    }
    return gzip.finish() ? memory.bytes : QByteArray();
}

} // namespace

class TestCompressStreams : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QVERIFY(QDir::setCurrent(m_dir.path())); }

    void parallelGzipSizes_data()
    {
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<int>("chunk");
        const qsizetype block = ParallelGzip::DefaultBlockSize;
        QTest::newRow("0") << qsizetype(0) << 4096;
        QTest::newRow("1") << qsizetype(1) << 4096;
        QTest::newRow("block-1") << block - 1 << 4096;
        QTest::newRow("block") << block << 65536;
        QTest::newRow("block+1") << block + 1 << 7;
        QTest::newRow("many blocks") << 9 * block + 12345 << 1000003;
        QTest::newRow("many blocks, odd writes") << 3 * block + 3 << 4093;
    }
    void parallelGzipSizes()
    {
        QFETCH(qsizetype, size);
        QFETCH(int, chunk);
        const QByteArray input = textLike(size, quint32(size));
        const QByteArray gz = parallelGzip(input, 6, ParallelGzip::DefaultBlockSize, chunk);
        QVERIFY(!gz.isEmpty());
        writeFile(QStringLiteral("p.gz"), gz);
        QCOMPARE(
            run(QStringLiteral("gzip"), {QStringLiteral("-t"), QStringLiteral("p.gz")}).exitCode,
            0);
        const QByteArray back
            = run(QStringLiteral("gzip"), {QStringLiteral("-dc"), QStringLiteral("p.gz")}).out;
        QCOMPARE(back.size(), input.size());
        QVERIFY(back == input);
        // One member: gzip -l reports the whole size (ISIZE of a single trailer).
        const Run list
            = run(QStringLiteral("gzip"), {QStringLiteral("-lv"), QStringLiteral("p.gz")});
        QVERIFY2(list.out.contains(" " + QByteArray::number(size) + " "), list.out.constData());
    }

    // Every level, on data mixing every kind of deflate block, small blocks so there are many
    // joins: one gzip member whose CRC and size zlib checks, holding exactly the input.
    void parallelGzipLevels_data()
    {
        QTest::addColumn<int>("level");
        for (int level : {-1, 1, 2, 3, 4, 5, 6, 7, 8, 9})
            QTest::addRow("level %d", level) << level;
    }
    void parallelGzipLevels()
    {
        QFETCH(int, level);
        const QByteArray input = mixed(300 * 1024 + 17, quint32(level + 10));
        const QByteArray gz = parallelGzip(input, level, 64 * 1024 + 5, 50000);
        QVERIFY(!gz.isEmpty());
        QByteArray back;
        QCOMPARE(inflateAll(gz, 31, &back, true), Inflated::Ok);
        QCOMPARE(back.size(), input.size());
        QVERIFY(back == input);
        QCOMPARE(int(gz[8]), level == 9 ? 2 : (level == 1 ? 4 : 0)); // XFL as gzip sets it
    }

    // Readers other than zlib: pigz, Python's gzip module, tar -z.
    void parallelGzipReaders()
    {
        const QByteArray input = mixed(700 * 1024, 5);
        const QByteArray gz = parallelGzip(input, 6, 256 * 1024, 65536);
        writeFile(QStringLiteral("r.gz"), gz);
        QCOMPARE(
            run(QStringLiteral("pigz"), {QStringLiteral("-t"), QStringLiteral("r.gz")}).exitCode,
            0);
        QVERIFY(run(QStringLiteral("pigz"), {QStringLiteral("-dc"), QStringLiteral("r.gz")}).out
            == input);
        const Run python = run(QStringLiteral("python3"),
            {QStringLiteral("-c"),
                QStringLiteral(
                    "import gzip, sys\n"
                    "sys.stdout.buffer.write(gzip.decompress(sys.stdin.buffer.read()))")},
            gz);
        QCOMPARE(python.exitCode, 0);
        QVERIFY(python.out == input);

        writeFile(QStringLiteral("t/data.bin"), input);
        const Run tar = run(QStringLiteral("tar"),
            {QStringLiteral("-cf"), QStringLiteral("-"), QStringLiteral("-C"), QStringLiteral("t"),
                QStringLiteral("data.bin")});
        QCOMPARE(tar.exitCode, 0);
        writeFile(QStringLiteral("t.tar.gz"), parallelGzip(tar.out, 6, 256 * 1024, 65536));
        QDir().mkpath(QStringLiteral("x"));
        QCOMPARE(run(QStringLiteral("tar"),
                     {QStringLiteral("-xzf"), QStringLiteral("t.tar.gz"), QStringLiteral("-C"),
                         QStringLiteral("x")})
                     .exitCode,
            0);
        QVERIFY(readFile(QStringLiteral("x/data.bin")) == input);
    }

    // The ratio of gzip at the same level, within a few percent: libdeflate is a little
    // better than zlib on binaries, a little worse on source text, and independent 1 MiB
    // blocks cost about 0.3%. (On synthetic text drawn from a dozen words libdeflate is ~8%
    // worse than zlib's deeper lazy search, which is why this uses real files.)
    void parallelGzipRatioCloseToGzip_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("1") << 1;
        QTest::newRow("6") << 6;
        QTest::newRow("9") << 9;
    }
    void parallelGzipRatioCloseToGzip()
    {
        QFETCH(int, level);
        const QByteArray input = realFiles(4 * 1024 * 1024);
        QCOMPARE(input.size(), 4 * 1024 * 1024);
        const QByteArray gz = parallelGzip(input, level, ParallelGzip::DefaultBlockSize, 1 << 20);
        const Run reference = run(QStringLiteral("gzip"),
            {QStringLiteral("-%1").arg(level), QStringLiteral("-c")}, input);
        QCOMPARE(reference.exitCode, 0);
        QVERIFY2(gz.size() < reference.out.size() * 1.03,
            qPrintable(QStringLiteral("%1 vs %2").arg(gz.size()).arg(reference.out.size())));
    }

    // Pieces of every kind and size, including empty ones, concatenate into one raw deflate
    // stream; levels past gzip's 9 are libdeflate's slow optimal parser.
    void deflateChunksJoin_data()
    {
        QTest::addColumn<int>("level");
        for (int level : {1, 6, 9, 12})
            QTest::addRow("level %d", level) << level;
    }
    void deflateChunksJoin()
    {
        QFETCH(int, level);
        const QList<QByteArray> pieces{textLike(1, 1), QByteArray(), randomBytes(70000, 2),
            textLike(150000, 3), QByteArray(100000, 'z'), randomBytes(3, 4), textLike(5000, 5)};
        QByteArray stream;
        QByteArray expected;
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            const bool last = i + 1 == pieces.size();
            QVERIFY(
                DeflateChunk::compress(pieces[i].constData(), pieces[i].size(), level, last, stream)
                    .isEmpty());
            expected += pieces[i];
        }
        QByteArray back;
        QCOMPARE(inflateAll(stream, -15, &back, true), Inflated::Ok);
        QVERIFY(back == expected);
        QCOMPARE(DeflateChunk::crc32(0, expected.constData(), expected.size()),
            quint32(crc32(
                0, reinterpret_cast<const Bytef *>(expected.constData()), uInt(expected.size()))));
    }

    // The walker on streams zlib wrote (fixed, dynamic and stored blocks, flushes between
    // them) finds the end exactly; broken streams are refused, not misread.
    void walkerOnZlibStreams()
    {
        const QByteArray input = mixed(40000, 9);
        for (int strategy : {Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY}) {
            z_stream s{};
            QCOMPARE(deflateInit2(&s, 6, Z_DEFLATED, -15, 8, strategy), Z_OK);
            QByteArray out(int(deflateBound(&s, uLong(input.size()))) + 64, '\0');
            s.next_out = reinterpret_cast<Bytef *>(out.data());
            s.avail_out = uInt(out.size());
            // Three flushed parts, so the final block is not the first.
            const qsizetype third = input.size() / 3;
            for (int part = 0; part < 3; ++part) {
                s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()))
                    + part * third;
                s.avail_in = uInt(part == 2 ? input.size() - 2 * third : third);
                deflate(&s, part == 2 ? Z_FINISH : Z_SYNC_FLUSH);
            }
            out.resize(out.size() - s.avail_out);
            deflateEnd(&s);
            const auto *bytes = reinterpret_cast<const uchar *>(out.constData());
            const DeflateStreamWalker::Result walk = DeflateStreamWalker::walk(bytes, out.size());
            QVERIFY(walk.ok);
            QCOMPARE((walk.endBit + 7) / 8, qint64(out.size()));
            QVERIFY(walk.finalHeaderBit > 8 * 4); // after the two sync flushes
            QVERIFY(walk.finalHeaderBit < walk.endBit);
            QVERIFY(!DeflateStreamWalker::walk(bytes, out.size() - 1).ok);
            QVERIFY(!DeflateStreamWalker::walk(bytes, out.size() / 2).ok);
        }
        const uchar reserved[] = {0x07, 0x00}; // final block of the reserved type 3
        QVERIFY(!DeflateStreamWalker::walk(reserved, 2).ok);
        const uchar badStored[] = {0x01, 0x05, 0x00, 0x00, 0x00}; // NLEN not LEN's complement
        QVERIFY(!DeflateStreamWalker::walk(badStored, 5).ok);
        QVERIFY(!DeflateStreamWalker::walk(nullptr, 0).ok);
    }

    void bgzfIsBlocked_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("default") << -1;
        QTest::newRow("1") << 1;
        QTest::newRow("9") << 9;
    }
    void bgzfIsBlocked()
    {
        QFETCH(int, level);
        // Incompressible data: each member still fits the 64 KiB BGZF limit.
        const QByteArray input = mixed(100 * 1024 + 1, 7);
        MemoryStream memory;
        {
            Bgzf bgzf(memory, level, 2);
            QVERIFY(bgzf.write(input.constData(), input.size()));
            QVERIFY(bgzf.finish());
        }
        const QByteArray &bytes = memory.bytes;
        // Every member carries the BC extra field with its size; the file ends with the EOF
        // block.
        qsizetype offset = 0;
        int members = 0;
        while (offset < bytes.size()) {
            QCOMPARE(bytes.mid(offset, 4), QByteArray("\x1f\x8b\x08\x04", 4));
            QCOMPARE(bytes.mid(offset + 12, 4), QByteArray("BC\x02\x00", 4));
            const int bsize = quint8(bytes[offset + 16]) | (quint8(bytes[offset + 17]) << 8);
            offset += bsize + 1;
            ++members;
        }
        QCOMPARE(offset, bytes.size());
        QCOMPARE(members, int((input.size() + Bgzf::BlockSize - 1) / Bgzf::BlockSize) + 1);
        QVERIFY(bytes.endsWith(
            QByteArray::fromHex("1f8b08040000000000ff0600424302001b0003000000000000000000")));
        QByteArray back;
        QCOMPARE(inflateAll(bytes, 31, &back, false), Inflated::Ok);
        QVERIFY(back == input);
        writeFile(QStringLiteral("b.gz"), bytes);
        QVERIFY(run(QStringLiteral("gzip"), {QStringLiteral("-dc"), QStringLiteral("b.gz")}).out
            == input);
    }

    // Zip entries of every size, an empty one and a UTF-8 name, read back by Python's
    // zipfile (CRCs checked) and unzip, with their modes.
    void zipEntries()
    {
        const QList<QPair<QByteArray, QByteArray>> entries{
            {"big/image.raw", mixed(600 * 1024 + 3, 21)},
            {"empty", QByteArray()},
            {"caf\xc3\xa9.txt", textLike(1000, 22)},
        };
        MemoryStream memory;
        {
            DeflateZipWriter zip(memory, 6);
            quint32 mode = 0600;
            for (const auto &[name, data] : entries) {
                QVERIFY(zip.beginEntry(name, mode));
                for (qsizetype at = 0; at < data.size(); at += 100000)
                    QVERIFY(zip.write(
                        data.constData() + at, qMin<qsizetype>(100000, data.size() - at)));
                QVERIFY(zip.endEntry());
                mode = 0755;
            }
            QVERIFY(zip.close());
        }
        writeFile(QStringLiteral("e.zip"), memory.bytes);
        QCOMPARE(
            run(QStringLiteral("unzip"), {QStringLiteral("-tq"), QStringLiteral("e.zip")}).exitCode,
            0);
        const Run python = run(QStringLiteral("python3"),
            {QStringLiteral("-c"),
                QStringLiteral("import zipfile, sys\n"
                               "z = zipfile.ZipFile('e.zip')\n"
                               "assert z.testzip() is None\n"
                               "for i in z.infolist():\n"
                               "    d = z.read(i)\n"
                               "    print(i.filename, oct(i.external_attr >> 16), len(d))\n"
                               "sys.stdout.flush()\n"
                               "sys.stdout.buffer.write(z.read('big/image.raw'))")});
        QCOMPARE(python.exitCode, 0);
        const QList<QByteArray> lines = python.out.split('\n');
        QCOMPARE(lines.value(0),
            "big/image.raw 0o100600 " + QByteArray::number(entries[0].second.size()));
        QCOMPARE(lines.value(1), QByteArray("empty 0o100755 0"));
        QCOMPARE(lines.value(2), QByteArray("caf\xc3\xa9.txt 0o100755 1000"));
        QVERIFY(python.out.mid(python.out.indexOf(QByteArray("1000\n")) + 5) == entries[0].second);
    }

    // 65,536 entries do not fit the classic end record: the Zip64 end record and locator
    // carry the count, and readers still see every entry.
    void zipManyEntriesUseZip64End()
    {
        MemoryStream memory;
        {
            DeflateZipWriter zip(memory, 1);
            for (int i = 0; i < 65536; ++i) {
                const QByteArray name = QByteArray::number(i);
                QVERIFY(zip.beginEntry(name, 0644));
                QVERIFY(zip.write(name.constData(), name.size()));
                QVERIFY(zip.endEntry());
            }
            QVERIFY(zip.close());
        }
        // Zip64 end record, its locator, then the classic record with the count saturated.
        QCOMPARE(memory.bytes.right(22).left(4), QByteArray("PK\x05\x06"));
        QCOMPARE(memory.bytes.right(22).mid(8, 4), QByteArray("\xff\xff\xff\xff"));
        QCOMPARE(memory.bytes.right(42).left(4), QByteArray("PK\x06\x07"));
        QCOMPARE(memory.bytes.right(98).left(4), QByteArray("PK\x06\x06"));
        writeFile(QStringLiteral("many.zip"), memory.bytes);
        const Run python = run(QStringLiteral("python3"),
            {QStringLiteral("-c"),
                QStringLiteral("import zipfile\n"
                               "z = zipfile.ZipFile('many.zip')\n"
                               "names = z.namelist()\n"
                               "assert len(names) == 65536, len(names)\n"
                               "assert z.read('65535') == b'65535'\n"
                               "assert z.testzip() is None\n"
                               "print('ok')")});
        QCOMPARE(python.out.trimmed(), QByteArray("ok"));
    }

    void zstdRoundTrip_data()
    {
        QTest::addColumn<int>("level");
        QTest::newRow("default") << -1;
        QTest::newRow("1") << 1;
        QTest::newRow("9") << 9;
    }
    void zstdRoundTrip()
    {
        QFETCH(int, level);
        const QByteArray input = mixed(400 * 1024, 11);
        MemoryStream memory;
        {
            Zstd zstd(memory, level, 2);
            for (qsizetype at = 0; at < input.size(); at += 100000)
                QVERIFY(
                    zstd.write(input.constData() + at, qMin<qsizetype>(100000, input.size() - at)));
            QVERIFY(zstd.finish());
        }
        writeFile(QStringLiteral("z.zst"), memory.bytes);
        QVERIFY(decompress(QStringLiteral("zstd"), QStringLiteral("z.zst")) == input);
    }
};

QTEST_GUILESS_MAIN(TestCompressStreams)
#include "tst_compress_streams.moc"
