// `kiln validate` end to end: messages, exit codes, flags, diagnostics rendering.

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run kiln(const QStringList &args, const QString &cwd = QString())
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(KILN_BINARY), args);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/template/") + rel;
}

QString corpus(const QString &rel)
{
    return QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/") + rel;
}

QString writeTemplate(QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text);
    return path;
}

} // namespace

class TestValidateCommand : public QObject
{
    Q_OBJECT

private slots:
    void valid()
    {
        Run r = kiln({QStringLiteral("validate"), fixture(QStringLiteral("complete"))});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
    }

    void syntaxOnly()
    {
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("-syntax-only"), corpus(QStringLiteral("validate/var_foo_with_no_default.pkr.hcl"))});
        QCOMPARE(r.out, QStringLiteral("Syntax-only check passed. Everything looks okay.\n"));
        QCOMPARE(r.code, 0);
    }

    void unsetVariable()
    {
        Run r = kiln({QStringLiteral("validate"), corpus(QStringLiteral("validate/var_foo_with_no_default.pkr.hcl"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("Error: Unset variable \"foo\"\n\nA used variable must be set or have a "
                                                "default value; see\n")),
                 qPrintable(r.err));
        QCOMPARE(r.out, QString());
        Run set = kiln({QStringLiteral("validate"), QStringLiteral("-var"), QStringLiteral("foo=bar"),
                        corpus(QStringLiteral("validate/var_foo_with_no_default.pkr.hcl"))});
        // Set, the variable is fine; the file has no build, which Packer rejects next.
        QCOMPARE(set.code, 1);
        QVERIFY2(set.err.startsWith(QLatin1String("Error: Missing build block\n")), qPrintable(set.err));
    }

    void parseErrorShowsSource()
    {
        QTemporaryDir dir;
        const QString path = writeTemplate(dir, "variable \"x\" {\n  bogus = 1\n}\n");
        Run r = kiln({QStringLiteral("validate"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("Error: Unsupported argument\n\n  on %1 line 2, in variable \"x\":\n   2:   bogus = 1\n").arg(path)),
                 qPrintable(r.err));
    }

    void laterErrorsShowTheirSource()
    {
        // Packer writes diagnostics found after parsing without the file's lines
        // ("(source code not available)", its issue #12167); Kiln shows them.
        Run r = kiln({QStringLiteral("validate"), corpus(QStringLiteral("hcl/empty_object/var.pkr.hcl"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("Error: Unsupported attribute\n\n  on ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("line 15, in build:\n  15:       target = \"${var.bar.baz}.txt\"\n")),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("source code not available")));
    }

    void onlyWarnsWhenNothingMatches()
    {
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("-only=docker.*"), fixture(QStringLiteral("complete"))});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Warning: an 'only' option was passed, but not all matches were found "
                                                "for the given build.")),
                 qPrintable(r.out));
        QVERIFY(r.out.endsWith(QLatin1String("The configuration is valid.\n")));
    }

    void undeclaredVarFileWarning()
    {
        const QString dir = corpus(QStringLiteral("validate/var-file-tests/"));
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("-var-file=") + dir + "undeclared.pkrvars.hcl",
                      dir + "basic.pkr.hcl"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Warning: Undefined variable")), qPrintable(r.out));
        Run quiet = kiln({QStringLiteral("validate"), QStringLiteral("-no-warn-undeclared-var"),
                          QStringLiteral("-var-file=") + dir + "undeclared.pkrvars.hcl", dir + "basic.pkr.hcl"});
        QCOMPARE(quiet.out, QStringLiteral("The configuration is valid.\n"));
    }

    void unknownComponent()
    {
        QTemporaryDir dir;
        const QString path = writeTemplate(dir, "source \"null\" \"a\" {\n  communicator = \"none\"\n}\n"
                                                "build {\n  sources = [\"source.null.a\"]\n  provisioner \"shel\" {}\n}\n");
        Run r = kiln({QStringLiteral("validate"), path});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("Error: Unknown provisioner type \"shel\"\n")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("Did you mean to use \"shell\"?")));
    }

    void machineReadable()
    {
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("-machine-readable"), fixture(QStringLiteral("complete"))});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String(",,ui,say,The configuration is valid.\n")), qPrintable(r.out));
    }

    void badFlagsAndArguments()
    {
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("-bogus"), QStringLiteral("x")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.startsWith(QLatin1String("flag provided but not defined: -bogus\n")));
        QVERIFY(r.out.startsWith(QLatin1String("Usage: kiln validate")));
        Run none = kiln({QStringLiteral("validate")});
        QCOMPARE(none.code, 1);
        Run var = kiln({QStringLiteral("validate"), QStringLiteral("-var"), QStringLiteral("novalue"), QStringLiteral("x")});
        QCOMPARE(var.code, 1);
        QVERIFY(var.err.startsWith(QLatin1String("invalid value \"novalue\" for flag -var: No '=' value in arg: novalue")));
    }

    void legacyTemplates()
    {
        Run good = kiln({QStringLiteral("validate"), corpus(QStringLiteral("validate/build.json"))});
        QCOMPARE(good.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(good.code, 0);
        // command/validate_test.go: an unknown provisioner setting fails.
        Run bad = kiln({QStringLiteral("validate"), corpus(QStringLiteral("validate-invalid/bad_provisioner.json"))});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.startsWith(QStringLiteral("Error: Failed to prepare build: \"file\"\n\n1 error occurred:\n\t* "
                                                   "unknown configuration key: '\"comment\"'\n")),
                 qPrintable(bad.err));
        Run broken = kiln({QStringLiteral("validate"), corpus(QStringLiteral("validate-invalid/broken.json"))});
        QCOMPARE(broken.code, 1);
        QVERIFY(broken.err.startsWith(QLatin1String("Failed to parse file as legacy JSON template: ")));
    }

    void missingPath()
    {
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("/nonexistent/dir/x.pkr.hcl")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("stat /nonexistent/dir/x.pkr.hcl: no such file or directory")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validate_command.moc"
