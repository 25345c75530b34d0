// s3-upload against a real S3 API server (s3rver on loopback): single and multipart
// uploads read back by GET, metadata, key prefixes, the credential chain, an unreachable
// endpoint, and cancel during a multipart upload.

#include "components/postprocessors/s3-upload/S3UploadPostProcessor.h"
#include "components/shared/s3/S3Client.h"
#include "support/BuildHarness.h"
#include "support/LoopbackPorts.h"
#include "support/S3Server.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using namespace kiln::build;
using namespace kiln::components;

namespace {

const QString Bucket = QStringLiteral("kiln-artifacts");
constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(seed);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(gen.generate() & 0xff);
    return data;
}

// Cancels the build once an upload has sent more than `threshold` bytes of a file.
class CancellingSink : public test::RecordingSink
{
public:
    CancelTokenPtr token;
    qint64 threshold = 0;
    void post(const BuildEvent &event) override
    {
        test::RecordingSink::post(event);
        if (event.kind == BuildEvent::Kind::Progress
            && event.text.startsWith(QLatin1String("uploading")) && event.bytes > threshold)
            token->cancel();
    }
};

// Kills the S3 server once an upload has sent more than `threshold` bytes of a file.
class ServerKillingSink : public test::RecordingSink
{
public:
    test::S3Server *server = nullptr;
    qint64 threshold = 0;
    void post(const BuildEvent &event) override
    {
        test::RecordingSink::post(event);
        if (event.kind == BuildEvent::Kind::Progress
            && event.text.startsWith(QLatin1String("uploading")) && event.bytes > threshold
            && server->isRunning())
            server->stop();
    }
};

} // namespace

class TestS3Upload : public QObject
{
    Q_OBJECT

private:
    test::S3Server m_server;
    QTemporaryDir m_tmp;

    QString writeFile(const QString &name, const QByteArray &data)
    {
        const QString path = m_tmp.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
        return path;
    }

    QVariantMap baseConfig() const
    {
        return {{"bucket", Bucket}, {"endpoint", m_server.endpoint()},
            {"access_key", test::S3Server::accessKey()},
            {"secret_key", test::S3Server::secretKey()}};
    }

    s3::S3Result get(const QString &key)
    {
        QString error;
        auto loc
            = s3::S3Location::make(Bucket, "us-east-1", m_server.endpoint(), std::nullopt, &error);
        s3::S3Client client(
            *loc, {test::S3Server::accessKey(), test::S3Server::secretKey(), {}, {}});
        client.setRetries(0, 0);
        return client.getObject(key, CancelToken::create());
    }

