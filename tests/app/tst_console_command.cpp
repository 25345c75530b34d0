// `kiln console` with piped input: Packer evaluates every line, writes
// diagnostics as they come and prints the last result.

#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run console(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral(KILN_BINARY), QStringList{QStringLiteral("console")} + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString corpus(const QString &rel)
{
    return QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/") + rel;
}

} // namespace

class TestConsoleCommand : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("output");
        QTest::newRow("number") << QByteArray("1 + 2\n") << "3\n";
        QTest::newRow("fraction") << QByteArray("7 / 2\n") << "3.5\n";
        QTest::newRow("string") << QByteArray("upper(\"abc\")\n") << "ABC\n";
        QTest::newRow("list") << QByteArray("[\"a\", 1]\n") << "[\n  \"a\",\n  1,\n]\n";
        QTest::newRow("map") << QByteArray("{b = true, a = null}\n") << "{\n  \"a\" = null\n  \"b\" = true\n}\n";
        QTest::newRow("last line wins") << QByteArray("1\n2\n") << "2\n";
        QTest::newRow("empty list") << QByteArray("[]\n") << "[]\n";
    }
    void values()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, output);
        Run r = console({}, input);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, output);
        QCOMPARE(r.code, 0);
    }

    void templateVariables()
    {
        Run r = console({QStringLiteral("-var=fruit=banana"), corpus(QStringLiteral("var-arg/fruit_builder.pkr.hcl"))},
                        "local.fruit\n");
        QCOMPARE(r.out, QStringLiteral("banana\n"));
        Run vars = console({QStringLiteral("-var=fruit=banana"), corpus(QStringLiteral("var-arg/fruit_builder.pkr.hcl"))},
                           "variables\n");
        QCOMPARE(vars.out, QStringLiteral("> input-variables:\n\nvar.fruit: \"banana\"\n\n> local-variables:\n\n"
                                          "local.fruit: \"banana\"\n\n"));
    }

    void sensitiveIsScrubbed()
    {
        Run r = console({corpus(QStringLiteral("hcl-inspect-with-sensitive-vars"))}, "var.sensitive\n");
        QCOMPARE(r.out, QStringLiteral("<sensitive>\n"));
    }

    void errorsAreDiagnostics()
    {
        Run r = console({}, "var.nope\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("Error: ")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("<console-input> line 1")));
    }
};

QTEST_GUILESS_MAIN(TestConsoleCommand)
#include "tst_console_command.moc"
