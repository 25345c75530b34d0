// Surgical edits of native-syntax templates: each operation against exact
// expected text, on a fmt-clean template with comments.

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/edit/PipelineEditor.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace kiln;
using namespace kiln::tmpl::edit;

using Op = std::function<EditResult(PipelineEditor &)>;
Q_DECLARE_METATYPE(Op)

namespace {

QString readFixture(const QString &name)
{
    QFile f(QStringLiteral(KILN_FIXTURES_DIR "/edit/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(f.readAll());
}

// Loads and initializes the text as a one-file template; the errors, if any.
QString validate(const QString &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write");
    f.write(text.toUtf8());
    f.close();
    tmpl::LoadOptions opts;
    opts.path = path;
    opts.environment = QStringList();
    hcl::Diagnostics diags;
    tmpl::Template tpl = tmpl::TemplateLoader::parse(opts, diags);
    if (!diags.hasErrors())
        diags += tmpl::TemplateLoader::initialize(tpl);
    QStringList errors;
    for (const auto &d : diags)
        if (d.severity == hcl::Severity::Error)
            errors << d.summary + QStringLiteral(": ") + d.detail;
    return errors.join(QLatin1Char('\n'));
}

// `base` with the lines from..to (1-based, inclusive) replaced by `lines`.
QString replaceLines(const QString &base, int from, int to, const QString &lines)
{
    QStringList l = base.split(QLatin1Char('\n'));
    const QStringList repl = lines.isNull() ? QStringList() : lines.split(QLatin1Char('\n'));
    l.remove(from - 1, to - from + 1);
    for (qsizetype i = repl.size() - 1; i >= 0; --i)
        l.insert(from - 1, repl[i]);
    return l.join(QLatin1Char('\n'));
}

QString insertLines(const QString &base, int before, const QString &lines)
{
    QStringList l = base.split(QLatin1Char('\n'));
    const QStringList repl = lines.split(QLatin1Char('\n'));
    for (qsizetype i = repl.size() - 1; i >= 0; --i)
        l.insert(before - 1, repl[i]);
    return l.join(QLatin1Char('\n'));
}

// Whether Packer 1.6.6 itself (the oracle) finds the text fmt-clean; true
// when packer is not installed.
bool packerFmtClean(const QString &text)
{
    const QString packer = QStandardPaths::findExecutable(QStringLiteral("packer"));
    if (packer.isEmpty())
        return true;
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("t.pkr.hcl")));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(text.toUtf8());
    f.close();
    QProcess p;
    p.start(packer, {QStringLiteral("fmt"), QStringLiteral("-check"), f.fileName()});
    return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

} // namespace

class TestNativeEdits : public QObject
{
    Q_OBJECT

private slots:
    void operations_data();
    void operations();
};

void TestNativeEdits::operations_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("expected");

    const QString p = readFixture(QStringLiteral("pipeline.pkr.hcl"));
    using A = BlockAddress;

