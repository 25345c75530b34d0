// `kiln validate` prepares every builder, provisioner and post-processor of the selected
// builds, as `packer validate` does (issue 2). The expected texts are Debian's packer
// 1.6.6 output on the same templates (it writes to stdout, Kiln's errors go to stderr),
// except that Kiln shows the source line where Packer prints "(source code not
// available)" after "on FILE line N" (its issue #12167).

#include <QDir>
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

Run kiln(const QStringList &args, const QString &cwd)
{
    QProcess p;
    p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(KILN_BINARY), args);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// A missing script and a provisioner without its required manifest_file.
const QByteArray provisionersTemplate = R"(source "null" "a" {
  communicator = "none"
}
build {
  sources = ["source.null.a"]
  provisioner "shell" {
    script = "nope.sh"
  }
  provisioner "puppet-masterless" {
  }
}
)";

const char provisionersErrors[] = R"(Error: Failed preparing provisioner-block "shell" ""

  on t.pkr.hcl line 6, in build:
   6:   provisioner "shell" {

1 error(s) occurred:

* Bad script 'nope.sh': stat nope.sh: no such file or directory

Error: Failed preparing provisioner-block "puppet-masterless" ""

  on t.pkr.hcl line 9, in build:
   9:   provisioner "puppet-masterless" {

1 error(s) occurred:

* A manifest_file must be specified.


)";

// Two sources: a builder that fails prepare (export_path is a directory) and one that
// passes, so only the second build's provisioner is prepared and reported.
const QByteArray twoBuildsTemplate = R"(source "docker" "d" {
  image       = "debian"
  export_path = "."
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.docker.d", "source.null.b"]
  provisioner "shell-local" {
    script = "missing.sh"
  }
}
)";

const char builderError[] = R"(Error: 1 error(s) occurred:

* export_path must be a file, not a directory

  on t.pkr.hcl line 1, in source "docker" "d":
   1: source "docker" "d" {

)";

const char shellLocalError[] = R"(Error: Failed preparing provisioner-block "shell-local" ""

  on t.pkr.hcl line 10, in build:
  10:   provisioner "shell-local" {

1 error(s) occurred:

* Bad script 'missing.sh': stat missing.sh: no such file or directory

)";

// Legacy JSON: builds in name order, only each build's first failure.
const QByteArray legacyTemplate = R"({
  "builders": [
    {"type": "null", "communicator": "none"},
    {"type": "null", "name": "b", "communicator": "none"}
  ],
  "provisioners": [
    {"type": "shell", "script": "nope.sh"},
    {"type": "puppet-masterless"}
  ]
}
)";

QString legacyError(const QString &build)
{
    return QStringLiteral("Error: Failed to prepare build: \"%1\"\n\n1 error(s) occurred:\n\n"
                          "* Bad script 'nope.sh': stat nope.sh: no such file or directory\n\n")
        .arg(build);
}

} // namespace

