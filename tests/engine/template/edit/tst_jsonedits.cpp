// Surgical edits of JSON templates: HCL JSON syntax (*.pkr.json) and legacy
// Packer JSON templates, against exact expected text.

#include "engine/hcl/json/JsonBody.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/edit/PipelineEditor.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyTemplateValidator.h"

#include <QFile>
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

// `base` with the 1-based lines from..to replaced by `lines` (null: deleted).
QString replaceLines(const QString &base, int from, int to, const QString &lines)
{
    QStringList l = base.split(QLatin1Char('\n'));
    l.remove(from - 1, to - from + 1);
    const QStringList repl = lines.isNull() ? QStringList() : lines.split(QLatin1Char('\n'));
    for (qsizetype i = repl.size() - 1; i >= 0; --i)
        l.insert(from - 1, repl[i]);
    return l.join(QLatin1Char('\n'));
}

// Loads and initializes an HCL JSON template; its errors, if any.
QString validate(const QString &text)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.pkr.json"));
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

// A legacy template's errors as Packer's template.Parse and its structural
// checks (`packer validate -syntax-only`) report them.
QString validateLegacy(const QString &text)
{
    const auto parsed
        = tmpl::legacy::LegacyTemplateParser::parse(text.toUtf8(), QStringLiteral("t.json"));
    hcl::Diagnostics diags = parsed.diagnostics;
    if (!diags.hasErrors())
        diags += tmpl::legacy::LegacyTemplateValidator::validateStructure(parsed.tmpl);
    QStringList errors;
    for (const auto &d : diags)
        if (d.severity == hcl::Severity::Error)
            errors << d.summary + QStringLiteral(": ") + d.detail;
    return errors.join(QLatin1Char('\n'));
}

// `base` with its one occurrence of `from` replaced by `to`.
QString replaceOnce(const QString &base, const QString &from, const QString &to)
{
    if (base.count(from) != 1)
        qFatal("expected exactly one \"%s\"", qPrintable(from));
    QString out = base;
    return out.replace(from, to);
}

} // namespace

class TestJsonEdits : public QObject
{
    Q_OBJECT

private slots:
    void operations_data();
    void operations();
    void errors_data();
    void errors();
    void locate();
};

