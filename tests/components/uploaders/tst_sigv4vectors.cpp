// libcurl's SigV4 signer (CURLOPT_AWS_SIGV4, which s3-upload relies on) against AWS's
// published Signature Version 4 test suite: each vector's request is sent through libcurl to
// a loopback listener with the vector's fixed X-Amz-Date, and the Authorization header that
// arrives must be the vector's .authz. s3rver does not check signatures, so this is where
// signing is verified.
//
// Where libcurl cannot reproduce a vector, the reason and the libcurl release that changed
// the behaviour are listed below; with that release or later the vector must match.

#include "CapturingListener.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QtTest>
#include <curl/curl.h>

namespace {

const QString Suite = QStringLiteral(KILN_FIXTURES_DIR "/uploaders/aws-sig-v4-test-suite");

struct Deviation
{
    const char *vector;
    unsigned fixedIn; // CURL_VERSION_NUM-style 0xXXYYZZ; 0: not reproducible with any release
    const char *why;
};

// Found by running the suite against Debian 12's libcurl 7.88.1 and reading
// lib/http_aws_sigv4.c at curl-7_88_1 and the commits that changed it since.
constexpr Deviation Deviations[] = {
    {"get-header-key-duplicate", 0x080d00,
        "repeated headers are signed as separate lines, not merged into one comma-separated "
        "value (merged since curl 8.13.0)"},
    {"get-header-value-order", 0x080d00,
        "repeated headers are signed as separate lines, not merged into one comma-separated "
        "value (merged since curl 8.13.0)"},
    {"get-header-value-multiline", 0,
        "an obsolete folded header line cannot be sent through CURLOPT_HTTPHEADER, and libcurl "
        "does not unfold it for signing"},
    {"get-vanilla-query-order-key", 0x080300,
        "the query string is signed as written, not sorted (canonicalised since curl 8.3.0)"},
    {"get-vanilla-query-order-key-case", 0x080300,
        "the query string is signed as written, not sorted (canonicalised since curl 8.3.0)"},
    {"get-vanilla-query-order-value", 0x080300,
        "the query string is signed as written, not sorted (canonicalised since curl 8.3.0)"},
    {"get-vanilla-query-order-encoded", 0x080300,
        "the query string is signed as written, not sorted (canonicalised since curl 8.3.0)"},
    {"get-vanilla-utf8-query", 0x080300,
        "a raw UTF-8 query is signed unencoded (canonicalised since curl 8.3.0)"},
    {"get-utf8", 0x080900,
        "the path is signed as sent, not URI-encoded (encoded since curl 8.9.0)"},
    {"normalize-path/get-special-character", 0x080900,
        "the path is signed as sent ('$' unencoded), not URI-encoded (encoded since curl 8.9.0)"},
    {"normalize-path/get-slash", 0,
        "libcurl keeps empty path segments (//) that the generic SigV4 normalisation removes; "
        "S3 signs paths unnormalised, as libcurl does"},
    {"normalize-path/get-slashes", 0,
        "libcurl keeps empty path segments (//) that the generic SigV4 normalisation removes; "
        "S3 signs paths unnormalised, as libcurl does"},
    {"normalize-path/get-space", 0, "libcurl refuses a URL with a raw space (CURLE_URL_MALFORMAT)"},
};

const Deviation *deviationOf(const QString &name)
{
    for (const Deviation &d : Deviations)
        if (name == QLatin1String(d.vector))
            return &d;
    return nullptr;
}

struct Vector
{
    QByteArray method;
    QByteArray path;
    QList<QByteArray> headers; // "Name:value" as written
    QByteArray body;
    bool folded = false;
};

Vector parseRequest(const QByteArray &text)
{
    Vector v;
    const qsizetype blank = text.indexOf("\n\n");
    const QByteArray head = blank >= 0 ? text.left(blank) : text;
    if (blank >= 0)
        v.body = text.mid(blank + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray first = lines.value(0);
    v.method = first.left(first.indexOf(' '));
    v.path = first.mid(v.method.size() + 1, first.lastIndexOf(" HTTP/") - v.method.size() - 1);
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        if ((lines[i].startsWith(' ') || lines[i].startsWith('\t')) && !v.headers.isEmpty()) {
            v.headers.last() += "\r\n" + lines[i];
            v.folded = true;
        } else {
            v.headers << lines[i];
        }
    }
    return v;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

} // namespace

class TestSigV4Vectors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { curl_global_init(CURL_GLOBAL_DEFAULT); }

    void vectors_data()
    {
        QTest::addColumn<QString>("dir");
        QDirIterator it(Suite, {"*.req"}, QDir::Files, QDirIterator::Subdirectories);
        QStringList names;
        while (it.hasNext())
            names << QDir(Suite).relativeFilePath(QFileInfo(it.next()).path());
        names.sort();
        QVERIFY(names.size() >= 30);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void vectors()
    {
        QFETCH(QString, dir);
        const QString base = Suite + '/' + dir + '/' + QFileInfo(dir).fileName();
        Vector v = parseRequest(readFile(base + ".req"));
        const QByteArray expected = readFile(base + ".authz").trimmed();
        const QByteArray creq = readFile(base + ".creq");
        // get-vanilla-with-session-token signs a token its .req leaves out (it is in .sreq).
        if (creq.contains("\nx-amz-security-token:")
            && !v.headers.join('\n').toLower().contains("x-amz-security-token")) {
            const qsizetype at = creq.indexOf("\nx-amz-security-token:") + 22;
            v.headers << "X-Amz-Security-Token:" + creq.mid(at, creq.indexOf('\n', at) - at);
        }

        kiln::test::CapturingListener listener;
        CURL *e = curl_easy_init();
        const QByteArray url = "http://127.0.0.1:" + QByteArray::number(listener.port()) + v.path;
        curl_easy_setopt(e, CURLOPT_URL, url.constData());
        curl_easy_setopt(e, CURLOPT_AWS_SIGV4, "aws:amz:us-east-1:service");
        curl_easy_setopt(e, CURLOPT_USERNAME, "AKIDEXAMPLE");
        curl_easy_setopt(e, CURLOPT_PASSWORD, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, 5000L);
        curl_slist *headers = nullptr;
        for (const QByteArray &h : std::as_const(v.headers))
            headers = curl_slist_append(headers, h.constData());
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
        if (v.method == "POST") {
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, v.body.constData());
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, long(v.body.size()));
        } else if (v.method != "GET") {
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, v.method.constData());
        }
        const CURLcode rc = curl_easy_perform(e);
        curl_slist_free_all(headers);
        curl_easy_cleanup(e);

        const QByteArray got = rc == CURLE_OK ? listener.headerValues("Authorization").value(0)
                                              : QByteArray(curl_easy_strerror(rc));
        const Deviation *deviation = deviationOf(dir);
        const unsigned version = curl_version_info(CURLVERSION_NOW)->version_num;
        if (deviation && (deviation->fixedIn == 0 || version < deviation->fixedIn)) {
            // The documented deviation is real: if libcurl starts matching, the table is stale.
            QVERIFY2(got != expected, qPrintable("now matches, update the table: " + dir));
            qInfo("%s: libcurl %s differs as documented: %s", qPrintable(dir),
                curl_version_info(CURLVERSION_NOW)->version, deviation->why);
            return;
        }
        QCOMPARE(rc, CURLE_OK);
        QCOMPARE(got, expected);
        // The date is the vector's, taken from the X-Amz-Date header it sets.
        QVERIFY(listener.headerValues("X-Amz-Date").contains("20150830T123600Z"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4Vectors)
#include "tst_sigv4vectors.moc"
