// Build selection: build names, -only / -except globs, provisioner and
// post-processor only/except, the warnings for patterns that match nothing.

#include "engine/template/BuildGlob.h"
#include "engine/template/BuildSelector.h"
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

const QByteArray kTemplate = R"(
source "null" "a" {
  communicator = "none"
}
source "null" "b" {
  communicator = "none"
}
build {
  sources = ["source.null.a", "source.null.b"]
  provisioner "shell-local" {
    inline = ["echo a"]
    only   = ["null.a"]
  }
  provisioner "shell-local" {
    inline = ["echo not b"]
    except = ["null.b"]
  }
  post-processors {
    post-processor "manifest" {}
    post-processor "checksum" {
      name           = "sums"
      checksum_types = ["md5"]
    }
  }
}
build {
  name    = "named"
  sources = ["source.null.a"]
}
)";

Template loadTemplate(hcl::Diagnostics &diags)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(kTemplate);
    f.close();
    LoadOptions opts;
    opts.path = path;
    opts.environment = QStringList();
    Template tpl = TemplateLoader::parse(opts, diags);
    diags += TemplateLoader::initialize(tpl);
    return tpl;
}

QStringList names(const QList<PlannedBuild> &builds)
{
    QStringList out;
    for (const auto &b : builds)
        out << b.name;
    return out;
}

} // namespace

class TestBuilds : public QObject
{
    Q_OBJECT

private slots:
    void globs_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("match");
        QTest::newRow("exact") << "null.a" << "null.a" << true;
        QTest::newRow("star crosses dots") << "*.a" << "named.null.a" << true;
        QTest::newRow("question") << "null.?" << "null.b" << true;
        QTest::newRow("question one char") << "null.?" << "null.bb" << false;
        QTest::newRow("prefix") << "null.*" << "named.null.a" << false;
        QTest::newRow("class") << "null.[ab]" << "null.b" << true;
        QTest::newRow("alternatives") << "{named,x}.*" << "named.null.a" << true;
    }
    void globs()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, match);
        std::optional<BuildGlob> g = BuildGlob::compile(pattern);
        QVERIFY(g.has_value());
        QCOMPARE(g->match(name), match);
    }

    void badGlob()
    {
        QString error;
        QVERIFY(!BuildGlob::compile(QStringLiteral("null.[a"), &error));
        QVERIFY(!error.isEmpty());
    }

    void allBuilds()
    {
        hcl::Diagnostics diags;
        Template tpl = loadTemplate(diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(summaries(diags).join('\n')));
        QList<PlannedBuild> builds = BuildSelector::select(tpl, {}, diags);
        QCOMPARE(names(builds), (QStringList{"null.a", "null.b", "named.null.a"}));
        QCOMPARE(builds[0].provisioners.size(), 2);
        QCOMPARE(builds[1].provisioners.size(), 0);
        QCOMPARE(builds[0].postProcessors.size(), 1);
        QCOMPARE(builds[0].postProcessors[0].size(), 2);
    }

    void onlyAndExcept()
    {
        hcl::Diagnostics diags;
        Template tpl = loadTemplate(diags);
        BuildSelectionOptions o;
        o.only = QStringList{QStringLiteral("*.a")};
        QCOMPARE(names(BuildSelector::select(tpl, o, diags)), (QStringList{"null.a", "named.null.a"}));
        QVERIFY(diags.isEmpty());
        o = {};
        o.except = QStringList{QStringLiteral("null.b")};
        QCOMPARE(names(BuildSelector::select(tpl, o, diags)), (QStringList{"null.a", "named.null.a"}));
        QVERIFY(diags.isEmpty());
    }

    void exceptPostProcessorEndsChain()
    {
        hcl::Diagnostics diags;
        Template tpl = loadTemplate(diags);
        BuildSelectionOptions o;
        o.except = QStringList{QStringLiteral("manifest")};
        QList<PlannedBuild> builds = BuildSelector::select(tpl, o, diags);
        QCOMPARE(builds.size(), 3);
        QVERIFY(builds[0].postProcessors.isEmpty());
        QVERIFY(diags.isEmpty());
    }

    void unmatchedPatternsWarn()
    {
        hcl::Diagnostics diags;
        Template tpl = loadTemplate(diags);
        BuildSelectionOptions o;
        o.only = QStringList{QStringLiteral("docker.*")};
        QVERIFY(BuildSelector::select(tpl, o, diags).isEmpty());
        QCOMPARE(summaries(diags),
                 QStringList{QStringLiteral("an 'only' option was passed, but not all matches were found for the given build.")});
        QCOMPARE(diags[0].severity, hcl::Severity::Warning);
        QCOMPARE(diags[0].detail, QStringLiteral("Possible build names: [null.a null.b named.null.a].\nThese could also be "
                                                 "matched with a glob pattern like: 'happycloud.*'"));
    }

    void missingBuildBlock()
    {
        Template tpl;
        hcl::Diagnostics diags;
        BuildSelector::select(tpl, {}, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Missing build block")});
    }

    void buildContextNamesTheSource()
    {
        hcl::Diagnostics diags;
        Template tpl = loadTemplate(diags);
        QList<PlannedBuild> builds = BuildSelector::select(tpl, {}, diags);
        hcl::EvalContext ctx = BuildSelector::buildContext(tpl, builds[1]);
        QCOMPARE(ctx.lookupVariable("source")->attribute("name").asString(), QStringLiteral("b"));
        QCOMPARE(ctx.lookupVariable("source")->attribute("type").asString(), QStringLiteral("null"));
    }
};

QTEST_GUILESS_MAIN(TestBuilds)
#include "tst_builds.moc"
