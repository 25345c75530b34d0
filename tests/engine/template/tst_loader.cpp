// The loader: which files are read and in what order, the packer block, the
// top-level schema, and the model it builds from a complete template.

#include "engine/template/TemplateLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl;

namespace {

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/template/") + rel;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

QStringList summaries(const hcl::Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << d.summary;
    return out;
}

Template load(const QString &path, hcl::Diagnostics &diags, bool initialize = true)
{
    LoadOptions opts;
    opts.path = path;
    opts.environment = QStringList();
    Template tpl = TemplateLoader::parse(opts, diags);
    if (initialize && !diags.hasErrors())
        diags += TemplateLoader::initialize(tpl);
    return tpl;
}

} // namespace

class TestLoader : public QObject
{
    Q_OBJECT

private slots:
    void kindOfPath()
    {
        QCOMPARE(TemplateLoader::kindOf(QStringLiteral("a.pkr.hcl")), TemplateKind::Hcl2);
        QCOMPARE(TemplateLoader::kindOf(QStringLiteral("a.pkr.json")), TemplateKind::Hcl2);
        QCOMPARE(TemplateLoader::kindOf(QStringLiteral("a.json")), TemplateKind::LegacyJson);
        QCOMPARE(TemplateLoader::kindOf(fixture(QStringLiteral("complete"))), TemplateKind::Hcl2);
    }

