// The qemu builder's ISO / disk image retrieval: local files used in place after their
// checksum is checked, Packer's mismatch message, checksum files, and the download cache
// (a second fetch of the same URL makes no request) against a local HTTP server.
#include "components/shared/qemu/IsoDownloader.h"
#include "components/shared/qemu/StaticHttpServer.h"
#include "support/BuildHarness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace kiln;
using namespace kiln::components;

class TestQemuDownload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_image;
    QString m_sha256;

    QString fetch(const QString &url, const QString &checksum, test::Harness &h, QString *error)
    {
        IsoDownloader::Request r;
        r.urls = {url};
        r.checksum = checksum;
        return IsoDownloader::fetch(r, h.ctx.ui, h.ctx.cancel, error);
    }

private slots:
    void initTestCase()
    {
        qputenv("PACKER_CACHE_DIR", m_tmp.filePath("cache").toUtf8());
        m_image = m_tmp.filePath("disk.img");
        QFile f(m_image);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray data = QByteArray("kiln qemu image ").repeated(50000);
        f.write(data);
        f.close();
        m_sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }

    void localFileUsedInPlace()
    {
        test::Harness h;
        QString error;
        const QString path = fetch(QUrl::fromLocalFile(m_image).toString(), "sha256:" + m_sha256, h, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(path, m_image);
        const QStringList says = h.sink.says();
        QCOMPARE(says.first(), QStringLiteral("Retrieving ISO"));
        QCOMPARE(says.at(1), "Trying file://" + m_image);
        QCOMPARE(says.last(), QStringLiteral("file://%1?checksum=sha256%3A%2 => %1").arg(m_image, m_sha256));
    }

    void checksumMismatch()
    {
        test::Harness h;
        QString error;
        const QString wrong = QString(64, QLatin1Char('0'));
        QVERIFY(fetch(m_image, "sha256:" + wrong, h, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("error downloading ISO: [Checksums did not match for %1.\nExpected: %2\nGot: %3\n*sha256.digest]")
                            .arg(m_image, wrong, m_sha256));
        QVERIFY(h.sink.says().filter("Checksum did not match, removing ").size() == 1);
        QVERIFY(QFile::exists(m_image)); // a local source is never deleted
    }

    void checksumFile()
    {
        QFile sums(m_tmp.filePath("SHA256SUMS"));
        QVERIFY(sums.open(QIODevice::WriteOnly));
        sums.write(QString("%1  other.img\n%2 *disk.img\n").arg(QString(64, 'a'), m_sha256).toUtf8());
        sums.close();
        test::Harness h;
        QString error;
        QCOMPARE(fetch(m_image, "file:" + sums.fileName(), h, &error), m_image);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void httpDownloadIsCached()
    {
        StaticHttpServer server;
        QCOMPARE(server.start("127.0.0.1", 18000, 18999, m_tmp.path(), {}), QString());
        const QString url = QStringLiteral("http://127.0.0.1:%1/disk.img").arg(server.port());
        QString error;
        test::Harness h1;
        const QString first = fetch(url, "sha256:" + m_sha256, h1, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString sha1 = QString::fromLatin1(QCryptographicHash::hash(("sha256:" + m_sha256).toUtf8(), QCryptographicHash::Sha1).toHex());
        QCOMPARE(first, QDir(m_tmp.filePath("cache")).filePath(sha1 + ".iso"));
        QCOMPARE(server.requests(), QStringList{"/disk.img"});
        QVERIFY(h1.sink.events().size() > 3);

        test::Harness h2;
        QCOMPARE(fetch(url, "sha256:" + m_sha256, h2, &error), first);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(server.requests().size(), 1); // served from the cache

        // A missing file: Packer's "bad response code" wrapped in the download error.
        test::Harness h3;
        QVERIFY(fetch(url + ".missing", "none", h3, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("error downloading ISO: [bad response code: 404]"));
    }
};

QTEST_GUILESS_MAIN(TestQemuDownload)
#include "tst_qemudownload.moc"
