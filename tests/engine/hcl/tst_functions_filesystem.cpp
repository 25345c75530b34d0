// File-system functions: abspath basename dirname file fileexists fileset
// pathexpand filebase64 templatefile.

#include "FunctionTestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestFilesystemFunctions : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

    void write(const QString &rel, const QByteArray &content)
    {
        const QString p = dir.filePath(rel);
        QDir().mkpath(QFileInfo(p).absolutePath());
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        write(QStringLiteral("hello.txt"), "Hello World");
        write(QStringLiteral("bin.dat"), QByteArray("\xff\xfe", 2));
        write(QStringLiteral("sub/a.txt"), "a");
        write(QStringLiteral("sub/deep/b.txt"), "b");
        write(QStringLiteral("sub/deep/c.md"), "c");
        write(QStringLiteral("greet.tpl"), "Hello, ${name}!%{ for x in items } [${x}]%{ endfor }");
        write(QStringLiteral("nested.tpl"), "${templatefile(\"greet.tpl\", {})}");
        write(QStringLiteral("missing.tpl"), "${nope}");
        QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("sub")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void cases_data()
    {
        addColumns();
        row("file(\"hello.txt\")", "\"Hello World\"");
        row("fileexists(\"hello.txt\")", "true");
        row("fileexists(\"nope.txt\")", "false");
        row("fileset(\".\", \"sub/**/*.txt\")", "set[\"sub/a.txt\", \"sub/deep/b.txt\"]");
        row("fileset(\"sub\", \"*\")", "set[\"a.txt\"]");
        row("fileset(\"sub\", \"**\")", "set[\"a.txt\", \"deep/b.txt\", \"deep/c.md\"]");
        row("fileset(\"sub\", \"deep/*.{md,txt}\")", "set[\"deep/b.txt\", \"deep/c.md\"]");
        row("fileset(\"sub\", \"nothing*\")", "set[]");
        row("fileset(\"sub\", \"[\")", "ERROR: Call to function \"fileset\" failed: failed to glob pattern (BASE/sub/[): syntax error in pattern.");
        row("basename(\"foo/bar/baz.txt\")", "\"baz.txt\"");
        row("basename(\"foo/bar/\")", "\"bar\"");
        row("basename(\"\")", "\".\"");
        row("dirname(\"foo/bar/baz.txt\")", "\"foo/bar\"");
        row("dirname(\"baz.txt\")", "\".\"");
        row("dirname(\"/baz.txt\")", "\"/\"");
        row("abspath(\"/a/../b/./c\")", "\"/b/c\"");
        row("pathexpand(\"/etc/x\")", "\"/etc/x\"");
        row("pathexpand(\"~other/x\")", "ERROR: Call to function \"pathexpand\" failed: cannot expand user-specific home dir.");
        row("file(\"nope.txt\")", "ERROR: Call to function \"file\" failed: no file exists at BASE/nope.txt.");
        row("file(\"bin.dat\")", "ERROR: Call to function \"file\" failed: contents of bin.dat are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead.");
        row("fileexists(\"sub\")", "ERROR: Call to function \"fileexists\" failed: BASE/sub is not a regular file, but \"drwx------\".");
        row("templatefile(\"greet.tpl\", {name = \"Kiln\", items = [1, 2]})", "\"Hello, Kiln! [1] [2]\"");
        row("templatefile(\"greet.tpl\", \"x\")", "ERROR: Invalid value for \"vars\" parameter: invalid vars value: must be a map.");
        row("templatefile(\"missing.tpl\", {})", "ERROR: Invalid value for \"vars\" parameter: vars map does not contain key \"nope\", referenced at missing.tpl:1,3-7.");
        row("templatefile(\"nested.tpl\", {})", "ERROR: Call to function \"templatefile\" failed: nested.tpl:1,3-16: Error in function call; Call to function \"templatefile\" failed: cannot recursively call templatefile from inside templatefile call..");
        row("templatefile(\"greet.tpl\", {\"not valid\" = 1, name = \"x\", items = []})", "ERROR: Invalid value for \"vars\" parameter: invalid template variable name \"not valid\": must start with a letter, followed by zero or more letters, digits, and underscores.");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QString want = expected;
        want.replace(QLatin1String("BASE"), QDir(dir.path()).canonicalPath());
        QCOMPARE(run(expr, QDir(dir.path()).canonicalPath()), want);
    }

    // Packer resolves filebase64 and abspath against the working directory.
    void workingDirectoryFunctions()
    {
        const QString old = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        QCOMPARE(run(QStringLiteral("filebase64(\"hello.txt\")")), QStringLiteral("\"SGVsbG8gV29ybGQ=\""));
        QCOMPARE(run(QStringLiteral("abspath(\"sub\")")), QStringLiteral("\"%1/sub\"").arg(QDir::currentPath()));
        QCOMPARE(run(QStringLiteral("filebase64(\"nope\")")),
                 QStringLiteral("ERROR: Call to function \"filebase64\" failed: failed to read file \"nope\": open nope: no such file or directory."));
        QDir::setCurrent(old);
        const QString home = qEnvironmentVariable("HOME");
        QCOMPARE(run(QStringLiteral("pathexpand(\"~/x\")")), QStringLiteral("\"%1/x\"").arg(home));
    }
};

QTEST_GUILESS_MAIN(TestFilesystemFunctions)
#include "tst_functions_filesystem.moc"