    QTest::newRow("insert provisioner first")
        << p << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, 0, QStringLiteral("shell"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"a\"]")},
                       {QStringLiteral("execute_command"), QStringLiteral("\"x\"")}});
           })
        << insertLines(p, 18,
               QStringLiteral("  provisioner \"shell\" {\n    inline          = [\"a\"]\n    "
                              "execute_command = \"x\"\n  }\n"));
    QTest::newRow("append provisioner") << p << Op([](PipelineEditor &e) {
        return e.insertProvisioner(0, -1, QStringLiteral("shell-local"), {});
    }) << insertLines(p, 26, QStringLiteral("\n  provisioner \"shell-local\" {\n  }"));
    QTest::newRow("remove commented provisioner")
        << p << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 0)); })
        << replaceLines(p, 18, 22, QString());
    QTest::newRow("remove last chain member")
        << p << Op([](PipelineEditor &e) { return e.remove(A::chainPostProcessor(0, 1, 1)); })
        << replaceLines(p, 34, 35, QString());
    QTest::newRow("move provisioner down")
        << p << Op([](PipelineEditor &e) { return e.move(A::provisioner(0, 0), 1); })
        << replaceLines(p, 18, 25,
               QStringLiteral("  provisioner \"shell-local\" {\n    inline = [\"echo two\"]\n  "
                              "}\n\n  # first step\n  provisioner \"shell-local\" {\n    inline = "
                              "[\"echo ${var.greeting}\"] # say hi\n  }"));
    QTest::newRow("set attribute keeps comment") << p << Op([](PipelineEditor &e) {
        return e.setAttribute(
            A::provisioner(0, 0), QStringLiteral("inline"), QStringLiteral("[\"echo bye\"]"));
    }) << replaceLines(p, 20, 20, QStringLiteral("    inline = [\"echo bye\"] # say hi"));
    QTest::newRow("add attribute aligns")
        << p << Op([](PipelineEditor &e) {
               return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("a")),
                   QStringLiteral("ssh_host"), QStringLiteral("\"h\""));
           })
        << replaceLines(
               p, 8, 8, QStringLiteral("  communicator = \"none\"\n  ssh_host     = \"h\""));
    QTest::newRow("connect source")
        << p << Op([](PipelineEditor &e) { return e.connectSource(0, QStringLiteral("null.b")); })
        << replaceLines(
               p, 16, 16, QStringLiteral("  sources = [\"source.null.a\", \"source.null.b\"]"));
    QTest::newRow("add source") << p << Op([](PipelineEditor &e) {
        return e.addSource(QStringLiteral("null"), QStringLiteral("c"), {});
    }) << insertLines(p, 14, QStringLiteral("\nsource \"null\" \"c\" {\n}"));
    QTest::newRow("remove chain entry")
        << p << Op([](PipelineEditor &e) { return e.remove(A::postProcessor(0, 1)); })
        << replaceLines(p, 29, 36, QString());
    QTest::newRow("remove source takes blank line") << p << Op([](PipelineEditor &e) {
        return e.remove(A::source(QStringLiteral("null"), QStringLiteral("b")));
    }) << replaceLines(p, 11, 14, QString());
    QTest::newRow("remove variable takes its comment") << p << Op([](PipelineEditor &e) {
        return e.remove(A::variable(QStringLiteral("greeting")));
    }) << replaceLines(p, 1, 6, QString());
    QTest::newRow("insert post-processor before chain")
        << p << Op([](PipelineEditor &e) {
               return e.insertPostProcessor(0, 1, QStringLiteral("shell-local"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"ls\"]")}});
           })
        << insertLines(p, 30,
               QStringLiteral("  post-processor \"shell-local\" {\n    inline = [\"ls\"]\n  }\n"));
    QTest::newRow("insert into chain follows its spacing") << p << Op([](PipelineEditor &e) {
        return e.insertIntoChain(0, 1, 1, QStringLiteral("shell-local"));
    }) << insertLines(p, 34, QStringLiteral("    post-processor \"shell-local\" {\n    }"));
    QTest::newRow("append to chain")
        << p << Op([](PipelineEditor &e) {
               return e.insertIntoChain(0, 1, -1, QStringLiteral("artifice"),
                   {{QStringLiteral("files"), QStringLiteral("[\"a\"]")}});
           })
        << insertLines(p, 36,
               QStringLiteral("    post-processor \"artifice\" {\n      files = [\"a\"]\n    }"));
    QTest::newRow("move chain before standalone")
        << p << Op([](PipelineEditor &e) { return e.move(A::postProcessor(0, 1), 0); })
        << replaceLines(p, 27, 36,
               QStringLiteral("  post-processors {\n    post-processor \"compress\" {\n      "
                              "output = \"out.tar.gz\"\n    }\n    post-processor \"checksum\" {\n "
                              "   }\n  }\n\n  post-processor \"manifest\" {\n  }"));
    QTest::newRow("move within chain")
        << p << Op([](PipelineEditor &e) { return e.move(A::chainPostProcessor(0, 1, 1), 0); })
        << replaceLines(p, 31, 35,
               QStringLiteral("    post-processor \"checksum\" {\n    }\n    post-processor "
                              "\"compress\" {\n      output = \"out.tar.gz\"\n    }"));
    QTest::newRow("duplicate provisioner")
        << p << Op([](PipelineEditor &e) { return e.duplicate(A::provisioner(0, 1)); })
        << insertLines(p, 26,
               QStringLiteral(
                   "\n  provisioner \"shell-local\" {\n    inline = [\"echo two\"]\n  }"));
    QTest::newRow("duplicate source gets a fresh name")
        << p << Op([](PipelineEditor &e) {
               return e.duplicate(A::source(QStringLiteral("null"), QStringLiteral("a")));
           })
        << insertLines(p, 10,
               QStringLiteral("\nsource \"null\" \"a-copy\" {\n  communicator = \"none\"\n}"));
    QTest::newRow("rename source") << p << Op([](PipelineEditor &e) {
        return e.renameBlock(A::source(QStringLiteral("null"), QStringLiteral("b")),
            {QStringLiteral("null"), QStringLiteral("bee")});
    }) << replaceLines(p, 11, 11, QStringLiteral("source \"null\" \"bee\" {"));
    QTest::newRow("remove attribute realigns") << p << Op([](PipelineEditor &e) {
        return e.removeAttribute(A::variable(QStringLiteral("greeting")), QStringLiteral("type"));
    }) << replaceLines(p, 3, 4, QStringLiteral("  default = \"hello\""));
    QTest::newRow("add build") << p << Op([](PipelineEditor &e) {
        return e.addBuild(QStringLiteral("second"));
    }) << p + QStringLiteral("\nbuild {\n  name = \"second\"\n}\n");
    QTest::newRow("add variable")
        << p << Op([](PipelineEditor &e) {
               return e.addVariable(
                   QStringLiteral("region"), QStringLiteral("string"), QStringLiteral("\"eu\""));
           })
        << insertLines(p, 6,
               QStringLiteral(
                   "\nvariable \"region\" {\n  type    = string\n  default = \"eu\"\n}"));
    QTest::newRow("paste copied provisioner")
        << p << Op([](PipelineEditor &e) {
               return e.insertBlockText(
                   0, A::Kind::Provisioner, -1, e.blockText(A::provisioner(0, 0)));
           })
        << insertLines(p, 26,
               QStringLiteral("\n  # first step\n  provisioner \"shell-local\" {\n    inline = "
                              "[\"echo ${var.greeting}\"] # say hi\n  }"));
    QTest::newRow("paste foreign indentation")
        << p << Op([](PipelineEditor &e) {
               return e.insertBlockText(0, A::Kind::Provisioner, 1,
                   QStringLiteral("      provisioner \"shell-local\" {\n          inline = [\n     "
                                  "         \"a\",\n          ]\n      }\n"));
           })
        << insertLines(p, 23,
               QStringLiteral(
                   "  provisioner \"shell-local\" {\n    inline = [\n      \"a\",\n    ]\n  }\n"));

    const QString both = QString(p).replace(QLatin1String("sources = [\"source.null.a\"]"),
        QLatin1String("sources = [\"source.null.a\", \"source.null.b\"]"));
    QTest::newRow("remove source disconnects it")
        << both << Op([](PipelineEditor &e) {
               return e.remove(A::source(QStringLiteral("null"), QStringLiteral("a")));
           })
        << replaceLines(
               QString(both).replace(QLatin1String("[\"source.null.a\", \"source.null.b\"]"),
                   QLatin1String("[\"source.null.b\"]")),
               7, 10, QString());
    QTest::newRow("disconnect last of two") << both << Op([](PipelineEditor &e) {
        return e.disconnectSource(0, QStringLiteral("source.null.b"));
    }) << p;

    QTest::newRow("rename connected source renames its uses")
        << p << Op([](PipelineEditor &e) {
               return e.renameBlock(A::source(QStringLiteral("null"), QStringLiteral("a")),
                   {QStringLiteral("null"), QStringLiteral("alpha")});
           })
        << QString(p)
               .replace(QLatin1String("source \"null\" \"a\""),
                   QLatin1String("source \"null\" \"alpha\""))
               .replace(QLatin1String("source.null.a"), QLatin1String("source.null.alpha"));
    QTest::newRow("heredoc value stays verbatim")
        << p << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, -1, QStringLiteral("shell-local"),
                   {{QStringLiteral("execute_command"),
                        QStringLiteral("<<EOF\nsh  {{.Path}}\nEOF\n")},
                       {QStringLiteral("inline"), QStringLiteral("[\"a\"]")}});
           })
        << insertLines(p, 26,
               QStringLiteral("\n  provisioner \"shell-local\" {\n    execute_command = <<EOF\nsh  "
                              "{{.Path}}\nEOF\n    inline          = [\"a\"]\n  }"));

    const QString heredoc = QStringLiteral(
        "locals {\n  script = <<EOF\necho hi\nEOF\n  other  = 1\n}\n\nsource \"null\" \"a\" {\n  "
        "communicator = \"none\"\n}\n\nbuild {\n  sources = [\"source.null.a\"]\n}\n");
    QTest::newRow("replace a heredoc value")
        << heredoc << Op([](PipelineEditor &e) {
               return e.setAttribute(
                   A::local(QStringLiteral("script")), QString(), QStringLiteral("\"echo bye\""));
           })
        << QString(heredoc).replace(
               QLatin1String("<<EOF\necho hi\nEOF\n"), QLatin1String("\"echo bye\"\n"));
    QTest::newRow("set a heredoc value") << heredoc << Op([](PipelineEditor &e) {
        return e.setAttribute(
            A::local(QStringLiteral("other")), QString(), QStringLiteral("<<EOT\nline\nEOT\n"));
    })
                                         << QString(heredoc).replace(QLatin1String("other  = 1"),
                                                QLatin1String("other  = <<EOT\nline\nEOT"));
    QTest::newRow("add a local") << heredoc << Op([](PipelineEditor &e) {
        BlockAddress locals;
        locals.kind = A::Kind::Locals;
        locals.index = 0;
        return e.setAttribute(locals, QStringLiteral("third"), QStringLiteral("upper(\"x\")"));
    })
                                 << QString(heredoc).replace(QLatin1String("other  = 1\n"),
                                        QLatin1String("other  = 1\n  third  = upper(\"x\")\n"));
    QTest::newRow("remove a local")
        << heredoc
        << Op([](PipelineEditor &e) { return e.remove(A::local(QStringLiteral("script"))); })
        << QString(heredoc).replace(QLatin1String("  script = <<EOF\necho hi\nEOF\n  other  = 1"),
               QLatin1String("  other = 1"));

    const QString two = p + QStringLiteral("\nbuild {\n  sources = [\"source.null.b\"]\n}\n");
    QTest::newRow("move provisioner to another build")
        << two << Op([](PipelineEditor &e) { return e.moveToBuild(A::provisioner(0, 0), 1, 0); })
        << replaceLines(two, 18, 22, QString())
               .replace(QLatin1String("[\"source.null.b\"]\n}"),
                   QLatin1String(
                       "[\"source.null.b\"]\n\n  # first step\n  provisioner \"shell-local\" {\n   "
                       " inline = [\"echo ${var.greeting}\"] # say hi\n  }\n}"));

    const QString onlyExcept = QStringLiteral(
        "source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  sources = "
        "[\"source.null.a\"]\n\n  provisioner \"shell-local\" {\n    inline = [\"x\"]\n    only   "
        "= [\"null.a\"]\n  }\n\n  post-processors {\n    post-processor \"shell-local\" {\n      "
        "inline = [\"y\"]\n      except = [\"null.b\", \"null.a\"]\n    }\n  }\n}\n");
    QTest::newRow("rename source follows only and except")
        << onlyExcept << Op([](PipelineEditor &e) {
               return e.renameBlock(A::source(QStringLiteral("null"), QStringLiteral("a")),
                   {QStringLiteral("null"), QStringLiteral("z")});
           })
        << QString(onlyExcept)
               .replace(QLatin1String("\"a\" {"), QLatin1String("\"z\" {"))
               .replace(QLatin1String("source.null.a"), QLatin1String("source.null.z"))
               .replace(QLatin1String("\"null.a\""), QLatin1String("\"null.z\""));

    // A file that is not fmt-clean: four-space indentation, items packed
    // without blank lines, a multi-line list with a trailing comma, no final
    // newline. New text follows it and nothing else is reformatted.
    const QString odd
        = QStringLiteral("source \"null\" \"a\" {\n    communicator = \"none\"\n}\n"
                         "source \"null\" \"b\" {\n    communicator   =   \"none\"\n}\n\n"
                         "build {\n    sources = [\n        \"source.null.a\",\n    ]\n    "
                         "provisioner \"shell-local\" {\n        inline = [\"a\"]\n    }\n}");
    QTest::newRow("odd: append provisioner")
        << odd << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, -1, QStringLiteral("shell-local"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"b\"]")}});
           })
        << insertLines(odd, 15,
               QStringLiteral(
                   "    provisioner \"shell-local\" {\n        inline = [\"b\"]\n    }"));
    QTest::newRow("odd: connect keeps trailing comma") << odd << Op([](PipelineEditor &e) {
        return e.connectSource(0, QStringLiteral("source.null.b"));
    }) << insertLines(odd, 11, QStringLiteral("        \"source.null.b\","));
    QTest::newRow("odd: set value keeps spacing") << odd << Op([](PipelineEditor &e) {
        return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("b")),
            QStringLiteral("communicator"), QStringLiteral("\"ssh\""));
    }) << replaceLines(odd, 5, 5, QStringLiteral("    communicator   =   \"ssh\""));
    // Sources written back to back: the new one joins them the same way.
    QTest::newRow("odd: add source at end of sources")
        << odd << Op([](PipelineEditor &e) {
               return e.addSource(QStringLiteral("null"), QStringLiteral("c"),
                   {{QStringLiteral("communicator"), QStringLiteral("\"none\"")}});
           })
        << insertLines(
               odd, 7, QStringLiteral("source \"null\" \"c\" {\n    communicator = \"none\"\n}"));
    QTest::newRow("odd: remove last block without final newline")
        << odd << Op([](PipelineEditor &e) { return e.remove(A::ofBuild(0)); })
        << QStringLiteral("source \"null\" \"a\" {\n    communicator = \"none\"\n}\nsource "
                          "\"null\" \"b\" {\n    communicator   =   \"none\"\n}\n");
    QTest::newRow("empty build body opens up")
        << QStringLiteral("source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {}\n")
        << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, 0, QStringLiteral("shell-local"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"x\"]")}});
           })
        << QStringLiteral("source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  "
                          "provisioner \"shell-local\" {\n    inline = [\"x\"]\n  }\n}\n");
    QTest::newRow("connect without sources attribute")
        << QStringLiteral(
               "source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  name = "
               "\"x\"\n\n  provisioner \"shell-local\" {\n    inline = [\"x\"]\n  }\n}\n")
        << Op([](PipelineEditor &e) { return e.connectSource(0, QStringLiteral("null.a")); })
        << QStringLiteral("source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  "
                          "name    = \"x\"\n  sources = [\"source.null.a\"]\n\n  provisioner "
                          "\"shell-local\" {\n    inline = [\"x\"]\n  }\n}\n");
    const QString crlf
        = QStringLiteral("source \"null\" \"a\" {\r\n  communicator = \"none\"\r\n}\r\n\r\nbuild "
                         "{\r\n  sources = [\"source.null.a\"]\r\n}\r\n");
    QTest::newRow("crlf newlines")
        << crlf << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, 0, QStringLiteral("shell-local"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"x\"]")}});
           })
        << QString(crlf).replace(QLatin1String("]\r\n}"),
               QLatin1String(
                   "]\r\n\r\n  provisioner \"shell-local\" {\r\n    inline = [\"x\"]\r\n  }\r\n}"));
    const QString wide
        = QStringLiteral("# Größe ✓ 😀 „quoted“\nsource \"null\" \"ä\" {\n  communicator = \"none\" "
                         "# ü😀\n}\n\nbuild {\n  sources = [\"source.null.ä\"]\n}\n");
    QTest::newRow("non-ASCII text, UTF-16 offsets") << wide << Op([](PipelineEditor &e) {
        return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("ä")),
            QStringLiteral("communicator"), QStringLiteral("\"ssh\""));
    }) << QString(wide).replace(QLatin1String("\"none\""), QLatin1String("\"ssh\""));
}

void TestNativeEdits::operations()
{
    QFETCH(QString, input);
    QFETCH(Op, op);
    QFETCH(QString, expected);
    PipelineEditor editor(QStringLiteral("t.pkr.hcl"), input);
    QVERIFY2(editor.parseError().isEmpty(), qPrintable(editor.parseError()));
    const EditResult r = op(editor);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(hcl::edit::applyEdits(input, r.edits), r.text);
    QCOMPARE(r.text, expected);
    if (hcl::formatHcl(input.toUtf8()) == input.toUtf8()) {
        QCOMPARE(QString::fromUtf8(hcl::formatHcl(r.text.toUtf8())), r.text);
        QVERIFY(packerFmtClean(r.text));
    }
    // A build without sources is valid HCL but not a buildable template.
    if (!r.text.contains(QLatin1String("build {\n  name = \"second\""))
        && !r.text.contains(QLatin1String("build {\n  provisioner")))
        QCOMPARE(validate(r.text), QString());
    else
        QVERIFY(validate(r.text).contains(QLatin1String("missing source reference")));
}

QTEST_GUILESS_MAIN(TestNativeEdits)
#include "tst_nativeedits.moc"
