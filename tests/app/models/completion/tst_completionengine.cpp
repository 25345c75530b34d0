#include "app/models/completion/CompletionEngine.h"
#include "components/Builtins.h"
#include "engine/registry/Registry.h"

#include <QFile>
#include <QTest>

using namespace kiln::models;

// Completion at many cursor positions. Each template marks the cursor with "|"; the test
// checks labels that must be offered and labels that must not.
class TestCompletionEngine : public QObject
{
    Q_OBJECT

private:
    kiln::registry::Registry m_registry;

    CompletionResult completeAt(QString text) const
    {
        const qsizetype cursor = text.indexOf(u'|');
        text.remove(cursor, 1);
        return CompletionEngine(&m_registry).complete(text, cursor);
    }

private slots:
    void initTestCase() { kiln::components::registerBuiltins(m_registry); }

    void proposals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("unexpected");

        const QString decls = QStringLiteral(
            "variable \"region\" {\n  type = string\n  description = \"Where\"\n}\n"
            "variable \"image\" {}\n"
            "locals {\n  stamp = timestamp()\n  owner = \"me\"\n}\n"
            "source \"docker\" \"ubuntu\" {\n  image = \"ubuntu\"\n}\n"
            "source \"null\" \"nothing\" {}\n"
            "data \"http\" \"page\" {\n  url = \"https://example.com\"\n}\n");

