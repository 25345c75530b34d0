// Locals and data sources: dependency order, cycles, missing references,
// duplicates, `local` blocks with sensitivity.

#include "engine/template/TemplateLoader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl;

namespace {

QStringList summaries(const hcl::Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << d.summary;
    return out;
}

struct Loaded
{
    Template tpl;
    hcl::Diagnostics diags;
};

Loaded loadFiles(const QList<QPair<QString, QByteArray>> &files)
{
    static QTemporaryDir dir;
    static int n = 0;
    const QString sub = dir.filePath(QString::number(++n));
    QDir().mkpath(sub);
    for (const auto &[name, text] : files) {
        QFile f(sub + QLatin1Char('/') + name);
        f.open(QIODevice::WriteOnly);
        f.write(text);
    }
    LoadOptions opts;
    opts.path = sub;
    opts.environment = QStringList();
    Loaded l;
    l.tpl = TemplateLoader::parse(opts, l.diags);
    if (!l.diags.hasErrors())
        l.diags += TemplateLoader::initialize(l.tpl);
    return l;
}

Loaded loadText(const QByteArray &text)
{
    return loadFiles({{QStringLiteral("t.pkr.hcl"), text}});
}

} // namespace

class TestLocals : public QObject
{
    Q_OBJECT

private slots:
    void dependencyOrder()
    {
        // Declared before what they use, and across files.
        Loaded l = loadFiles({{QStringLiteral("a.pkr.hcl"), "locals {\n  c = \"${local.b}-c\"\n}\n"},
                              {QStringLiteral("b.pkr.hcl"),
                               "locals {\n  b = \"${local.a}-b\"\n  a = upper(var.v)\n}\n"
                               "variable \"v\" {\n  default = \"v\"\n}\n"}});
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QCOMPARE(l.tpl.localVariables.value("c").rawValue().asString(), QStringLiteral("V-b-c"));
    }

    void cycle()
    {
        Loaded l = loadText("locals {\n  a = local.b\n  b = local.a\n}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("failed to prepare execution graph")});
        QVERIFY(l.diags[0].detail.startsWith(
            QLatin1String("An error occurred while building the graph for datasources/locals: 1 error occurred:\n\t* Cycle: ")));
        QVERIFY(l.diags[0].detail.contains(QLatin1String("local.a")));
        QVERIFY(l.diags[0].detail.contains(QLatin1String("local.b")));
    }

    void selfReference()
    {
        Loaded l = loadText("locals {\n  a = \"${local.a}x\"\n}\n");
        QCOMPARE(l.diags.size(), 1);
        QVERIFY(l.diags[0].detail.contains(QLatin1String("Self reference: local.a")));
    }

    void missingLocal()
    {
        Loaded l = loadText("locals {\n  a = local.nope\n}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("failed to prepare execution graph")});
        QVERIFY(l.diags[0].detail.contains(
            QLatin1String("could not get dependency \"local.nope\" for \"local.a\", \"local.nope\" missing in template")));
    }

    void duplicateLocal()
    {
        Loaded l = loadFiles({{QStringLiteral("a.pkr.hcl"), "locals {\n  x = 1\n}\n"},
                              {QStringLiteral("b.pkr.hcl"), "local \"x\" {\n  expression = 2\n}\n"}});
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Duplicate local definition")});
        QVERIFY(l.diags[0].subject->filename.endsWith(QLatin1String("b.pkr.hcl")));
    }

    void localBlockSensitive()
    {
        Loaded l = loadText("local \"token\" {\n  expression = \"abc-${1 + 1}\"\n  sensitive  = true\n}\n");
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        const Variable v = l.tpl.localVariables.value("token");
        QCOMPARE(v.rawValue().asString(), QStringLiteral("abc-2"));
        QVERIFY(v.value().isSensitive());
        QCOMPARE(l.tpl.secrets(), QStringList{QStringLiteral("abc-2")});
    }

    void invalidLocalName()
    {
        Loaded l = loadText("local \"9x\" {\n  expression = 1\n}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Invalid local name")});
    }

    void evaluationErrorStops()
    {
        Loaded l = loadText("locals {\n  a = 1 + \"x\"\n}\n");
        QVERIFY(l.diags.hasErrors());
        QCOMPARE(l.diags[0].subject->start.line, 2);
        QVERIFY(!l.tpl.localVariables.contains("a"));
    }

    void dataSourcesAreUnknownWhenNotExecuted()
    {
        Loaded l = loadText("data \"null\" \"d\" {\n  input = \"x\"\n}\nlocals {\n  v = data.null.d.output\n}\n");
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QVERIFY(!l.tpl.localVariables.value("v").rawValue().isKnown());
    }

    void dataSourceCycle()
    {
        Loaded l = loadText("data \"null\" \"a\" {\n  input = data.null.b.output\n}\n"
                            "data \"null\" \"b\" {\n  input = data.null.a.output\n}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("failed to prepare execution graph")});
        QVERIFY(l.diags[0].detail.contains(QLatin1String("Cycle: ")));
        QVERIFY(l.diags[0].detail.contains(QLatin1String("null.a")));
    }

    void duplicateDataSource()
    {
        Loaded l = loadText("data \"null\" \"a\" {}\ndata \"null\" \"a\" {}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Duplicate data block")});
    }
};

QTEST_GUILESS_MAIN(TestLocals)
#include "tst_locals.moc"
