// Encoding functions: base64decode base64encode base64gzip csvdecode jsondecode
// jsonencode textdecodebase64 textencodebase64 urlencode yamldecode yamlencode.

#include "FunctionTestSupport.h"

#include <zlib.h>

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestEncodingFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("base64encode(\"Hello World\")", "\"SGVsbG8gV29ybGQ=\"");
        row("base64decode(\"SGVsbG8gV29ybGQ=\")", "\"Hello World\"");
        row("base64decode(\"SGVsbG8gV29ybGQ\")", "ERROR: Call to function \"base64decode\" failed: failed to decode base64 data 'SGVsbG8gV29ybGQ'.");
        row("base64decode(\"/w==\")", "ERROR: Call to function \"base64decode\" failed: the result of decoding the the provided string is not valid UTF-8.");
        row("urlencode(\"Hello World!\")", "\"Hello+World%21\"");
        row("urlencode(\"a/b?c=d&e~f\")", "\"a%2Fb%3Fc%3Dd%26e~f\"");
        row("textencodebase64(\"Hello World\", \"UTF-16LE\")", "\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\"");
        row("textdecodebase64(\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\", \"UTF-16LE\")", "\"Hello World\"");
        row("textencodebase64(\"x\", \"not-an-encoding\")", "ERROR: Invalid value for \"encoding\" parameter: \"not-an-encoding\" is not a supported IANA encoding name or alias.");
        row("textencodebase64(\"€\", \"ISO-8859-1\")", "ERROR: Invalid value for \"string\" parameter: the given string contains characters that cannot be represented in ISO-8859-1.");
        row("textdecodebase64(\"#\", \"UTF-8\")", "ERROR: Invalid value for \"source\" parameter: the given value is has an invalid base64 symbol at offset 0.");
        row("jsonencode({hello = \"world\"})", "\"{\\\"hello\\\":\\\"world\\\"}\"");
        row("jsonencode([1, true, null, \"<&>\"])", "\"[1,true,null,\\\"\\\\u003c\\\\u0026\\\\u003e\\\"]\"");
        row("jsonencode(null)", "\"null\"");
        row("jsonencode(0.1)", "\"0.1\"");
        row("jsondecode(\"{\\\"hello\\\": \\\"world\\\"}\")", "{hello=\"world\"}");
        row("jsondecode(\"[1, true, null, 12345678901234567890]\")", "[1, true, null, 12345678901234567890]");
        row("jsondecode(\"true\")", "true");
        row("jsondecode(\"\")", "ERROR: Call to function \"jsondecode\" failed: EOF.");
        row("jsondecode(\"[1, tru]\")", "ERROR: Call to function \"jsondecode\" failed: invalid character ']' in literal true (expecting 'e').");
        row("jsondecode(\"{\\\"a\\\": 1, \\\"a\\\": 2}\")", "ERROR: Call to function \"jsondecode\" failed: duplicate \"a\" property in JSON object.");
        row("jsondecode(\"1 2\")", "ERROR: Call to function \"jsondecode\" failed: extraneous data after JSON object.");
        row("csvdecode(\"a,b,c\\n1,2,3\\n4,5,6\")", "list[{a=\"1\", b=\"2\", c=\"3\"}, {a=\"4\", b=\"5\", c=\"6\"}]");
        row("csvdecode(\"a,b\\n\\\"x,y\\\",2\\n\")", "list[{a=\"x,y\", b=\"2\"}]");
        row("csvdecode(\"a,b\")", "list[]");
        row("csvdecode(\"\")", "ERROR: Call to function \"csvdecode\" failed: missing header line.");
        row("csvdecode(\"a,a\\n1,2\")", "ERROR: Call to function \"csvdecode\" failed: duplicate column name \"a\".");
        row("csvdecode(\"a,b\\n1,2,3\")", "ERROR: Call to function \"csvdecode\" failed: CSV parse error on line 2: wrong number of fields.");
        row("csvdecode(\"a,b\\n1,\\\"x\\\"y\\n\")", "ERROR: Call to function \"csvdecode\" failed: CSV parse error on line 2: extraneous or missing \" in quoted-field.");
        row("yamldecode(\"a: yes\\nb: 0x1F\\nc: 2001-12-14\\nd: ~\\ne: '1'\\nf: 1.5\")", "{a=true, b=31, c=\"2001-12-14T00:00:00Z\", d=null, e=\"1\", f=1.5}");
        row("yamldecode(\"- 1\\n- [a, b]\\n- {x: y, z: w}\")", "[1, [\"a\", \"b\"], {x=true, z=\"w\"}]");
        row("yamldecode(\"base: &b {a: 1}\\nderived:\\n  <<: *b\\n  c: 2\")", "{base={a=1}, derived={a=1, c=2}}");
        row("yamldecode(\"a: 1\\n---\\nb: 2\")", "ERROR: Call to function \"yamldecode\" failed: on line 3, column 1: only a single document is allowed.");
        row("yamlencode({a = \"b\", c = [1, 2], d = {e = \"f\"}, g = \"x\\ny\"})", "\"\\\"a\\\": \\\"b\\\"\\n\\\"c\\\":\\n- 1\\n- 2\\n\\\"d\\\":\\n  \\\"e\\\": \\\"f\\\"\\n\\\"g\\\": |-\\n  x\\n  y\\n\"");
        row("yamlencode(1)", "\"1\\n...\\n\"");
        row("yamlencode([{a = 1, b = 2}, [3], []])", "\"- \\\"a\\\": 1\\n  \\\"b\\\": 2\\n- - 3\\n- []\\n\"");
        row("yamlencode(\"tab\\there\") == \"\\\"tab\\\\there\\\"\\n\"", "true");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        // Rows state expectations in escaped form; compare the unescaped value.
        QString want = expected;
        want.replace(QLatin1String("\\n"), QLatin1String("\n")).replace(QLatin1String("\\t"), QLatin1String("\t"));
        want.replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\\\"), QLatin1String("\\"));
        if (!expected.startsWith(QLatin1String("\"")))
            want = expected;
        QCOMPARE(run(expr), want);
    }

    // base64gzip's deflate bytes come from zlib, so check it round-trips and
    // carries Go's gzip header.
    void base64gzipRoundTrips()
    {
        const QString out = run(QStringLiteral("base64gzip(\"test\")"));
        QVERIFY(out.startsWith(QLatin1Char('"')));
        const QByteArray gz = QByteArray::fromBase64(out.mid(1, out.size() - 2).toLatin1());
        QCOMPARE(gz.left(10), QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10));
        z_stream zs {};
        QVERIFY(inflateInit2(&zs, 16 + MAX_WBITS) == Z_OK);
        char buf[64];
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData()));
        zs.avail_in = uInt(gz.size());
        zs.next_out = reinterpret_cast<Bytef *>(buf);
        zs.avail_out = sizeof buf;
        QCOMPARE(inflate(&zs, Z_FINISH), Z_STREAM_END);
        QCOMPARE(QByteArray(buf, int(sizeof buf - zs.avail_out)), QByteArray("test"));
        inflateEnd(&zs);
    }
};

QTEST_GUILESS_MAIN(TestEncodingFunctions)
#include "tst_functions_encoding.moc"