        QTest::newRow("top level, empty file")
            << "|" << QStringList{"build", "data", "locals", "packer", "source", "variable"}
            << QStringList{"image", "join"};
        QTest::newRow("top level, prefix")
            << "so|" << QStringList{"source"} << QStringList{"build", "variable"};
        QTest::newRow("top level after a block")
            << "build {\n}\nva|" << QStringList{"variable", "variables"} << QStringList{"build"};
        QTest::newRow("builder types after source \"")
            << "source \"|" << QStringList{"docker", "null", "qemu", "amazon-ebs"}
            << QStringList{"shell", "http"};
        QTest::newRow("builder types with prefix")
            << "source \"do|\" \"x\" {}" << QStringList{"docker"} << QStringList{"null"};
        QTest::newRow("data source types")
            << "data \"|" << QStringList{"http", "amazon-ami", "null"} << QStringList{"docker"};
        QTest::newRow("provisioner types in build")
            << "build {\n  provisioner \"|\n}" << QStringList{"shell", "file", "shell-local"}
            << QStringList{"docker", "checksum"};
        QTest::newRow("post-processor types in build")
            << "build {\n  post-processor \"|\" {}\n}"
            << QStringList{"checksum", "manifest", "compress"} << QStringList{"shell"};
        QTest::newRow("post-processor types in a chain")
            << "build {\n  post-processors {\n    post-processor \"ch|\n  }\n}"
            << QStringList{"checksum"} << QStringList{"manifest"};
        QTest::newRow("second label is a free name")
            << "source \"docker\" \"|" << QStringList{} << QStringList{"docker"};
        QTest::newRow("build block items")
            << "build {\n  |\n}"
            << QStringList{"name", "sources", "provisioner", "post-processor", "post-processors",
                   "source", "description"}
            << QStringList{"image", "build"};
        QTest::newRow("builder arguments")
            << "source \"docker\" \"x\" {\n  |\n}"
            << QStringList{"image", "commit", "changes", "communicator", "build"}
            << QStringList{"name", "sources", "inline"};
        QTest::newRow("arguments already set are not offered")
            << "source \"docker\" \"x\" {\n  image = \"a\"\n  com|\n}"
            << QStringList{"commit", "communicator"} << QStringList{"image"};
        QTest::newRow("the argument being typed is still offered")
            << "source \"docker\" \"x\" {\n  ima| = \"a\"\n}" << QStringList{"image"}
            << QStringList{};
        QTest::newRow("provisioner arguments with common ones")
            << "build {\n  provisioner \"shell\" {\n    |\n  }\n}"
            << QStringList{"inline", "script", "pause_before", "max_retries", "timeout"}
            << QStringList{"image"};
        QTest::newRow("post-processor common arguments")
            << "build {\n  post-processor \"checksum\" {\n    k|\n  }\n}"
            << QStringList{"keep_input_artifact"} << QStringList{"pause_before"};
        QTest::newRow("build-level source block uses the builder schema")
            << "build {\n  source \"docker.ubuntu\" {\n    |\n  }\n}"
            << QStringList{"image", "name"} << QStringList{"sources"};
        QTest::newRow("data source arguments")
            << "data \"http\" \"x\" {\n  |\n}" << QStringList{"url", "method", "request_headers"}
            << QStringList{"body"};
        QTest::newRow("nested component block")
            << "source \"docker\" \"x\" {\n  build {\n    |\n  }\n}" << QStringList{}
            << QStringList{"image", "commit"};
        QTest::newRow("dynamic block arguments")
            << "source \"amazon-ebs\" \"x\" {\n  dynamic \"tag\" {\n    |\n  }\n}"
            << QStringList{"for_each", "iterator", "labels", "content"} << QStringList{"ami_name"};
        QTest::newRow("dynamic content takes the generated block's schema")
            << "source \"amazon-ebs\" \"x\" {\n  dynamic \"tag\" {\n    for_each = {}\n"
               "    content {\n      |\n    }\n  }\n}"
            << QStringList{"key", "value"} << QStringList{"for_each", "ami_name"};
        QTest::newRow("variable block arguments")
            << "variable \"x\" {\n  |\n}"
            << QStringList{"type", "default", "description", "sensitive", "validation"}
            << QStringList{"image"};
        QTest::newRow("validation block arguments")
            << "variable \"x\" {\n  validation {\n    |\n  }\n}"
            << QStringList{"condition", "error_message"} << QStringList{"default"};
        QTest::newRow("locals offer nothing")
            << "locals {\n  |\n}" << QStringList{} << QStringList{"source", "image"};
        QTest::newRow("enum values in a string")
            << "source \"docker\" \"x\" {\n  communicator = \"|\"\n}"
            << QStringList{"docker", "ssh", "winrm", "none"} << QStringList{"join"};
        QTest::newRow("enum values with prefix")
            << "data \"http\" \"x\" {\n  method = \"P|\"\n}" << QStringList{"POST", "PUT", "PATCH"}
            << QStringList{"GET"};
        QTest::newRow("suggested values of a string field")
            << "build {\n  provisioner \"puppet-masterless\" {\n    guest_os_type = \"|\"\n  }\n}"
            << QStringList{"unix", "windows"} << QStringList{"join"};
        QTest::newRow("enum values quoted in an expression")
            << "data \"http\" \"x\" {\n  method = |\n}" << QStringList{"\"GET\"", "join", "var"}
            << QStringList{};
        QTest::newRow("variables after var.")
            << decls + "build {\n  name = var.|\n}" << QStringList{"region", "image"}
            << QStringList{"stamp", "join"};
        QTest::newRow("variables with prefix") << decls + "build {\n  name = var.re|\n}"
                                               << QStringList{"region"} << QStringList{"image"};
        QTest::newRow("locals after local.")
            << decls + "build {\n  name = local.|\n}" << QStringList{"stamp", "owner"}
            << QStringList{"region"};
        QTest::newRow("references inside interpolation")
            << decls + "build {\n  name = \"${var.|}\"\n}" << QStringList{"region", "image"}
            << QStringList{};
        QTest::newRow("no references in string text")
            << decls + "build {\n  name = \"var.|\"\n}" << QStringList{} << QStringList{"region"};
        QTest::newRow("source types after source.")
            << decls + "locals {\n  s = source.|\n}" << QStringList{"docker", "null"}
            << QStringList{"ubuntu"};
        QTest::newRow("source names after source.TYPE.")
            << decls + "locals {\n  s = source.docker.|\n}" << QStringList{"ubuntu"}
            << QStringList{"nothing"};
        QTest::newRow("sources list of a build")
            << decls + "build {\n  sources = [\"|\"]\n}"
            << QStringList{"source.docker.ubuntu", "source.null.nothing"} << QStringList{};
        QTest::newRow("build source block label")
            << decls + "build {\n  source \"|\" {}\n}"
            << QStringList{"docker.ubuntu", "null.nothing"} << QStringList{"qemu"};
        QTest::newRow("data types and names")
            << decls + "locals {\n  d = data.|\n}" << QStringList{"http"} << QStringList{"page"};
        QTest::newRow("data names")
            << decls + "locals {\n  d = data.http.|\n}" << QStringList{"page"} << QStringList{};
        QTest::newRow("data source outputs")
            << decls + "locals {\n  d = data.http.page.|\n}"
            << QStringList{"body", "url", "request_headers"} << QStringList{"method"};
        QTest::newRow("functions")
            << "locals {\n  x = jo|\n}" << QStringList{"join"} << QStringList{"split", "var"};
        QTest::newRow("functions and roots in expressions")
            << "locals {\n  x = |\n}"
            << QStringList{"var", "local", "data", "upper", "timestamp", "true", "null"}
            << QStringList{"build"};
        QTest::newRow("function argument position")
            << "locals {\n  x = upper(lo|)\n}" << QStringList{"local", "lower"}
            << QStringList{"upper"};
        QTest::newRow("multi-line value")
            << "locals {\n  x = [\n    up|\n  ]\n}" << QStringList{"upper"} << QStringList{};
        QTest::newRow("type keywords for a variable")
            << "variable \"x\" {\n  type = |\n}" << QStringList{"string", "list", "map", "any"}
            << QStringList{};
        QTest::newRow("heredoc text offers nothing")
            << "locals {\n  x = <<EOT\n  va|\nEOT\n}" << QStringList{} << QStringList{"var"};
        QTest::newRow("heredoc interpolation")
            << decls + "locals {\n  x = <<EOT\n  ${var.|}\nEOT\n}" << QStringList{"region"}
            << QStringList{};
        QTest::newRow("comment offers nothing")
            << "# so|" << QStringList{} << QStringList{"source"};
        QTest::newRow("block comment offers nothing")
            << "/* build {\n  so| */" << QStringList{} << QStringList{"source"};
        QTest::newRow("non-ASCII text before the cursor")
            << "# h\u00e9llo \U0001F600\nlocals {\n  x = \"\u00e9\u00e9\"\n  y = var.|\n}\n"
               "variable \"caf\u00e9\" {}\nvariable \"plain\" {}"
            << QStringList{"plain", "caf\u00e9"} << QStringList{};
        QTest::newRow("unterminated blocks")
            << "source \"docker\" \"x\" {\n  image = \"a\"\n  |" << QStringList{"commit", "build"}
            << QStringList{"image", "sources"};
        QTest::newRow("a single nested block already present")
            << "source \"docker\" \"x\" {\n  build {\n  }\n  |\n}" << QStringList{"commit"}
            << QStringList{"build"};
        QTest::newRow("repeatable blocks stay") << "build {\n  provisioner \"shell\" {}\n  |\n}"
                                                << QStringList{"provisioner"} << QStringList{};
    }

    void proposals()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, unexpected);
        const QStringList labels = completeAt(text).labels();
        for (const QString &e : std::as_const(expected))
            QVERIFY2(labels.contains(e), qPrintable(e + " missing from: " + labels.join(", ")));
        for (const QString &u : std::as_const(unexpected))
            QVERIFY2(!labels.contains(u), qPrintable(u + " unexpected in: " + labels.join(", ")));
        if (expected.isEmpty() && !unexpected.isEmpty())
            QVERIFY2(labels.isEmpty() || !labels.contains(unexpected.first()),
                qPrintable(labels.join(", ")));
    }

    void replaceRangeCoversThePrefix()
    {
        const QString text
            = QStringLiteral("# \U0001F600\nlocals {\n  x = var.re\n}\nvariable \"region\" {}");
        const qsizetype cursor = text.indexOf(QStringLiteral("var.re")) + 6;
        const CompletionResult r = CompletionEngine(&m_registry).complete(text, cursor);
        QCOMPARE(r.replaceEnd, cursor);
        QCOMPARE(r.replaceStart, cursor - 2);
        QCOMPARE(r.labels(), QStringList{"region"});
    }

    void labelReplaceRange()
    {
        const QString text = QStringLiteral("source \"do\" \"x\" {}");
        const CompletionResult r = CompletionEngine(&m_registry).complete(text, 10);
        QCOMPARE(r.replaceStart, 8);
        QCOMPARE(r.labels(), QStringList{"docker"});
        QCOMPARE(r.items.first().insertText, QStringLiteral("docker"));
    }

    void itemDetails()
    {
        const CompletionResult r = completeAt(QStringLiteral("data \"http\" \"x\" {\n  met|\n}"));
        QCOMPARE(r.items.size(), 1);
        const CompletionItem &i = r.items.first();
        QCOMPARE(i.kind, CompletionItem::Kind::Attribute);
        QCOMPARE(i.insertText, QStringLiteral("method = "));
        QVERIFY2(i.detail.startsWith(QStringLiteral("string (HEAD | GET")), qPrintable(i.detail));
        QVERIFY(!i.documentation.isEmpty());

        const CompletionResult f = completeAt(QStringLiteral("locals {\n  x = upp|\n}"));
        QCOMPARE(f.items.size(), 1);
        QCOMPARE(f.items.first().detail, QStringLiteral("upper(str string) string"));
        QCOMPARE(f.items.first().insertText, QStringLiteral("upper("));

        const CompletionResult req = completeAt(QStringLiteral("data \"http\" \"x\" {\n  ur|\n}"));
        QVERIFY2(req.items.first().detail.endsWith(QStringLiteral(", required")),
            qPrintable(req.items.first().detail));

        const CompletionResult top = completeAt(QStringLiteral("sou|"));
        QCOMPARE(top.items.first().insertText, QStringLiteral("source \""));
        const CompletionResult b = completeAt(QStringLiteral("bui|"));
        QCOMPARE(b.items.first().insertText, QStringLiteral("build {"));
    }

    void companionFilesOfADirectoryTemplate()
    {
        CompletionEngine engine(&m_registry);
        engine.setCompanionTexts({QStringLiteral("variable \"os_name\" {\n  type = string\n}\n"),
            QStringLiteral("source \"null\" \"n\" {}\nlocals {\n  shared = 1\n}\n")});
        const QString text = QStringLiteral("build {\n  name = var.\n}\n");
        const qsizetype cursor = text.indexOf(QStringLiteral("var.")) + 4;
        QCOMPARE(engine.complete(text, cursor).labels(), QStringList{"os_name"});
        const QString sources = QStringLiteral("build {\n  sources = [\"\"]\n}\n");
        QCOMPARE(engine.complete(sources, sources.indexOf(u'"') + 1).labels(),
            QStringList{"source.null.n"});
        const QString locals = QStringLiteral("locals {\n  x = local.\n}\n");
        QCOMPARE(engine.complete(locals, locals.indexOf(QStringLiteral("local.")) + 6).labels(),
            (QStringList{"shared", "x"}));
    }

    // Every cursor position of a real template: no crash, ranges always inside the text.
    void everyPositionOfARealTemplate()
    {
        QFile file(QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates/pkr-sources.pkr.hcl"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll()).left(6000);
        const CompletionEngine engine(&m_registry);
        int withItems = 0;
        for (qsizetype offset = 0; offset <= text.size(); offset += 7) {
            const CompletionResult r = engine.complete(text, offset);
            QVERIFY(r.replaceStart >= 0 && r.replaceStart <= r.replaceEnd);
            QCOMPARE(r.replaceEnd, offset);
            withItems += !r.items.isEmpty();
        }
        QVERIFY(withItems > 50);
    }

    void withoutRegistry()
    {
        const CompletionResult r = CompletionEngine().complete(QStringLiteral("source \""), 8);
        QVERIFY(r.items.isEmpty());
        const CompletionResult top = CompletionEngine().complete(QStringLiteral("b"), 1);
        QCOMPARE(top.labels(), QStringList{"build"});
    }
};

QTEST_GUILESS_MAIN(TestCompletionEngine)
#include "tst_completionengine.moc"