class TestValidatePrepare : public QObject
{
    Q_OBJECT

private slots:
    void hcl2ProvisionerFailures()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), provisionersTemplate);
        const Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QCOMPARE(r.err, QString::fromUtf8(provisionersErrors));
        QCOMPARE(r.out, QString());
        QCOMPARE(r.code, 1);
    }

    // The script is found relative to the working directory, as Packer's provisioners
    // stat it: the same template is valid once the script exists there.
    void hcl2ValidOnceTheScriptExists()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")),
            QByteArray(provisionersTemplate)
                .replace("  provisioner \"puppet-masterless\" {\n  }\n", ""));
        write(dir.filePath(QStringLiteral("nope.sh")), "#!/bin/sh\ntrue\n");
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);

        QTemporaryDir elsewhere;
        r = kiln({QStringLiteral("validate"), dir.filePath(QStringLiteral("t.pkr.hcl"))},
            elsewhere.path());
        QVERIFY2(r.err.contains(QLatin1String(
                     "* Bad script 'nope.sh': stat nope.sh: no such file or directory")),
            qPrintable(r.err));
        QCOMPARE(r.code, 1);
    }

    // build.name is known to provisioners and post-processors when they are prepared
    // (Packer's GetBuilds adds it to the unknown builder values).
    void hcl2BuildNameIsKnown()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), R"(source "null" "a" {
  communicator = "none"
}
build {
  name    = "named"
  sources = ["source.null.a"]
  provisioner "shell-local" {
    inline = ["echo ${build.name}"]
  }
  post-processor "manifest" {
    output = "${build.name}.json"
  }
}
)");
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
        // And when the build runs: the provisioner prints it, the manifest is named by it.
        r = kiln(
            {QStringLiteral("build"), QStringLiteral("-color=false"), QStringLiteral("t.pkr.hcl")},
            dir.path());
        QVERIFY2(r.out.contains(QLatin1String("named.null.a: named\n")), qPrintable(r.out + r.err));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("named.json"))));
        QCOMPARE(r.code, 0);
    }

    // A builder's prepare warnings are printed at its source block, and the template is
    // still valid (packer 1.6.6 prints the same warning, with no source line).
    void hcl2BuilderWarning()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")),
            "source \"file\" \"f\" {\n  target = \"out.txt\"\n}\n"
            "build {\n  sources = [\"source.file.f\"]\n}\n");
        const Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QCOMPARE(r.code, 0);
        const QString all = r.out + r.err;
        QVERIFY2(
            all.contains(QLatin1String(
                "Warning: Both source file and contents are blank; target will have no content\n"
                "\n  on t.pkr.hcl line 1, in source \"file\" \"f\":\n")),
            qPrintable(all));
        QVERIFY(r.out.contains(QLatin1String("The configuration is valid.")));
    }

    // -only/-except select the builds that are prepared; a failed builder ends its
    // build's checks (its provisioners are not prepared), the other build goes on.
    void hcl2Selection_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("errors");
        QTest::addColumn<int>("code");
        QTest::newRow("all") << QStringList()
                             << QString::fromUtf8(builderError) + QString::fromUtf8(shellLocalError)
                + u'\n' << 1;
        QTest::newRow("-only=docker.d") << QStringList{QStringLiteral("-only=docker.d")}
                                        << QString::fromUtf8(builderError) + u'\n' << 1;
        QTest::newRow("-except=docker.d") << QStringList{QStringLiteral("-except=docker.d")}
                                          << QString::fromUtf8(shellLocalError) + u'\n' << 1;
        QTest::newRow("-only=null.b") << QStringList{QStringLiteral("-only=null.b")}
                                      << QString::fromUtf8(shellLocalError) + u'\n' << 1;
    }

    void hcl2Selection()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, errors);
        QFETCH(int, code);
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), twoBuildsTemplate);
        const Run r = kiln(QStringList{QStringLiteral("validate")} + flags
                + QStringList{QStringLiteral("t.pkr.hcl")},
            dir.path());
        QCOMPARE(r.err, errors);
        QCOMPARE(r.code, code);
    }

    // A build rejected by the component's schema checks does not keep the others from
    // being prepared: Packer reports both in one pass.
    void hcl2SchemaAndPrepareFailuresTogether()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), R"(source "file" "a" {
  content = "x"
  source  = "y"
  target  = "z"
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.file.a", "source.null.b"]
  provisioner "shell-local" {
    script = "missing.sh"
  }
}
)");
        const Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QCOMPARE(r.err, QStringLiteral(R"(Error: 1 error(s) occurred:

* Cannot specify source file AND content

  on t.pkr.hcl line 1, in source "file" "a":
   1: source "file" "a" {

Error: Failed preparing provisioner-block "shell-local" ""

  on t.pkr.hcl line 11, in build:
  11:   provisioner "shell-local" {

1 error(s) occurred:

* Bad script 'missing.sh': stat missing.sh: no such file or directory


)"));
        QCOMPARE(r.code, 1);
    }

    // A build whose provisioner failed is not checked further; the other build's
    // post-processor is prepared and fails. -except also names post-processors.
    void hcl2PostProcessors_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<bool>("postProcessorReported");
        QTest::newRow("all") << QStringList() << true;
        QTest::newRow("-except=pp") << QStringList{QStringLiteral("-except=pp")} << false;
    }

    void hcl2PostProcessors()
    {
        QFETCH(QStringList, flags);
        QFETCH(bool, postProcessorReported);
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), R"(source "null" "a" {
  communicator = "none"
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.a", "source.null.b"]
  provisioner "shell-local" {
    only   = ["null.a"]
    script = "missing.sh"
  }
  post-processor "shell-local" {
    name   = "pp"
    script = "missing-pp.sh"
  }
}
)");
        const Run r = kiln(QStringList{QStringLiteral("validate")} + flags
                + QStringList{QStringLiteral("t.pkr.hcl")},
            dir.path());
        QString expected
            = QStringLiteral(R"(Error: Failed preparing provisioner-block "shell-local" ""

  on t.pkr.hcl line 9, in build:
   9:   provisioner "shell-local" {

1 error(s) occurred:

* Bad script 'missing.sh': stat missing.sh: no such file or directory

)");
        if (postProcessorReported)
            expected
                += QStringLiteral(R"(Error: Failed preparing post-processor-block "shell-local" "pp"

  on t.pkr.hcl line 13, in build:
  13:   post-processor "shell-local" {

1 error(s) occurred:

* Bad script 'missing-pp.sh': stat missing-pp.sh: no such file or directory

)");
        QCOMPARE(r.err, expected + u'\n');
        QCOMPARE(r.code, 1);
    }

    // Components Kiln cannot run yet have no prepare: they keep their schema checks and do
    // not make a template invalid; the runnable components next to them are prepared.
    void componentsWithoutImplementation()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.pkr.hcl")), R"(source "null" "a" {
  communicator = "none"
}
build {
  sources = ["source.null.a"]
  provisioner "powershell" {
    inline = ["Write-Host hi"]
  }
  provisioner "shell" {
    script = "nope.sh"
  }
}
)");
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.pkr.hcl")}, dir.path());
        QVERIFY2(r.err.startsWith(
                     QLatin1String("Error: Failed preparing provisioner-block \"shell\" \"\"\n\n"
                                   "  on t.pkr.hcl line 9, in build:\n")),
            qPrintable(r.err));
        QVERIFY2(!r.err.contains(QLatin1String("powershell")), qPrintable(r.err));
        QCOMPARE(r.code, 1);

        // Not a raw string: moc takes the "//" of a URL in one for a comment.
        write(dir.filePath(QStringLiteral("v.json")),
            "{\"builders\": [{\"type\": \"vmware-iso\", \"iso_url\": \"http://example.com/x.iso\", "
            "\"iso_checksum\": \"none\", \"ssh_username\": \"root\", \"shutdown_command\": "
            "\"poweroff\"}]}");
        r = kiln({QStringLiteral("validate"), QStringLiteral("v.json")}, dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
    }

    void legacySelection_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("errors");
        QTest::newRow("all") << QStringList()
                             << legacyError(QStringLiteral("b"))
                + legacyError(QStringLiteral("null")) + u'\n';
        QTest::newRow("-only=b") << QStringList{QStringLiteral("-only=b")}
                                 << legacyError(QStringLiteral("b")) + u'\n';
        QTest::newRow("-except=b") << QStringList{QStringLiteral("-except=b")}
                                   << legacyError(QStringLiteral("null")) + u'\n';
    }

    void legacySelection()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, errors);
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.json")), legacyTemplate);
        const Run r = kiln(
            QStringList{QStringLiteral("validate")} + flags + QStringList{QStringLiteral("t.json")},
            dir.path());
        QCOMPARE(r.err, errors);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.code, 1);
    }

    // Packer's Core.BuildNames: a build left out by -only is not checked at all.
    void legacyUnselectedBuildIsNotChecked()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.json")),
            R"({"builders": [{"type": "null", "communicator": "none"},
  {"type": "null", "name": "b", "communicator": "none", "bogus": 1}]})");
        Run r = kiln(
            {QStringLiteral("validate"), QStringLiteral("-only=null"), QStringLiteral("t.json")},
            dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
        r = kiln({QStringLiteral("validate"), QStringLiteral("t.json")}, dir.path());
        QCOMPARE(r.err,
            QStringLiteral(
                "Error: Failed to prepare build: \"b\"\n\n1 error occurred:\n\t* unknown "
                "configuration key: '\"bogus\"'\n\n\n\n\n"));
        QCOMPARE(r.code, 1);
    }

    // Core's initialisation comes before the builds: a required user variable.
    void legacyRequiredVariable()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.json")),
            R"({"variables": {"x": null}, "builders": [{"type": "null", "communicator": "none"}]})");
        Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.json")}, dir.path());
        QCOMPARE(r.err,
            QStringLiteral(
                "Error: \n\n1 error occurred:\n\t* required variable not set: x\n\n\n\n\n"));
        QCOMPARE(r.code, 1);
        r = kiln({QStringLiteral("validate"), QStringLiteral("-var"), QStringLiteral("x=1"),
                     QStringLiteral("t.json")},
            dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
    }

    // A missing required-by-prepare option in a legacy template (the builder's own check).
    void legacyBuilderFailure()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.json")),
            R"({"builders": [{"type": "docker", "image": "debian"}]})");
        const Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.json")}, dir.path());
        QCOMPARE(r.err,
            QStringLiteral("Error: Failed to prepare build: \"docker\"\n\n1 error(s) occurred:\n\n"
                           "* No instructions given for handling the artifact; expected commit, "
                           "discard, or\nexport_path\n\n\n")); // wrapped at 80 columns as Packer's
        QCOMPARE(r.code, 1);
    }

    void legacyValid()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("t.json")), legacyTemplate);
        write(dir.filePath(QStringLiteral("nope.sh")), "#!/bin/sh\ntrue\n");
        write(dir.filePath(QStringLiteral("site.pp")), "notice('hi')\n");
        QByteArray text = legacyTemplate;
        text.replace("{\"type\": \"puppet-masterless\"}",
            "{\"type\": \"puppet-masterless\", \"manifest_file\": \"site.pp\"}");
        write(dir.filePath(QStringLiteral("t.json")), text);
        const Run r = kiln({QStringLiteral("validate"), QStringLiteral("t.json")}, dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
    }

    // -syntax-only stops before anything is prepared.
    void syntaxOnlyDoesNotPrepare_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("hcl2") << QStringLiteral("t.pkr.hcl") << provisionersTemplate;
        QTest::newRow("legacy") << QStringLiteral("t.json") << legacyTemplate;
    }

    void syntaxOnlyDoesNotPrepare()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, text);
        QTemporaryDir dir;
        write(dir.filePath(file), text);
        const Run r
            = kiln({QStringLiteral("validate"), QStringLiteral("-syntax-only"), file}, dir.path());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("Syntax-only check passed. Everything looks okay.\n"));
        QCOMPARE(r.code, 0);
    }
};

QTEST_GUILESS_MAIN(TestValidatePrepare)
#include "tst_validate_prepare.moc"
