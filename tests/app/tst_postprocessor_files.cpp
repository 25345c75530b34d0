// The files post-processors write, compared with Debian's packer 1.6.6 on the same template:
// checksum files byte for byte, the manifest modulo time and run id, and every archive
// format by what it holds (names, modes, owners, sizes, times, contents), since compressed
// bytes legitimately differ between compressor implementations.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Output
{
    int exitCode = -1;
    QByteArray out;
};

Output runTool(const QString &program, const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
    env.insert(QStringLiteral("PACKER_NO_COLOR"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput()};
}

Output shell(const QString &command, const QString &dir)
{
    return runTool(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, dir);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The manifest without what differs between any two runs.
QJsonObject stable(const QByteArray &manifest)
{
    QJsonObject m = QJsonDocument::fromJson(manifest).object();
    QJsonArray builds;
    for (const QJsonValue &b : m.value(QStringLiteral("builds")).toArray()) {
        QJsonObject o = b.toObject();
        o.remove(QStringLiteral("build_time"));
        o.remove(QStringLiteral("packer_run_uuid"));
        builds << o;
    }
    m.insert(QStringLiteral("builds"), builds);
    m.remove(QStringLiteral("last_run_uuid"));
    return m;
}

// The lines of the artifacts summary: what each tool says it produced.
QByteArrayList summary(const QByteArray &out)
{
    QByteArrayList lines;
    for (const QByteArray &l : out.split('\n'))
        if (l.startsWith("--> "))
            lines << l;
    return lines;
}

} // namespace

class TestPostProcessorFiles : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_kiln;
    QTemporaryDir m_packer;

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("packer")).isEmpty())
            QSKIP("packer (Debian's 1.6.6, the oracle) is not installed");
        const QString tmpl = QStringLiteral(KILN_FIXTURES_DIR "/build/ppfiles/files.pkr.hcl");
        for (QTemporaryDir *d : {&m_kiln, &m_packer})
            QVERIFY(QFile::copy(tmpl, d->filePath(QStringLiteral("t.pkr.hcl"))));
        const Output kiln = runTool(QStringLiteral(KILN_BINARY),
            {QStringLiteral("build"), QStringLiteral("-color=false"), QStringLiteral("t.pkr.hcl")}, m_kiln.path());
        const Output packer = runTool(QStringLiteral("packer"),
            {QStringLiteral("build"), QStringLiteral("-color=false"), QStringLiteral("t.pkr.hcl")}, m_packer.path());
        QVERIFY2(kiln.exitCode == 0, kiln.out.constData());
        QVERIFY2(packer.exitCode == 0, packer.out.constData());
        QCOMPARE(summary(kiln.out), summary(packer.out));
        QVERIFY(summary(kiln.out).size() >= 7);
    }

    void sameFiles()
    {
        QStringList kilnFiles = QDir(m_kiln.filePath(QStringLiteral("out"))).entryList(QDir::Files);
        QStringList packerFiles = QDir(m_packer.filePath(QStringLiteral("out"))).entryList(QDir::Files);
        QCOMPARE(kilnFiles, packerFiles);
        QCOMPARE(kilnFiles.size(), 12);
    }

    void checksumFilesByteForByte_data()
    {
        QTest::addColumn<QString>("type");
        for (const char *t : {"md5", "sha1", "sha224", "sha256", "sha384", "sha512"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }

    void checksumFilesByteForByte()
    {
        QFETCH(QString, type);
        const QString name = QStringLiteral("out/a_file_%1.checksum").arg(type);
        const QByteArray kiln = readAll(m_kiln.filePath(name));
        QVERIFY(!kiln.isEmpty());
        QCOMPARE(kiln, readAll(m_packer.filePath(name)));
    }

    void manifest()
    {
        const QByteArray kiln = readAll(m_kiln.filePath(QStringLiteral("out/manifest.json")));
        const QByteArray packer = readAll(m_packer.filePath(QStringLiteral("out/manifest.json")));
        QCOMPARE(stable(kiln), stable(packer));
        QVERIFY(!stable(kiln).value(QStringLiteral("builds")).toArray().isEmpty());
        // Same layout too: two-space indent, same key order, no final newline.
        QCOMPARE(kiln.count('\n'), packer.count('\n'));
        QCOMPARE(kiln.endsWith('\n'), packer.endsWith('\n'));
    }

    void tarArchivesHoldTheSame_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("decompress");
        QTest::newRow("tar.gz") << "out/a.tar.gz" << "gzip -dc";
        QTest::newRow("tar.lz4") << "out/a.tar.lz4" << "lz4 -dc";
        QTest::newRow("tar.xz") << "out/a.tar.xz" << "xz -dc";
    }

    void tarArchivesHoldTheSame()
    {
        QFETCH(QString, file);
        QFETCH(QString, decompress);
        const QString list = QStringLiteral("%1 %2 | tar -tv --full-time").arg(decompress, file);
        const QString contents = QStringLiteral("%1 %2 | tar -xO").arg(decompress, file);
        const Output kiln = shell(list, m_kiln.path());
        QCOMPARE(kiln.exitCode, 0);
        QVERIFY(kiln.out.contains("a.txt"));
        QCOMPARE(kiln.out, shell(list, m_packer.path()).out);
        const Output kilnData = shell(contents, m_kiln.path());
        QCOMPARE(kilnData.out, QByteArray("hello kiln\n"));
        QCOMPARE(kilnData.out, shell(contents, m_packer.path()).out);
    }

    void zipHoldsTheSame()
    {
        const QString names = QStringLiteral("unzip -Z1 out/a.zip");
        const QString contents = QStringLiteral("unzip -p out/a.zip a.txt");
        QCOMPARE(shell(names, m_kiln.path()).out, QByteArray("a.txt\n"));
        QCOMPARE(shell(names, m_kiln.path()).out, shell(names, m_packer.path()).out);
        QCOMPARE(shell(contents, m_kiln.path()).out, shell(contents, m_packer.path()).out);
        QCOMPARE(shell(QStringLiteral("unzip -tq out/a.zip"), m_kiln.path()).exitCode, 0);
    }

    void plainGzipHoldsTheSame()
    {
        const QString contents = QStringLiteral("gzip -dc out/a.gz");
        QCOMPARE(shell(contents, m_kiln.path()).out, QByteArray("hello kiln\n"));
        QCOMPARE(shell(contents, m_kiln.path()).out, shell(contents, m_packer.path()).out);
    }
};

QTEST_GUILESS_MAIN(TestPostProcessorFiles)
#include "tst_postprocessor_files.moc"
