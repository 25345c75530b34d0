// The S3 client's retry and error handling against scripted HTTP answers: 5xx and 429 are
// retried with backoff, other 4xx are not, an error inside a 200 (CompleteMultipartUpload)
// is one, and every request carries the payload hash and Content-MD5 it is signed with.

#include "ScriptedHttpServer.h"
#include "components/shared/s3/S3Client.h"
#include "components/shared/s3/S3FileUploader.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using namespace kiln::components::s3;
using kiln::test::ScriptedHttpServer;

namespace {

const QByteArray SlowDown = "<?xml version=\"1.0\"?><Error><Code>SlowDown</Code>"
                            "<Message>Please reduce your request rate.</Message></Error>";
const QByteArray Denied
    = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";

std::unique_ptr<S3Client> client(int port, QStringList *log)
{
    QString error;
    auto loc = S3Location::make(
        "b", "eu-west-1", QString("http://127.0.0.1:%1").arg(port), std::nullopt, &error);
    auto c = std::make_unique<S3Client>(*loc, AwsCredentials{"AKID", "secret", "token", {}});
    c->setRetries(3, 5);
    c->setLog([log](const QString &line) { *log << line; });
    return c;
}

QByteArray header(const QByteArray &request, const QByteArray &name)
{
    for (const QByteArray &line : request.left(request.indexOf("\r\n\r\n")).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

class TestS3Client : public QObject
{
    Q_OBJECT

private slots:
    void retriesServerErrors()
    {
        ScriptedHttpServer server({ScriptedHttpServer::response(503, SlowDown),
            ScriptedHttpServer::response(500), ScriptedHttpServer::response(429),
            ScriptedHttpServer::response(200, {}, "ETag: \"abc\"\r\n")});
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3Client &c = *owned;
        QByteArray etag;
        const S3Result r
            = c.uploadPart("k", "id/+", 2, "part body", &etag, {}, build::CancelToken::create());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 4);
        QCOMPARE(etag, QByteArray("\"abc\""));
        const QString url = QString("PUT http://127.0.0.1:%1/b/k?partNumber=2&uploadId=id%2F%2B")
                                .arg(server.port());
        QCOMPARE(log,
            QStringList({url + ": HTTP 503; retrying in 5 ms (attempt 2 of 4)",
                url + ": HTTP 500; retrying in 10 ms (attempt 3 of 4)",
                url + ": HTTP 429; retrying in 20 ms (attempt 4 of 4)"}));

        // Each attempt sent the whole body, signed with its hash, for the right region.
        const QList<QByteArray> requests = server.requests();
        QCOMPARE(requests.size(), 4);
        for (const QByteArray &req : requests) {
            QVERIFY(req.endsWith("\r\n\r\npart body"));
            QCOMPARE(header(req, "x-amz-content-sha256"),
                QCryptographicHash::hash("part body", QCryptographicHash::Sha256).toHex());
            QCOMPARE(header(req, "Content-MD5"),
                QCryptographicHash::hash("part body", QCryptographicHash::Md5).toBase64());
            QCOMPARE(header(req, "X-Amz-Security-Token"), QByteArray("token"));
            const QByteArray auth = header(req, "Authorization");
            QVERIFY2(auth.startsWith("AWS4-HMAC-SHA256 Credential=AKID/"), auth.constData());
            QVERIFY(auth.contains("/eu-west-1/s3/aws4_request, SignedHeaders="));
            QVERIFY(auth.contains(
                "content-md5;host;x-amz-content-sha256;x-amz-date;x-amz-security-token"));
        }
    }

    void givesUpAfterMaxRetries()
    {
        ScriptedHttpServer server({ScriptedHttpServer::response(503, SlowDown),
            ScriptedHttpServer::response(503, SlowDown),
            ScriptedHttpServer::response(503, SlowDown),
            ScriptedHttpServer::response(503, SlowDown)});
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3Client &c = *owned;
        const S3Result r = c.putObject("k", "x", {}, {}, build::CancelToken::create());
        QCOMPARE(r.error,
            QString("PUT http://127.0.0.1:%1/b/k: 503 SlowDown: Please reduce your request rate. "
                    "(after 4 attempts)")
                .arg(server.port()));
        QCOMPARE(log.size(), 3);
    }

    void clientErrorsAreNotRetried()
    {
        ScriptedHttpServer server(
            {ScriptedHttpServer::response(403, Denied), ScriptedHttpServer::response(200)});
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3Client &c = *owned;
        const S3Result r = c.putObject("dir/a b", "x", {}, {}, build::CancelToken::create());
        QCOMPARE(r.error,
            QString("PUT http://127.0.0.1:%1/b/dir/a%20b: 403 AccessDenied: Access Denied")
                .arg(server.port()));
        QCOMPARE(r.attempts, 1);
        QVERIFY(log.isEmpty());
    }

    void errorInsideOkIsRetried()
    {
        const QByteArray internal = "<Error><Code>InternalError</Code><Message>We encountered an "
                                    "internal error.</Message></Error>";
        ScriptedHttpServer server({ScriptedHttpServer::response(200, internal),
            ScriptedHttpServer::response(200,
                "<CompleteMultipartUploadResult><ETag>\"x-2\"</ETag></"
                "CompleteMultipartUploadResult>")});
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3Client &c = *owned;
        const S3Result r = c.completeMultipartUpload(
            "k", "u1", {"\"e1\"", "\"e2\""}, build::CancelToken::create());
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.attempts, 2);
        const QByteArray sent = server.requests().constFirst();
        QVERIFY(sent.startsWith("POST /b/k?uploadId=u1 HTTP/1.1\r\n"));
        QVERIFY(sent.endsWith("<Part><PartNumber>1</PartNumber><ETag>&quot;e1&quot;</ETag></Part>"
                              "<Part><PartNumber>2</PartNumber><ETag>&quot;e2&quot;</ETag></Part>"
                              "</CompleteMultipartUpload>"));
    }

    void failedPartAbortsTheUpload()
    {
        ScriptedHttpServer server({
            ScriptedHttpServer::response(200,
                "<InitiateMultipartUploadResult><UploadId>U-1</UploadId></"
                "InitiateMultipartUploadResult>"),
            ScriptedHttpServer::response(200, {}, "ETag: \"p1\"\r\n"),
            ScriptedHttpServer::response(403, Denied),
            ScriptedHttpServer::response(204),
        });
        QTemporaryDir dir;
        QFile f(dir.filePath("ten.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789");
        f.close();
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3UploadSettings options;
        options.partSize = 4;
        options.concurrency = 1; // the scripted server answers one connection at a time
        options.storageClass = "STANDARD_IA";
        S3FileUploader uploader(*owned, options);
        const S3FileUploader::Outcome outcome
            = uploader.upload(f.fileName(), "ten.bin", {}, build::CancelToken::create());
        QVERIFY(outcome.error.endsWith("403 AccessDenied: Access Denied"));
        QCOMPARE(outcome.uploadId, QString("U-1"));
        QVERIFY(outcome.aborted);
        QCOMPARE(outcome.parts, 1);

        const QList<QByteArray> requests = server.requests();
        QCOMPARE(requests.size(), 4);
        QVERIFY(requests[0].startsWith("POST /b/ten.bin?uploads= HTTP/1.1"));
        // The object's headers go with CreateMultipartUpload, not with the parts.
        QCOMPARE(header(requests[0], "x-amz-storage-class"), QByteArray("STANDARD_IA"));
        QCOMPARE(header(requests[0], "x-amz-meta-sha256"),
            QCryptographicHash::hash("0123456789", QCryptographicHash::Sha256).toHex());
        QVERIFY(requests[1].startsWith("PUT /b/ten.bin?partNumber=1&uploadId=U-1 HTTP/1.1"));
        QVERIFY(requests[1].endsWith("\r\n\r\n0123"));
        QCOMPARE(header(requests[1], "x-amz-storage-class"), QByteArray());
        QVERIFY(requests[2].startsWith("PUT /b/ten.bin?partNumber=2&uploadId=U-1 HTTP/1.1"));
        QVERIFY(requests[3].startsWith("DELETE /b/ten.bin?uploadId=U-1 HTTP/1.1"));
    }

    void cancelDuringBackoff()
    {
        ScriptedHttpServer server(
            {ScriptedHttpServer::response(503, SlowDown), ScriptedHttpServer::response(200)});
        QStringList log;
        const auto owned = client(server.port(), &log);
        S3Client &c = *owned;
        c.setRetries(3, 60000);
        auto token = build::CancelToken::create();
        c.setLog([token](const QString &) { token->cancel(); });
        QElapsedTimer timer;
        timer.start();
        const S3Result r = c.putObject("k", "x", {}, {}, token);
        QVERIFY(r.cancelled);
        QCOMPARE(r.error, QString("cancelled"));
        QVERIFY(timer.elapsed() < 5000);
    }
};

QTEST_GUILESS_MAIN(TestS3Client)
#include "tst_s3client.moc"
