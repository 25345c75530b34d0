// `kiln inspect`: Packer's HCL2 inspect format (compared with the expected
// outputs of Packer's command/inspect_test.go) and its legacy JSON format.

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

Run kiln(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(KILN_BINARY), args);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QString corpus(const QString &rel)
{
    return QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/") + rel;
}

const char *fruitExpected = R"(Packer Inspect: HCL2 mode

> input-variables:

var.fruit: "%1"

> local-variables:

local.fruit: "%1"

> builds:

  > <unnamed build 0>:

    sources:

      null.builder

    provisioners:

      shell-local

    post-processors:

      <no post-processor>

)";

} // namespace

class TestInspectCommand : public QObject
{
    Q_OBJECT

private slots:
    void sensitiveVariables()
    {
        QFile expected(corpus(QStringLiteral("hcl-inspect-with-sensitive-vars/expected-output.txt")));
        QVERIFY(expected.open(QIODevice::ReadOnly));
        Run r = kiln({QStringLiteral("inspect"), corpus(QStringLiteral("hcl-inspect-with-sensitive-vars"))});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QString::fromUtf8(expected.readAll()));
    }

    void unsetAndSetVariable()
    {
        const QString path = corpus(QStringLiteral("var-arg/fruit_builder.pkr.hcl"));
        Run unset = kiln({QStringLiteral("inspect"), path});
        QCOMPARE(unset.code, 0);
        QCOMPARE(unset.out, QString::fromUtf8(fruitExpected).arg(QStringLiteral("<unknown>")));
        Run set = kiln({QStringLiteral("inspect"), QStringLiteral("-var=fruit=banana"), path});
        QCOMPARE(set.out, QString::fromUtf8(fruitExpected).arg(QStringLiteral("banana")));
    }

    void namedBuildsAndChains()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("t.pkr.hcl")));
        f.open(QIODevice::WriteOnly);
        f.write("variable \"l\" {\n  default = [\"a\", \"b\"]\n}\nsource \"null\" \"x\" {}\n"
                "build {\n  name = \"b1\"\n  description = \"Two\\nlines\"\n  sources = [\"source.null.x\"]\n"
                "  provisioner \"shell\" {\n    name = \"p\"\n  }\n  post-processor \"manifest\" {}\n"
                "  post-processors {\n    post-processor \"checksum\" {}\n    post-processor \"compress\" {\n"
                "      name = \"c\"\n    }\n  }\n}\n");
        f.close();
        Run r = kiln({QStringLiteral("inspect"), f.fileName()});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("Packer Inspect: HCL2 mode\n\n> input-variables:\n\n"
                                       "var.l: \"[\\n  \\\"a\\\",\\n  \\\"b\\\",\\n]\"\n\n> local-variables:\n\n\n"
                                       "> builds:\n\n  > b1:\n\n  > Description: Two\nlines\n\n    sources:\n\n"
                                       "      null.x\n\n    provisioners:\n\n      shell.p\n\n    post-processors:\n\n"
                                       "      0:\n        manifest\n\n      1:\n        checksum\n        compress.c\n\n"));
    }

    void legacyTemplate()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("t.json")));
        f.open(QIODevice::WriteOnly);
        f.write(R"({"description": "Demo", "variables": {"req": null, "a": "1", "secret": "s3"},
                    "sensitive-variables": ["secret"],
                    "builders": [{"type": "null", "communicator": "none"}, {"type": "null", "name": "second"}],
                    "provisioners": [{"type": "shell", "inline": ["true"]}]})");
        f.close();
        Run r = kiln({QStringLiteral("inspect"), f.fileName()});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("Packer Inspect: JSON mode\nDescription:\n\nDemo\n\nRequired variables:\n\n  req\n\n"
                                       "Optional variables and their defaults:\n\n  a      = 1\n  secret = <sensitive>\n\n"
                                       "Builders:\n\n  null  \n  second (null)\n\nProvisioners:\n\n  shell\n\n"
                                       "Note: If your build names contain user variables or template\n"
                                       "functions such as 'timestamp', these are processed at build time,\n"
                                       "and therefore only show in their raw form here.\n"));
    }
};

QTEST_GUILESS_MAIN(TestInspectCommand)
#include "tst_inspect_command.moc"
