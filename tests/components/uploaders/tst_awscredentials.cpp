// The AWS credential chain and region resolution s3-upload uses, over explicit
// environments and real files (no network).

#include "components/shared/s3/AwsCredentials.h"
#include "components/shared/s3/AwsIniFile.h"
#include "components/shared/s3/S3Location.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln::components::s3;

class TestAwsCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    QString write(const QString &rel, const QByteArray &text)
    {
        QDir(m_home.path()).mkpath(QFileInfo(rel).path());
        QFile f(m_home.filePath(rel));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        return f.fileName();
    }
    AwsCredentialChain::Environment env(
        std::initializer_list<std::pair<QString, QString>> extra = {})
    {
        AwsCredentialChain::Environment e{{"HOME", m_home.path()}};
        for (const auto &[k, v] : extra)
            e.insert(k, v);
        return e;
    }

private slots:
    void initTestCase()
    {
        write(".aws/credentials",
            "# comment\n[default]\naws_access_key_id = DEFAULTKEY\naws_secret_access_key = "
            "defaultsecret\n"
            "\n[ci]\naws_access_key_id=CIKEY\naws_secret_access_key=cisecret\naws_session_token = "
            "citoken\n"
            "s3 =\n  max_concurrent_requests = 4\n");
        write(".aws/config",
            "[default]\nregion = eu-central-1\n[profile ci]\nregion = ap-south-1\n"
            "[profile onlyconfig]\naws_access_key_id = CFGKEY\naws_secret_access_key = "
            "cfgsecret\n");
    }

    void iniFile()
    {
        AwsIniFile ini;
        ini.parse("[a]\nk = v = w\n; c\n  nested = x\n[b]\r\nk2=v2\r\n");
        QCOMPARE(ini.value("a", "k"), "v = w");
        QCOMPARE(ini.value("a", "nested"), QString());
        QCOMPARE(ini.value("b", "k2"), "v2");
        QVERIFY(!ini.hasSection("c"));
    }

    void order_data()
    {
        QTest::addColumn<QVariantMap>("options");
        QTest::addColumn<QVariantMap>("environment");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("region");

        QTest::newRow("template keys win")
            << QVariantMap{{"accessKey", "TPL"}, {"secretKey", "s"}}
            << QVariantMap{{"AWS_ACCESS_KEY_ID", "ENV"}, {"AWS_SECRET_ACCESS_KEY", "e"}} << "TPL"
            << ""
            << "eu-central-1";
        QTest::newRow("environment before files")
            << QVariantMap{}
            << QVariantMap{{"AWS_ACCESS_KEY_ID", "ENV"}, {"AWS_SECRET_ACCESS_KEY", "e"},
                   {"AWS_SESSION_TOKEN", "t"}, {"AWS_REGION", "us-west-2"}}
            << "ENV"
            << "t"
            << "us-west-2";
        QTest::newRow("template profile before environment")
            << QVariantMap{{"profile", "ci"}}
            << QVariantMap{{"AWS_ACCESS_KEY_ID", "ENV"}, {"AWS_SECRET_ACCESS_KEY", "e"}} << "CIKEY"
            << "citoken"
            << "ap-south-1";
        QTest::newRow("AWS_PROFILE")
            << QVariantMap{}
            << QVariantMap{{"AWS_PROFILE", "ci"}, {"AWS_DEFAULT_REGION", "sa-east-1"}} << "CIKEY"
            << "citoken"
            << "sa-east-1";
        QTest::newRow("default profile") << QVariantMap{} << QVariantMap{} << "DEFAULTKEY"
                                         << ""
                                         << "eu-central-1";
        QTest::newRow("keys in the config file")
            << QVariantMap{{"profile", "onlyconfig"}} << QVariantMap{} << "CFGKEY"
            << ""
            << "us-east-1";
        QTest::newRow("template region") << QVariantMap{{"region", "af-south-1"}}
                                         << QVariantMap{{"AWS_REGION", "x"}} << "DEFAULTKEY"
                                         << ""
                                         << "af-south-1";
    }

    void order()
    {
        QFETCH(QVariantMap, options);
        QFETCH(QVariantMap, environment);
        QFETCH(QString, key);
        QFETCH(QString, token);
        QFETCH(QString, region);
        AwsCredentialSettings o;
        o.accessKey = options.value("accessKey").toString();
        o.secretKey = options.value("secretKey").toString();
        o.profile = options.value("profile").toString();
        o.region = options.value("region").toString();
        AwsCredentialChain::Environment e = env();
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            e.insert(it.key(), it.value().toString());
        QString error;
        const AwsCredentials c = AwsCredentialChain::resolve(o, e, &error);
        QVERIFY2(c.isValid(), qPrintable(error));
        QCOMPARE(c.accessKeyId, key);
        QCOMPARE(c.sessionToken, token);
        QCOMPARE(AwsCredentialChain::resolveRegion(o, e), region);
    }

    void filesFromEnvironmentAndOptions()
    {
        const QString other = write("elsewhere/creds",
            "[default]\naws_access_key_id = ELSEWHERE\naws_secret_access_key = x\n");
        QString error;
        AwsCredentialSettings o;
        AwsCredentials c
            = AwsCredentialChain::resolve(o, env({{"AWS_SHARED_CREDENTIALS_FILE", other}}), &error);
        QCOMPARE(c.accessKeyId, "ELSEWHERE");
        QCOMPARE(c.source, "profile default in " + other);
        o.sharedCredentialsFile = "~/elsewhere/creds";
        c = AwsCredentialChain::resolve(o, env(), &error);
        QCOMPARE(c.accessKeyId, "ELSEWHERE");
    }

    void errors()
    {
        QString error;
        AwsCredentialSettings half;
        half.accessKey = "A";
        QVERIFY(!AwsCredentialChain::resolve(half, env(), &error).isValid());
        QCOMPARE(error, "access_key and secret_key must be set together");

        QTemporaryDir empty;
        const AwsCredentialChain::Environment bare{{"HOME", empty.path()}};
        QVERIFY(!AwsCredentialChain::resolve({}, bare, &error).isValid());
        QCOMPARE(error,
            QString("no valid credential sources found: set access_key and secret_key, "
                    "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or profile default in "
                    "%1/.aws/credentials or %1/.aws/config")
                .arg(empty.path()));
    }

    void locations()
    {
        QString error;
        auto aws = S3Location::make("bucket", "eu-west-1", {}, std::nullopt, &error);
        QCOMPARE(aws->url("dir/a b+c.img"),
            "https://bucket.s3.eu-west-1.amazonaws.com/dir/a%20b%2Bc.img");
        auto dotted = S3Location::make("my.bucket", "eu-west-1", {}, std::nullopt, &error);
        QCOMPARE(dotted->url("k"), "https://s3.eu-west-1.amazonaws.com/my.bucket/k");
        auto forced = S3Location::make("b", "us-east-1", {}, true, &error);
        QCOMPARE(forced->url("k", "uploads="), "https://s3.us-east-1.amazonaws.com/b/k?uploads=");
        auto custom
            = S3Location::make("b", "us-east-1", "http://127.0.0.1:9000", std::nullopt, &error);
        QCOMPARE(custom->url("k/é"), "http://127.0.0.1:9000/b/k/%C3%A9");
        auto vhost = S3Location::make("b", "us-east-1", "minio.example", false, &error);
        QCOMPARE(vhost->url("k"), "https://b.minio.example/k");
        QCOMPARE(custom->s3Url("k/x"), "s3://b/k/x");
        QCOMPARE(S3Location::encodeQueryValue("a/b=c"), "a%2Fb%3Dc");
        QVERIFY(!S3Location::make("b", "r", "http://host/path", std::nullopt, &error));
    }
};

QTEST_GUILESS_MAIN(TestAwsCredentials)
#include "tst_awscredentials.moc"