void TestJsonEdits::operations_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("input");
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("expected");
    using A = BlockAddress;
    const QString hj = QStringLiteral("t.pkr.json");
    const QString lj = QStringLiteral("t.json");
    const QString h = readFixture(QStringLiteral("packer-build-only.pkr.json"));
    const QString l = readFixture(QStringLiteral("legacy-only-except.json"));

    // An empty block array is an error in HCL JSON ("Missing block label"):
    // the last provisioner goes with its "provisioner" member.
    QTest::newRow("hcl json: remove only provisioner")
        << hj << h << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 0)); })
        << replaceLines(h, 28, 38, QStringLiteral("    \"post-processor\": ["));
    // Removing a source disconnects it from the builds as well.
    QTest::newRow("hcl json: remove a source")
        << hj << h << Op([](PipelineEditor &e) {
               return e.remove(A::source(QStringLiteral("file"), QStringLiteral("cherry")));
           })
        << replaceOnce(replaceLines(h, 14, 20, QStringLiteral("    }")),
               QStringLiteral("\"sources.file.vanilla\",\n      \"sources.file.cherry\"\n"),
               QStringLiteral("\"sources.file.vanilla\"\n"));
    QTest::newRow("hcl json: append provisioner")
        << hj << h << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, -1, QStringLiteral("shell"),
                   {{QStringLiteral("inline"), QStringLiteral("[\"echo hi\"]")}});
           })
        << replaceLines(h, 36, 36,
               QStringLiteral("      },\n      {\n        \"shell\": {\n          \"inline\": "
                              "[\"echo hi\"]\n        }\n      }"));
    // The two post-processors differ only by their fruit: moving one up reads as swapping the
    // names.
    QTest::newRow("hcl json: move post-processor up")
        << hj << h << Op([](PipelineEditor &e) { return e.move(A::postProcessor(0, 1), 0); })
        << QString(h)
               .replace(QLatin1String("peach"), QLatin1String("@"))
               .replace(QLatin1String("pear"), QLatin1String("peach"))
               .replace(QLatin1String("@"), QLatin1String("pear"));
    QTest::newRow("hcl json: set attribute")
        << hj << h << Op([](PipelineEditor &e) {
               return e.setAttribute(A::provisioner(0, 0), QStringLiteral("name"),
                   QStringLiteral("upper(\"apple\")"));
           })
        << replaceOnce(h, QStringLiteral("\"name\": \"apple\""),
               QStringLiteral("\"name\": \"${upper(\\\"apple\\\")}\""));
    QTest::newRow("hcl json: add attribute")
        << hj << h << Op([](PipelineEditor &e) {
               return e.setAttribute(A::source(QStringLiteral("file"), QStringLiteral("vanilla")),
                   QStringLiteral("force"), QStringLiteral("true"));
           })
        << replaceOnce(h, QStringLiteral("\"target\": \"vanilla.txt\""),
               QStringLiteral("\"target\": \"vanilla.txt\",\n        \"force\": true"));
    QTest::newRow("hcl json: remove attribute")
        << hj << h << Op([](PipelineEditor &e) {
               return e.removeAttribute(A::source(QStringLiteral("file"), QStringLiteral("cherry")),
                   QStringLiteral("target"));
           })
        << replaceOnce(h,
               QStringLiteral("\"content\": \"cherry\",\n        \"target\": \"cherry.txt\""),
               QStringLiteral("\"content\": \"cherry\""));
    const QString withoutCherry
        = replaceOnce(h, QStringLiteral(",\n      \"sources.file.cherry\""), QString());
    QTest::newRow("hcl json: connect source")
        << hj << withoutCherry
        << Op([](PipelineEditor &e) { return e.connectSource(0, QStringLiteral("file.cherry")); })
        << replaceOnce(withoutCherry, QStringLiteral("\"sources.file.vanilla\"\n"),
               QStringLiteral("\"sources.file.vanilla\",\n      \"source.file.cherry\"\n"));
    QTest::newRow("hcl json: add source to existing type")
        << hj << h << Op([](PipelineEditor &e) {
               return e.addSource(QStringLiteral("file"), QStringLiteral("mint"),
                   {{QStringLiteral("content"), QStringLiteral("\"mint\"")}});
           })
        << replaceOnce(h, QStringLiteral("\"target\": \"chocolate.txt\"\n      }\n"),
               QStringLiteral("\"target\": \"chocolate.txt\"\n      },\n      \"mint\": {\n        "
                              "\"content\": \"mint\"\n      }\n"));

    QTest::newRow("hcl json: duplicate post-processor")
        << hj << h << Op([](PipelineEditor &e) { return e.duplicate(A::postProcessor(0, 3)); })
        << replaceOnce(h,
               QStringLiteral("\"echo tomato > tomato.txt\"\n          ]\n        }\n      },\n"),
               QStringLiteral("\"echo tomato > tomato.txt\"\n          ]\n        }\n      },\n    "
                              "  {\n        \"shell-local\": {\n          \"name\": \"tomato\",\n  "
                              "        \"inline\": [\n            \"echo tomato > tomato.txt\"\n   "
                              "       ]\n        }\n      },\n"));
    QTest::newRow("hcl json: duplicate source")
        << hj << h << Op([](PipelineEditor &e) {
               return e.duplicate(A::source(QStringLiteral("file"), QStringLiteral("vanilla")));
           })
        << replaceOnce(h, QStringLiteral("\"target\": \"vanilla.txt\"\n      }\n"),
               QStringLiteral(
                   "\"target\": \"vanilla.txt\"\n      },\n      \"vanilla-copy\": {\n        "
                   "\"content\": \"vanilla\",\n        \"target\": \"vanilla.txt\"\n      }\n"));
    QTest::newRow("hcl json: copy provisioner into post-processors")
        << hj << h << Op([](PipelineEditor &e) {
               return e.insertBlockText(
                   0, A::Kind::PostProcessor, 0, e.blockText(A::provisioner(0, 0)));
           })
        << replaceOnce(h, QStringLiteral("\"post-processor\": [\n"),
               QStringLiteral("\"post-processor\": [\n      {\n        \"shell-local\": {\n        "
                              "  \"name\": \"apple\",\n          \"inline\": [\n            \"echo "
                              "apple > apple.txt\"\n          ]\n        }\n      },\n"));
    QTest::newRow("hcl json: rename source follows uses")
        << hj << h << Op([](PipelineEditor &e) {
               return e.renameBlock(A::source(QStringLiteral("file"), QStringLiteral("cherry")),
                   {QStringLiteral("file"), QStringLiteral("kirsche")});
           })
        << replaceOnce(
               replaceOnce(h, QStringLiteral("\"cherry\": {"), QStringLiteral("\"kirsche\": {")),
               QStringLiteral("\"sources.file.cherry\""),
               QStringLiteral("\"source.file.kirsche\""));

    QTest::newRow("legacy: insert provisioner between")
        << lj << l << Op([](PipelineEditor &e) {
               return e.insertProvisioner(0, 1, QStringLiteral("file"),
                   {{QStringLiteral("source"), QStringLiteral("a.txt")}});
           })
        << replaceLines(l, 19, 19,
               QStringLiteral(
                   "    {\n      \"type\": \"file\",\n      \"source\": \"a.txt\"\n    },\n    {"));
    QTest::newRow("legacy: remove last post-processor")
        << lj << l << Op([](PipelineEditor &e) { return e.remove(A::postProcessor(0, 1)); })
        << replaceLines(l, 30, 35, QStringLiteral("    }"));
    QTest::newRow("legacy: move provisioner")
        << lj << l << Op([](PipelineEditor &e) { return e.move(A::provisioner(0, 1), 0); })
        << replaceLines(l, 14, 23,
               QStringLiteral("    {\n      \"type\": \"shell-local\",\n      \"inline\": [\"echo "
                              "null provisioner {{build_name}} and {{build_type}}\"],\n      "
                              "\"except\": [\"packer\"]\n    },\n"
                              "    {\n      \"type\": \"shell-local\",\n      \"inline\": [\"echo "
                              "packer provisioner {{build_name}} and {{build_type}}\"],\n      "
                              "\"only\": [\"packer\"]\n    }"));
    QTest::newRow("legacy: set attribute with template") << lj << l << Op([](PipelineEditor &e) {
        return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("packer")),
            QStringLiteral("communicator"), QStringLiteral("{{user `c`}}"));
    }) << replaceLines(l, 10, 10, QStringLiteral("      \"communicator\": \"{{user `c`}}\""));

    const QString chain
        = QStringLiteral("{\n  \"builders\": [{\"type\": \"null\", \"communicator\": \"none\"}],\n "
                         " \"post-processors\": [\n    \"compress\",\n"
                         "    [\n      {\"type\": \"compress\", \"output\": \"a.tar.gz\"},\n      "
                         "\"checksum\"\n    ]\n  ]\n}\n");
    QTest::newRow("legacy: insert into chain")
        << lj << chain << Op([](PipelineEditor &e) {
               return e.insertIntoChain(0, 1, 1, QStringLiteral("manifest"));
           })
        << replaceOnce(chain, QStringLiteral("\"a.tar.gz\"},\n"),
               QStringLiteral(
                   "\"a.tar.gz\"},\n      {\n        \"type\": \"manifest\"\n      },\n"));
    QTest::newRow("legacy: move within chain")
        << lj << chain
        << Op([](PipelineEditor &e) { return e.move(A::chainPostProcessor(0, 1, 1), 0); })
        << replaceOnce(chain,
               QStringLiteral("      {\"type\": \"compress\", \"output\": \"a.tar.gz\"},\n      "
                              "\"checksum\"\n"),
               QStringLiteral("      \"checksum\",\n      {\"type\": \"compress\", \"output\": "
                              "\"a.tar.gz\"}\n"));
    QTest::newRow("legacy: attribute on a type-only post-processor")
        << lj << chain << Op([](PipelineEditor &e) {
               return e.setAttribute(
                   A::postProcessor(0, 0), QStringLiteral("output"), QStringLiteral("\"x.tgz\""));
           })
        << replaceOnce(chain, QStringLiteral("    \"compress\",\n"),
               QStringLiteral(
                   "    {\n      \"type\": \"compress\",\n      \"output\": \"x.tgz\"\n    },\n"));
    QTest::newRow("legacy: duplicate provisioner")
        << lj << l << Op([](PipelineEditor &e) { return e.duplicate(A::provisioner(0, 1)); })
        << replaceLines(l, 23, 23,
               QStringLiteral("    },\n    {\n      \"type\": \"shell-local\",\n      \"inline\": "
                              "[\"echo null provisioner {{build_name}} and {{build_type}}\"],\n    "
                              "  \"except\": [\"packer\"]\n    }"));
    QTest::newRow("legacy: rename builder follows only and except")
        << lj << l << Op([](PipelineEditor &e) {
               return e.renameBlock(A::source(QStringLiteral("null"), QStringLiteral("packer")),
                   {QStringLiteral("null"), QStringLiteral("kiln")});
           })
        << replaceLines(l, 9, 9, QStringLiteral("      \"name\": \"kiln\","))
               .replace(QLatin1String("[\"packer\"]"), QLatin1String("[\"kiln\"]"));
    QTest::newRow("legacy: add builder")
        << lj << l << Op([](PipelineEditor &e) {
               return e.addSource(QStringLiteral("file"), QStringLiteral("f"),
                   {{QStringLiteral("content"), QStringLiteral("\"x\"")}});
           })
        << replaceLines(l, 11, 11,
               QStringLiteral("    },\n    {\n      \"type\": \"file\",\n      \"name\": \"f\",\n  "
                              "    \"content\": \"x\"\n    }"));
}