    PostProcessResult run(test::Harness &h, const QVariantMap &config, const QStringList &files)
    {
        S3UploadPostProcessor pp;
        const PrepareResult prepared = pp.prepare(test::configFrom(config));
        if (!prepared.ok())
            return {nullptr, false, false, prepared.errors.join('\n')};
        auto input = std::make_shared<FileArtifact>("test", files);
        return pp.postProcess(h.ctx, input);
    }

private slots:
    void initTestCase()
    {
        if (const QString why = test::S3Server::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        m_server.addBucket(Bucket);
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void singlePartWithPrefixAndMetadata()
    {
        const QByteArray data = randomBytes(200 * 1024, 1);
        const QString file = writeFile("disk.raw", data);
        test::Harness h;
        QVariantMap config = baseConfig();
        config.insert("key_prefix", "images/{{.BuildName}}/");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.artifact);
        QCOMPARE(r.artifact->id(), "s3://kiln-artifacts/images/example/disk.raw");
        QCOMPARE(r.artifact->files(), QStringList{file});
        QVERIFY(r.keep);

        const s3::S3Result got = get("images/example/disk.raw");
        QVERIFY2(got.ok(), qPrintable(got.error));
        QCOMPARE(got.response.body.size(), data.size());
        QVERIFY(got.response.body == data);
        QCOMPARE(got.response.header("x-amz-meta-sha256"),
            QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QVERIFY(m_server.waitForRequest("PUT /kiln-artifacts/images/example/disk.raw 200"));
    }

    void keysAreEncoded()
    {
        const QString file = writeFile("build 1%2+\u00e9.txt", "odd name\n");
        test::Harness h;
        QVariantMap config = baseConfig();
        config.insert("key_prefix", "odd dir/");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.artifact->id(), QString("s3://kiln-artifacts/odd dir/build 1%2+\u00e9.txt"));
        QVERIFY(m_server.waitForRequest(
            "PUT /kiln-artifacts/odd%20dir/build%201%252%2B%C3%A9.txt 200"));
        QCOMPARE(get("odd dir/build 1%2+\u00e9.txt").response.body, QByteArray("odd name\n"));
    }

    void multipartUploadsThreeParts()
    {
        const QByteArray data = randomBytes(11 * MiB + 123, 2);
        const QString file = writeFile("big.qcow2", data);
        test::Harness h;
        QVariantMap config = baseConfig();
        config.insert("part_size", 5 * MiB);
        config.insert("key_prefix", "multi/");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

        const s3::S3Result got = get("multi/big.qcow2");
        QVERIFY2(got.ok(), qPrintable(got.error));
        QVERIFY(got.response.body == data);
        QCOMPARE(got.response.header("x-amz-meta-sha256"),
            QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());

        // The GET was the last request: once it is logged, so is every upload request.
        QVERIFY(m_server.waitForRequest("GET /kiln-artifacts/multi/big.qcow2 200"));
        // Parts go up in parallel, so in any order.
        QStringList parts;
        for (const QString &req : m_server.requests())
            if (req.startsWith("PUT /kiln-artifacts/multi/big.qcow2?partNumber="))
                parts << req.section('&', 0, 0);
        parts.sort();
        QCOMPARE(parts,
            QStringList({"PUT /kiln-artifacts/multi/big.qcow2?partNumber=1",
                "PUT /kiln-artifacts/multi/big.qcow2?partNumber=2",
                "PUT /kiln-artifacts/multi/big.qcow2?partNumber=3"}));
        QVERIFY(m_server.waitForRequest("POST /kiln-artifacts/multi/big.qcow2?uploads= 200"));
        QVERIFY(m_server.pendingUploads(Bucket).isEmpty());
        QVERIFY(
            h.sink.messages().contains("Uploaded s3://kiln-artifacts/multi/big.qcow2 in 3 parts"));

        // Progress reached the whole file, never beyond it.
        qint64 last = 0;
        for (const BuildEvent &e : h.sink.events())
            if (e.kind == BuildEvent::Kind::Progress && e.text.startsWith("uploading")) {
                QCOMPARE(e.total, data.size());
                QVERIFY(e.bytes <= e.total);
                last = e.bytes;
            }
        QCOMPARE(last, data.size());
    }

    void credentialsFromEnvironment()
    {
        const QString file = writeFile("env.txt", "from the environment\n");
        qputenv("AWS_ACCESS_KEY_ID", "S3RVER");
        qputenv("AWS_SECRET_ACCESS_KEY", "S3RVER");
        test::Harness h;
        QVariantMap config = baseConfig();
        config.remove("access_key");
        config.remove("secret_key");
        const PostProcessResult ok = run(h, config, {file});
        QVERIFY2(ok.error.isEmpty(), qPrintable(ok.error));
        QVERIFY(h.sink.says().constFirst().contains("credentials from the environment"));

        // The key really is the environment's: s3rver knows only S3RVER.
        qputenv("AWS_ACCESS_KEY_ID", "AKIDNOTKNOWN");
        test::Harness h2;
        const PostProcessResult bad = run(h2, config, {file});
        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        QVERIFY(bad.error.contains("403 InvalidAccessKeyId"));
        QVERIFY(bad.error.startsWith(
            "s3-upload: uploading " + file + " to s3://kiln-artifacts/env.txt: PUT "));
        QCOMPARE(get("env.txt").response.body, QByteArray("from the environment\n"));
    }

    void credentialsFromProfileFiles()
    {
        const QString creds = writeFile("credentials",
            "[default]\naws_access_key_id = WRONG\naws_secret_access_key = WRONG\n\n"
            "[ci]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n");
        const QString awsConfig = writeFile("config", "[profile ci]\nregion = eu-west-3\n");
        const QString file = writeFile("profile.txt", "from a profile\n");
        qputenv("AWS_SHARED_CREDENTIALS_FILE", creds.toUtf8());
        qputenv("AWS_CONFIG_FILE", awsConfig.toUtf8());

        // The template names the profile.
        test::Harness h;
        QVariantMap config = baseConfig();
        config.remove("access_key");
        config.remove("secret_key");
        config.insert("profile", "ci");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(h.sink.says().constFirst().contains(
            "region eu-west-3, credentials from profile ci in " + creds));

        // AWS_PROFILE names it.
        config.remove("profile");
        qputenv("AWS_PROFILE", "ci");
        test::Harness h2;
        const PostProcessResult viaEnv = run(h2, config, {file});
        QVERIFY2(viaEnv.error.isEmpty(), qPrintable(viaEnv.error));

        // Without it the default profile's (wrong) key is used.
        qunsetenv("AWS_PROFILE");
        test::Harness h3;
        const PostProcessResult viaDefault = run(h3, config, {file});
        QVERIFY(viaDefault.error.contains("InvalidAccessKeyId"));

        config.insert("profile", "missing");
        test::Harness h4;
        const PostProcessResult missing = run(h4, config, {file});
        qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
        qunsetenv("AWS_CONFIG_FILE");
        QCOMPARE(missing.error,
            QString("s3-upload: failed to get shared config profile, missing (not in %1 or %2)")
                .arg(creds, awsConfig));
    }

    void unreachableEndpoint()
    {
        const QString file = writeFile("unreachable.bin", randomBytes(6 * MiB, 3));
        test::Harness h;
        QVariantMap config = baseConfig();
        config.insert("endpoint", QString("http://127.0.0.1:%1").arg(test::freeLoopbackPort()));
        config.insert("part_size", 5 * MiB);
        config.insert("max_retries", 2);
        config.insert("retry_delay", "10ms");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY(!r.artifact);
        QVERIFY2(
            r.error.contains("Couldn't connect to server") || r.error.contains("Failed to connect"),
            qPrintable(r.error));
        QVERIFY2(r.error.contains("(after 3 attempts)"), qPrintable(r.error));
        QVERIFY(r.error.contains("POST http://127.0.0.1:"));
        // Each retry was announced; nothing was begun, so nothing is left to abort.
        int retries = 0;
        for (const QString &m : h.sink.messages())
            retries += m.contains("; retrying in ") ? 1 : 0;
        QCOMPARE(retries, 2);
        QVERIFY(m_server.pendingUploads(Bucket).isEmpty());
    }

    void cancelDuringMultipartAborts_data()
    {
        QTest::addColumn<int>("parallel");
        QTest::newRow("one part at a time") << 1;
        QTest::newRow("four parts at once") << 4;
    }

    void cancelDuringMultipartAborts()
    {
        QFETCH(int, parallel);
        const QByteArray data = randomBytes(16 * MiB, 4);
        const QString file = writeFile("cancelled.img", data);
        CancellingSink sink;
        test::Harness h;
        h.ctx.ui = BuildUi(h.ctx.name, &sink, h.secrets);
        sink.token = h.ctx.cancel;
        sink.threshold = 6 * MiB; // inside the second part
        QVariantMap config = baseConfig();
        config.insert("part_size", 5 * MiB);
        config.insert("parallel_parts", parallel);
        const QStringList before = m_server.pendingUploads(Bucket);
        const PostProcessResult r = run(h, config, {file});
        QCOMPARE(r.error, QString("s3-upload: upload of %1 cancelled").arg(file));

        // The upload begun is the one AbortMultipartUpload was sent for.
        QStringList begun = m_server.pendingUploads(Bucket);
        for (const QString &id : before)
            begun.removeAll(id);
        QCOMPARE(begun.size(), 1);
        QVERIFY(m_server.waitForRequest(
            "DELETE /kiln-artifacts/cancelled.img?uploadId=" + begun.constFirst() + " 405"));
        // s3rver 3.7.1 does not implement the abort; Kiln says so rather than hide it.
        QVERIFY(sink.errors().constFirst().startsWith("Could not abort multipart upload "
            + begun.constFirst() + " of s3://kiln-artifacts/cancelled.img: DELETE "));
        QVERIFY(sink.errors().constFirst().endsWith(
            "405 MethodNotAllowed: The specified method is not allowed against this resource."));
        // No part after the cancel, no CompleteMultipartUpload, no object.
        if (parallel == 1)
            QVERIFY(!m_server.requests().join('\n').contains("cancelled.img?partNumber=4"));
        QVERIFY(!m_server.requests().contains(
            "POST /kiln-artifacts/cancelled.img?uploadId=" + begun.constFirst() + " 200"));
        QCOMPARE(get("cancelled.img").response.status, 404L);
    }

    void serverGoneMidUpload()
    {
        test::S3Server doomed;
        doomed.addBucket(Bucket);
        QString error;
        QVERIFY2(doomed.start(&error), qPrintable(error));
        const QString file = writeFile("doomed.img", randomBytes(12 * MiB, 5));
        ServerKillingSink sink;
        sink.server = &doomed;
        sink.threshold = 6 * MiB;
        test::Harness h;
        h.ctx.ui = BuildUi(h.ctx.name, &sink, h.secrets);
        QVariantMap config = baseConfig();
        config.insert("endpoint", doomed.endpoint());
        config.insert("part_size", 5 * MiB);
        config.insert("max_retries", 1);
        config.insert("retry_delay", "10ms");
        const PostProcessResult r = run(h, config, {file});
        QVERIFY(!doomed.isRunning());
        QVERIFY(!r.artifact);
        const QString partUrl = doomed.endpoint() + "/kiln-artifacts/doomed.img?partNumber=";
        QVERIFY2(r.error.startsWith("s3-upload: uploading " + file
                     + " to s3://kiln-artifacts/doomed.img: PUT " + partUrl),
            qPrintable(r.error));
        QVERIFY2(r.error.endsWith("(after 2 attempts)"), qPrintable(r.error));
        // The upload it had begun is on the dead server's disk; Kiln tried to abort it and
        // says it could not.
        const QStringList pending = doomed.pendingUploads(Bucket);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(sink.errors().size(), 1);
        QVERIFY2(sink.errors().constFirst().startsWith("Could not abort multipart upload "
                     + pending.constFirst() + " of s3://kiln-artifacts/doomed.img: DELETE "
                     + doomed.endpoint()),
            qPrintable(sink.errors().constFirst()));
    }

    void prepareErrors()
    {
        S3UploadPostProcessor pp;
        const PrepareResult r = pp.prepare(test::configFrom(
            {{"access_key", "A"}, {"part_size", 1024}, {"endpoint", "ftp://x/y"}}));
        QCOMPARE(r.errors,
            QStringList({"bucket must be set", "access_key and secret_key must be set together",
                "part_size must be at least 5242880 bytes (5 MiB, the smallest part S3 accepts), "
                "got 1024",
                "endpoint ftp://x/y is not an http(s) URL without a path"}));
    }

    void partSizeAboveS3sLimit()
    {
        S3UploadPostProcessor pp;
        const PrepareResult r
            = pp.prepare(test::configFrom({{"bucket", "b"}, {"part_size", 6LL * 1024 * MiB}}));
        QCOMPARE(r.errors,
            QStringList{"part_size must be at most 5368709120 bytes (5 GiB, the largest part S3 "
                        "accepts), got 6442450944"});
    }

    void cleanupTestCase() { m_server.stop(); }
};

QTEST_GUILESS_MAIN(TestS3Upload)
#include "tst_s3upload.moc"
