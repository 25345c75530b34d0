// End to end through the kiln binary: a file builder's artifact, checksummed, uploaded to
// s3rver and over SFTP to sshd by one post-processor chain; every copy is read back and
// checked against the checksum file the chain wrote.

#include "components/shared/s3/S3Client.h"
#include "support/S3Server.h"
#include "support/SshServer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using namespace kiln::components;

class TestUploadersKilnBuild : public QObject
{
    Q_OBJECT

private slots:
    void fileChecksumS3AndSftp()
    {
        if (const QString why = test::S3Server::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (const QString why = test::SshServer::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(QFile::exists(KILN_BINARY), "build the kiln target first");
        test::S3Server s3;
        s3.addBucket("releases");
        test::SshServer sshd;
        QString error;
        QVERIFY2(s3.start(&error), qPrintable(error));
        QVERIFY2(sshd.start(&error), qPrintable(error));

        QTemporaryDir dir;
        const QString remoteDir = sshd.sharedDir() + "/e2e";
        const QString hcl = QString(R"(
source "file" "image" {
  content = "the image the build made\n"
  target  = "%1/image.txt"
}

build {
  name    = "nightly"
  sources = ["source.file.image"]

  post-processors {
    post-processor "checksum" {
      checksum_types = ["sha256"]
      output         = "%1/image.{{.ChecksumType}}"
    }
    post-processor "s3-upload" {
      bucket     = "releases"
      endpoint   = "%2"
      access_key = "S3RVER"
      secret_key = "S3RVER"
      key_prefix = "builds/{{.BuildName}}/"
    }
    post-processor "sftp-upload" {
      host             = "127.0.0.1"
      port             = %3
      username         = "kilntest"
      private_key_file = "%4"
      host_key         = "%5"
      remote_dir       = "%6"
    }
  }
}
)")
                                .arg(dir.path(), s3.endpoint())
                                .arg(sshd.port())
                                .arg(sshd.clientKeyPath(), sshd.hostPublicKey(), remoteDir);
        QFile f(dir.filePath("t.pkr.hcl"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hcl.toUtf8());
        f.close();

        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(KILN_BINARY, {"build", "-color=false", "t.pkr.hcl"});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains("nightly.file.image (s3-upload): Uploading 2 file(s) to "
                              "s3://releases/builds/image/"),
            qPrintable(out));
        QVERIFY2(out.contains("Uploaded to S3: s3://releases/builds/image/image.txt, "
                              "s3://releases/builds/image/image.sha256"),
            qPrintable(out));
        QVERIFY2(out.contains("Uploaded over SFTP: sftp://kilntest@127.0.0.1:"), qPrintable(out));

        const QByteArray content = "the image the build made\n";
        const QByteArray digest
            = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        QFile sums(dir.filePath("image.sha256"));
        QVERIFY(sums.open(QIODevice::ReadOnly));
        const QByteArray checksumLine = sums.readAll();
        QCOMPARE(checksumLine, digest + "\timage.txt\n");

        QString e;
        auto loc = s3::S3Location::make("releases", "us-east-1", s3.endpoint(), std::nullopt, &e);
        s3::S3Client client(*loc, {"S3RVER", "S3RVER", {}, {}});
        const s3::S3Result object
            = client.getObject("builds/image/image.txt", build::CancelToken::create());
        QVERIFY2(object.ok(), qPrintable(object.error));
        QCOMPARE(object.response.body, content);
        QCOMPARE(object.response.header("x-amz-meta-sha256"), digest);
        QCOMPARE(client.getObject("builds/image/image.sha256", build::CancelToken::create())
                     .response.body,
            checksumLine);

        QFile copy(remoteDir + "/image.txt");
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), content);
        QFile copiedSums(remoteDir + "/image.sha256");
        QVERIFY(copiedSums.open(QIODevice::ReadOnly));
        QCOMPARE(copiedSums.readAll(), checksumLine);
    }
};

QTEST_GUILESS_MAIN(TestUploadersKilnBuild)
#include "tst_uploaderskilnbuild.moc"
