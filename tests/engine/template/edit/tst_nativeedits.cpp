// Surgical edits of native-syntax templates: each operation against exact
// expected text, on a fmt-clean template with comments.

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/edit/PipelineEditor.h"

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

    QTest::newRow("insert provisioner first") << p
        << Op([](PipelineEditor &e) { return e.insertProvisioner(0, 0, QStringLiteral("shell"), {{QStringLiteral("inline"), QStringLiteral("[\"a\"]")}, {QStringLiteral("execute_command"), QStringLiteral("\"x\"")}}); })
        << insertLines(p, 18, QStringLiteral("  provisioner \"shell\" {\n    inline          = [\"a\"]\n    execute_command = \"x\"\n  }\n"));
    QTest::newRow("append provisioner") << p
        << Op([](PipelineEditor &e) { return e.insertProvisioner(0, -1, QStringLiteral("shell-local"), {}); })
        << insertLines(p, 26, QStringLiteral("\n  provisioner \"shell-local\" {\n  }"));
    QTest::newRow("remove commented provisioner") << p
        << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 0)); })
        << replaceLines(p, 18, 22, QString());
    QTest::newRow("remove last chain member") << p
        << Op([](PipelineEditor &e) { return e.remove(A::chainPostProcessor(0, 1, 1)); })
        << replaceLines(p, 34, 35, QString());
    QTest::newRow("move provisioner down") << p
        << Op([](PipelineEditor &e) { return e.move(A::provisioner(0, 0), 1); })
        << replaceLines(p, 18, 25, QStringLiteral("  provisioner \"shell-local\" {\n    inline = [\"echo two\"]\n  }\n\n  # first step\n  provisioner \"shell-local\" {\n    inline = [\"echo ${var.greeting}\"] # say hi\n  }"));
    QTest::newRow("set attribute keeps comment") << p
        << Op([](PipelineEditor &e) { return e.setAttribute(A::provisioner(0, 0), QStringLiteral("inline"), QStringLiteral("[\"echo bye\"]")); })
        << replaceLines(p, 20, 20, QStringLiteral("    inline = [\"echo bye\"] # say hi"));
    QTest::newRow("add attribute aligns") << p
        << Op([](PipelineEditor &e) { return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("a")), QStringLiteral("ssh_host"), QStringLiteral("\"h\"")); })
        << replaceLines(p, 8, 8, QStringLiteral("  communicator = \"none\"\n  ssh_host     = \"h\""));
    QTest::newRow("connect source") << p
        << Op([](PipelineEditor &e) { return e.connectSource(0, QStringLiteral("null.b")); })
        << replaceLines(p, 16, 16, QStringLiteral("  sources = [\"source.null.a\", \"source.null.b\"]"));
    QTest::newRow("add source") << p
        << Op([](PipelineEditor &e) { return e.addSource(QStringLiteral("null"), QStringLiteral("c"), {}); })
        << insertLines(p, 14, QStringLiteral("\nsource \"null\" \"c\" {\n}"));
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
    if (hcl::formatHcl(input.toUtf8()) == input.toUtf8())
        QCOMPARE(QString::fromUtf8(hcl::formatHcl(r.text.toUtf8())), r.text);
    QCOMPARE(validate(r.text), QString());
}

QTEST_GUILESS_MAIN(TestNativeEdits)
#include "tst_nativeedits.moc"