    void missingPath()
    {
        hcl::Diagnostics diags;
        load(QStringLiteral("/nonexistent/x.pkr.hcl"), diags);
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags[0].detail, QStringLiteral("stat /nonexistent/x.pkr.hcl: no such file or directory"));
    }

    void emptyDirectory()
    {
        QTemporaryDir dir;
        hcl::Diagnostics diags;
        load(dir.path(), diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Could not find any config file in ") + dir.path()});
        QCOMPARE(diags[0].detail, QStringLiteral("A config file must be suffixed with `.pkr.hcl` or `.pkr.json`. "
                                                 "A folder can be referenced."));
    }

    void directoryFilesInNameOrder()
    {
        hcl::Diagnostics diags;
        Template tpl = load(fixture(QStringLiteral("complete")), diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(summaries(diags).join('\n')));
        QCOMPARE(tpl.configFileCount, 3);
        QVERIFY(tpl.files[0].filename.endsWith(QLatin1String("build.pkr.hcl")));
        QVERIFY(tpl.files[1].filename.endsWith(QLatin1String("sources.pkr.hcl")));
        QVERIFY(tpl.files[2].filename.endsWith(QLatin1String("variables.pkr.hcl")));
        QCOMPARE(tpl.basedir, fixture(QStringLiteral("complete")));
        QVERIFY(!tpl.sourceBytes().value(tpl.files[0].filename).isEmpty());
    }

    void completeModel()
    {
        hcl::Diagnostics diags;
        Template tpl = load(fixture(QStringLiteral("complete")), diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(summaries(diags).join('\n')));
        QCOMPARE(tpl.sources.size(), 2);
        QCOMPARE(tpl.sources[0].sourceRef().toString(), QStringLiteral("null.first"));
        QCOMPARE(tpl.sources[0].ref.defRange.start.line, 1);
        QCOMPARE(tpl.builds.size(), 1);
        const BuildBlock &b = tpl.builds[0];
        QCOMPARE(b.name, QStringLiteral("main"));
        QCOMPARE(b.description, QStringLiteral("Builds both."));
        QCOMPARE(b.sources.size(), 2);
        QCOMPARE(b.sources[0].toString(), QStringLiteral("null.first"));
        QCOMPARE(b.sources[1].toString(), QStringLiteral("null.renamed"));
        QCOMPARE(b.sources[1].ref.toString(), QStringLiteral("null.second"));
        QCOMPARE(b.provisioners.size(), 2);
        const ProvisionerBlock &p = b.provisioners[0];
        QCOMPARE(p.type, QStringLiteral("shell-local"));
        QCOMPARE(p.name, QStringLiteral("hello"));
        QCOMPARE(p.pauseBeforeMs, 10000);
        QCOMPARE(p.maxRetries, 3);
        QCOMPARE(p.timeoutMs, 90000);
        QCOMPARE(p.onlyExcept.only, QStringList{QStringLiteral("null.first")});
        QVERIFY(p.onlyExcept.skip(QStringLiteral("null.renamed")));
        QVERIFY(!p.onlyExcept.skip(QStringLiteral("null.first")));
        QCOMPARE(p.ref.defRange.start.line, 10);
        QVERIFY(b.errorCleanupProvisioner.has_value());
        QCOMPARE(b.postProcessorLists.size(), 2);
        QCOMPARE(b.postProcessorLists[0][0].name, QStringLiteral("man"));
        QCOMPARE(b.postProcessorLists[1].size(), 2);
        QCOMPARE(b.postProcessorLists[1][1].keepInputArtifact, std::optional<bool>(true));
        QVERIFY(!b.postProcessorLists[1][0].keepInputArtifact.has_value());
        // The use's body is the source definition merged with the build's overrides.
        QVERIFY(b.sources[1].body);
        hcl::Diagnostics attrDiags;
        hcl::BodySchema schema;
        schema.attributes = {{QStringLiteral("communicator"), true}};
        const hcl::BodyContent c = b.sources[1].body->content(schema, attrDiags);
        QVERIFY2(attrDiags.isEmpty(), qPrintable(summaries(attrDiags).join('\n')));
        QCOMPARE(c.attributes.size(), 1);
        QCOMPARE(c.attributes[0].name, QStringLiteral("communicator"));
    }

    void requiredVersion_data()
    {
        QTest::addColumn<QString>("constraint");
        QTest::addColumn<bool>("ok");
        QTest::newRow(">= 1.7") << ">= 1.7" << true;
        QTest::newRow("~> 1.11") << "~> 1.11" << true;
        QTest::newRow("~> 1.11.1") << "~> 1.11.1" << false;
        QTest::newRow("< 1.0") << "< 1.0" << false;
        QTest::newRow(">= 1.2, < 2") << ">= 1.2, < 2" << true;
        QTest::newRow("= 1.11.0") << "= 1.11.0" << true;
        QTest::newRow("!= 1.11.0") << "!= 1.11.0" << false;
    }
    void requiredVersion()
    {
        QFETCH(QString, constraint);
        QFETCH(bool, ok);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "packer {\n  required_version = \"" + constraint.toUtf8() + "\"\n}\n");
        hcl::Diagnostics diags;
        load(path, diags, false);
        QCOMPARE(diags.hasErrors(), !ok);
        if (!ok) {
            QCOMPARE(diags[0].summary, QStringLiteral("Unsupported Packer Core version"));
            QVERIFY(diags[0].detail.startsWith(QLatin1String("This configuration does not support Packer version 1.11.0.")));
            QCOMPARE(diags[0].subject->start.line, 2);
        }
    }

    void invalidVersionConstraint()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "packer {\n  required_version = \"banana\"\n}\n");
        hcl::Diagnostics diags;
        load(path, diags, false);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Invalid version constraint")});
    }

    void unknownTopLevelBlock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "potato \"x\" {}\n");
        hcl::Diagnostics diags;
        load(path, diags, false);
        QVERIFY(diags.hasErrors());
        QCOMPARE(diags[0].summary, QStringLiteral("Unsupported block type"));
        QCOMPARE(diags[0].subject->start.line, 1);
    }

    void duplicateSource()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "source \"null\" \"a\" {}\n\nsource \"null\" \"a\" {}\n");
        hcl::Diagnostics diags;
        load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Duplicate source block")});
        QCOMPARE(diags[0].subject->start.line, 3);
        QVERIFY2(diags[0].detail.contains(path + QStringLiteral(":1,1-18")), qPrintable(diags[0].detail));
    }

    void buildWithoutSource()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "build {\n  name = \"x\"\n}\n");
        hcl::Diagnostics diags;
        Template tpl = load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("missing source reference")});
        QCOMPARE(tpl.builds.size(), 0);
    }

    void invalidSourceReference()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "build {\n  sources = [\"ami\"]\n}\n");
        hcl::Diagnostics diags;
        load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Invalid source reference")});
    }

    void unknownSourceInBuild()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "source \"null\" \"abc\" {}\nbuild {\n  sources = [\"source.null.abd\"]\n}\n");
        hcl::Diagnostics diags;
        load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Unknown source null.abd")});
        QCOMPARE(diags[0].detail, QStringLiteral("Did you mean to use \"null.abc\"?"));
        QCOMPARE(diags[0].subject->start.line, 2);
    }

    void overrideCannotResetSourceArgument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "source \"null\" \"a\" {\n  communicator = \"none\"\n}\nbuild {\n  source \"source.null.a\" {\n"
                        "    communicator = \"ssh\"\n  }\n}\n");
        hcl::Diagnostics diags;
        Template tpl = load(path, diags);
        QVERIFY(!diags.hasErrors());
        hcl::Diagnostics merged;
        tpl.builds[0].sources[0].body->justAttributes(merged);
        QCOMPARE(summaries(merged), QStringList{QStringLiteral("Duplicate argument")});
        QCOMPARE(merged[0].subject->start.line, 6);
    }

    void provisionerOnlyAndExcept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "source \"null\" \"a\" {}\nbuild {\n  sources = [\"source.null.a\"]\n"
                        "  provisioner \"shell\" {\n    only = [\"a\"]\n    except = [\"b\"]\n  }\n}\n");
        hcl::Diagnostics diags;
        load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("only one of 'only' or 'except' may be specified")});
    }

    void badDurations()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        writeFile(path, "source \"null\" \"a\" {}\nbuild {\n  sources = [\"source.null.a\"]\n"
                        "  provisioner \"shell\" {\n    pause_before = \"ten seconds\"\n  }\n}\n");
        hcl::Diagnostics diags;
        load(path, diags);
        QCOMPARE(summaries(diags), QStringList{QStringLiteral("Failed to parse pause_before duration")});
        QCOMPARE(diags[0].detail, QStringLiteral("time: invalid duration \"ten seconds\""));
        QCOMPARE(diags[0].subject->start.line, 4);
    }

    void twoErrorCleanupProvisioners()
    {
        hcl::Diagnostics diags;
        load(QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/hcl2template/testdata/build/two-error-cleanup-provisioner.pkr.hcl"),
             diags);
        QVERIFY(summaries(diags).contains(QStringLiteral("Only one error-cleanup-provisioner is allowed")));
    }
};

QTEST_GUILESS_MAIN(TestLoader)
#include "tst_loader.moc"