void TestJsonEdits::operations()
{
    QFETCH(QString, file);
    QFETCH(QString, input);
    QFETCH(Op, op);
    QFETCH(QString, expected);
    PipelineEditor editor(file, input);
    QVERIFY2(editor.parseError().isEmpty(), qPrintable(editor.parseError()));
    const EditResult r = op(editor);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(hcl::edit::applyEdits(input, r.edits), r.text);
    QCOMPARE(r.text, expected);
    hcl::Diagnostics diags;
    hcl::json::parseJsonConfig(r.text.toUtf8(), file, diags);
    QVERIFY(!diags.hasErrors());
    if (file.endsWith(QLatin1String(".pkr.json")))
        QCOMPARE(validate(r.text), validate(input));
    else
        QCOMPARE(validateLegacy(r.text), validateLegacy(input));
}

void TestJsonEdits::errors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("input");
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("error");
    using A = BlockAddress;
    const QString h = readFixture(QStringLiteral("packer-build-only.pkr.json"));
    const QString l = readFixture(QStringLiteral("legacy-only-except.json"));
    QTest::newRow("unparseable")
        << QStringLiteral("t.pkr.json") << QStringLiteral("{\"build\": [}")
        << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 0)); })
        << QStringLiteral("t.pkr.json:1,12-13: Missing JSON value; A JSON value must start with a "
                          "brace, a bracket, a number, a string, or a keyword.");
    QTest::newRow("no such build")
        << QStringLiteral("t.pkr.json") << h
        << Op([](PipelineEditor &e) { return e.insertProvisioner(2, 0, QStringLiteral("shell")); })
        << QStringLiteral("t.pkr.json has no build number 2 (it has 1)");
    QTest::newRow("no such provisioner")
        << QStringLiteral("t.json") << l
        << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 5)); })
        << QStringLiteral("Build 0 has no provisioner number 5 (it has 2)");
    QTest::newRow("chain in legacy is a single one")
        << QStringLiteral("t.json") << l << Op([](PipelineEditor &e) {
               return e.insertIntoChain(0, 0, 0, QStringLiteral("compress"));
           })
        << QStringLiteral(
               "Post-processing entry 0 of build 0 is a single post-processor, not a chain");
    QTest::newRow("missing attribute") << QStringLiteral(
        "t.pkr.json") << h << Op([](PipelineEditor &e) {
        return e.removeAttribute(A::provisioner(0, 0), QStringLiteral("nope"));
    }) << QStringLiteral("The block has no attribute \"nope\"");
}

