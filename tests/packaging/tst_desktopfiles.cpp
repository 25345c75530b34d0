// The desktop integration files, checked with the freedesktop tools before they
// are packaged: the desktop entry and the AppStream metainfo validate, the MIME
// types register in a real shared-mime-info database (built with
// update-mime-database in a scratch directory) and win over *.hcl/*.json, and
// the hicolor PNGs rendered at build time have their sizes.
#include "PackagingProcess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace kiln::packagingtest;

namespace {

const QString resources = QStringLiteral(KILN_SOURCE_DIR "/resources");

QString buildDir()
{
    return QFileInfo(QStringLiteral(KILN_BINARY)).absolutePath();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// A key of the [Desktop Entry] group.
QString desktopValue(const QString &entry, const QString &key)
{
    const QRegularExpression re(QStringLiteral("^%1=(.*)$").arg(QRegularExpression::escape(key)),
        QRegularExpression::MultilineOption);
    return re.match(entry).captured(1);
}

// Width and height from a PNG's IHDR chunk, without QtGui.
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    return QSize(qFromBigEndian<quint32>(head.constData() + 16),
        qFromBigEndian<quint32>(head.constData() + 20));
}

QString metainfoPath()
{
    const QDir dir(buildDir() + QStringLiteral("/packaging"));
    const QStringList found = dir.entryList({QStringLiteral("*.metainfo.xml")}, QDir::Files);
    return found.size() == 1 ? dir.filePath(found.first()) : QString();
}

} // namespace

class TestDesktopFiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_mimeHome;

private slots:
    void desktopEntryValidates()
    {
        const QString path = resources + QStringLiteral("/kiln.desktop");
        const ProcessResult r = runProcess(QStringLiteral("desktop-file-validate"), {path});
        QVERIFY2(r.finished, qPrintable(r.err));
        QCOMPARE(r.out + r.err, QString());
        QCOMPARE(r.exitCode, 0);

        const QString entry = readText(path);
        QCOMPARE(desktopValue(entry, QStringLiteral("Exec")), QStringLiteral("kiln %f"));
        QCOMPARE(desktopValue(entry, QStringLiteral("Icon")), QStringLiteral("kiln"));
        QCOMPARE(desktopValue(entry, QStringLiteral("MimeType")),
            QStringLiteral("text/x-packer-hcl;application/x-packer+json;"));
    }

    void desktopFileValidateRejectsABrokenEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiln.desktop"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(readText(resources + QStringLiteral("/kiln.desktop"))
                    .replace(QStringLiteral("Type=Application\n"), QString())
                    .toUtf8());
        f.close();
        QVERIFY(runProcess(QStringLiteral("desktop-file-validate"), {path}).exitCode != 0);
    }

    void metainfoValidates()
    {
        const QString path = metainfoPath();
        QVERIFY2(!path.isEmpty(), "no configured *.metainfo.xml in the build's packaging/");
        const ProcessResult r = runProcess(QStringLiteral("appstreamcli"),
            {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));

        // The metainfo and the desktop entry name the same file and media types.
        const QString xml = readText(path);
        QVERIFY(xml.contains(
            QLatin1String("<launchable type=\"desktop-id\">kiln.desktop</launchable>")));
        QVERIFY(xml.contains(QLatin1String("<mediatype>text/x-packer-hcl</mediatype>")));
        QVERIFY(xml.contains(QLatin1String("<mediatype>application/x-packer+json</mediatype>")));
        QVERIFY(!xml.contains(QLatin1Char('@')));

        // Every screenshot is committed under resources/screenshots with the size the metainfo
        // states.
        static const QRegularExpression image(QStringLiteral(
            "<image type=\"source\" width=\"(\\d+)\" "
            "height=\"(\\d+)\">https://[^<]+/resources/screenshots/([^<]+\\.png)</image>"));
        auto it = image.globalMatch(xml);
        int count = 0;
        while (it.hasNext()) {
            const auto m = it.next();
            const QString png = resources + QStringLiteral("/screenshots/") + m.captured(3);
            QCOMPARE(pngSize(png), QSize(m.captured(1).toInt(), m.captured(2).toInt()));
            ++count;
        }
        QVERIFY(count >= 1);
    }

    void mimeTypesRegister()
    {
        // A scratch shared-mime-info database with the system's types and ours.
        QVERIFY(m_mimeHome.isValid());
        const QDir mime(m_mimeHome.filePath(QStringLiteral("mime")));
        QVERIFY(mime.mkpath(QStringLiteral("packages")));
        QVERIFY(QFile::copy(QStringLiteral("/usr/share/mime/packages/freedesktop.org.xml"),
            mime.filePath(QStringLiteral("packages/freedesktop.org.xml"))));
        QVERIFY(QFile::copy(resources + QStringLiteral("/kiln-mime.xml"),
            mime.filePath(QStringLiteral("packages/kiln.xml"))));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_mimeHome.path());
        env.insert(QStringLiteral("XDG_DATA_DIRS"), m_mimeHome.path());
        const ProcessResult r
            = runProcess(QStringLiteral("update-mime-database"), {mime.path()}, {}, env);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.err, QString());

        const QString globs = readText(mime.filePath(QStringLiteral("globs2")));
        QVERIFY2(globs.contains(QLatin1String(":text/x-packer-hcl:*.pkr.hcl\n")),
            qPrintable(globs.left(400)));
        QVERIFY(globs.contains(QLatin1String(":application/x-packer+json:*.pkr.json\n")));
        const QString subclasses = readText(mime.filePath(QStringLiteral("subclasses")));
        QVERIFY(subclasses.contains(QLatin1String("text/x-packer-hcl text/plain\n")));
        QVERIFY(subclasses.contains(QLatin1String("application/x-packer+json application/json\n")));

        // Qt reads the same database: templates get our types, other JSON keeps its own.
        qputenv("XDG_DATA_HOME", m_mimeHome.path().toLocal8Bit());
        qputenv("XDG_DATA_DIRS", m_mimeHome.path().toLocal8Bit());
        QMimeDatabase db;
        const QMimeType hcl
            = db.mimeTypeForFile(QStringLiteral("ubuntu.pkr.hcl"), QMimeDatabase::MatchExtension);
        QCOMPARE(hcl.name(), QStringLiteral("text/x-packer-hcl"));
        QVERIFY(hcl.inherits(QStringLiteral("text/plain")));
        const QMimeType json
            = db.mimeTypeForFile(QStringLiteral("ubuntu.pkr.json"), QMimeDatabase::MatchExtension);
        QCOMPARE(json.name(), QStringLiteral("application/x-packer+json"));
        QVERIFY(json.inherits(QStringLiteral("application/json")));
        QCOMPARE(db.mimeTypeForFile(QStringLiteral("package.json"), QMimeDatabase::MatchExtension)
                     .name(),
            QStringLiteral("application/json"));
    }

    void iconsRendered_data()
    {
        QTest::addColumn<int>("size");
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QTest::newRow(qPrintable(QString::number(size))) << size;
    }

    void iconsRendered()
    {
        QFETCH(int, size);
        const QString png
            = buildDir() + QStringLiteral("/packaging/icons/%1x%1/apps/kiln.png").arg(size);
        QCOMPARE(pngSize(png), QSize(size, size));
        QVERIFY(QFileInfo(png).lastModified()
            >= QFileInfo(resources + QStringLiteral("/icons/hicolor/kiln.svg")).lastModified());
    }
};

QTEST_GUILESS_MAIN(TestDesktopFiles)
#include "tst_desktopfiles.moc"