void TestJsonEdits::errors()
{
    QFETCH(QString, file);
    QFETCH(QString, input);
    QFETCH(Op, op);
    QFETCH(QString, error);
    PipelineEditor editor(file, input);
    const EditResult r = op(editor);
    QVERIFY(!r.ok());
    QVERIFY(r.edits.isEmpty());
    QCOMPARE(r.error, error);
}

void TestJsonEdits::locate()
{
    const QString h = readFixture(QStringLiteral("packer-build-only.pkr.json"));
    PipelineEditor editor(QStringLiteral("t.pkr.json"), h);
    QCOMPARE(editor.buildCount(), 1);
    QCOMPARE(editor.count(0, BlockAddress::Kind::Provisioner), 1);
    QCOMPARE(editor.count(0, BlockAddress::Kind::PostProcessor), 5);
    QCOMPARE(editor.count(0, BlockAddress::Kind::Source), 3);
    const auto span = editor.spanOf(BlockAddress::postProcessor(0, 1));
    QVERIFY(span);
    QVERIFY(
        h.mid(span->start, span->end - span->start).contains(QLatin1String("\"name\": \"pear\"")));
    const auto at = editor.blockAt(h.indexOf(QLatin1String("echo pear")));
    QVERIFY(at);
    QCOMPARE(*at, [] {
        auto a = BlockAddress::postProcessor(0, 1);
        a.file = QStringLiteral("t.pkr.json");
        return a;
    }());
    const auto src = editor.blockAt(h.indexOf(QLatin1String("vanilla.txt")));
    QVERIFY(src);
    QCOMPARE(src->labels, QStringList({QStringLiteral("file"), QStringLiteral("vanilla")}));
}

QTEST_GUILESS_MAIN(TestJsonEdits)
#include "tst_jsonedits.moc"
