// PipelineSnapshot from real templates: the corpus (bento directory, Packer's
// `complete` fixture, a legacy JSON template) and the designer's fixtures.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/TemplateDocument.h"

#include <QtTest>

using namespace kiln::models;
using Kind = kiln::tmpl::edit::BlockAddress::Kind;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/") + QLatin1String(name);
}

} // namespace

class TestPipelineSnapshot : public QObject
{
    Q_OBJECT

private slots:
    void multiBuild()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(fixture("multi-build.pkr.hcl")));
        const PipelineSnapshot &s = doc.snapshot();
        QVERIFY(s.structureValid);
        QCOMPARE(s.sources.size(), 3);
        QCOMPARE(s.variables.size(), 3);
        QCOMPARE(s.locals.size(), 2);
        QCOMPARE(s.dataSources.size(), 1);
        QCOMPARE(s.builds.size(), 2);
        const PipelineBuild &c = s.builds.at(0);
        QCOMPARE(c.name, QStringLiteral("container"));
        QCOMPARE(c.sources.size(), 1);
        QCOMPARE(c.sources.first().source, 0);
        QCOMPARE(c.provisioners.size(), 3);
        QCOMPARE(c.provisioners.at(1).type, QStringLiteral("file"));
        QCOMPARE(c.provisioners.at(1).id, QStringLiteral("build.0.provisioner.1"));
        kiln::tmpl::edit::BlockAddress expected = kiln::tmpl::edit::BlockAddress::provisioner(0, 1);
        expected.file = c.file;
        QCOMPARE(c.provisioners.at(1).address, expected);
        QVERIFY(c.errorCleanup.has_value());
        QCOMPARE(c.errorCleanup->type, QStringLiteral("shell-local"));
        // One chain of two, then a standalone post-processor.
        QCOMPARE(c.chains.size(), 2);
        QCOMPARE(c.chains.at(0).size(), 2);
        QCOMPARE(c.chains.at(0).at(1).type, QStringLiteral("docker-push"));
        QCOMPARE(c.chains.at(0).at(1).address.kind, Kind::ChainPostProcessor);
        QCOMPARE(c.chains.at(0).at(1).address.chainIndex, 1);
        QCOMPARE(c.chains.at(1).first().address.kind, Kind::PostProcessor);
        QCOMPARE(c.chains.at(1).first().address.index, 1);
        const PipelineBuild &a = s.builds.at(1);
        QCOMPARE(a.sources.size(), 2);
        QCOMPARE(a.address.build, 1);
        // Whole block ranges: a provisioner's block runs from its keyword to its brace.
        const PipelineNode &file = c.provisioners.at(1);
        const QString text = doc.text();
        const int start = doc.utf16Offset(file.file, file.range.start.byte);
        const int end = doc.utf16Offset(file.file, file.range.end.byte);
        QVERIFY(text.mid(start, end - start).startsWith(QStringLiteral("provisioner \"file\" {")));
        QVERIFY(text.mid(start, end - start).endsWith(QLatin1Char('}')));
        // nodeAt: the innermost block under a position.
        const int inside = file.range.start.byte + 30;
        QCOMPARE(s.nodeAt(file.file, inside)->id, file.id);
        QVERIFY(s.diagnostics.isEmpty());
    }

    void diagnosticsArePinnedOnNodes()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(fixture("broken.pkr.hcl")));
        const PipelineSnapshot &s = doc.snapshot();
        QVERIFY(!doc.diagnostics().isEmpty());
        const PipelineNode &p = s.builds.first().provisioners.first();
        QCOMPARE(p.diagnostics.size(), 1);
        QCOMPARE(p.diagnostics.first().summary, QStringLiteral("Unsupported argument"));
        QVERIFY(s.builds.first().provisioners.at(1).diagnostics.isEmpty());
    }

    void bentoDirectory()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates")));
        const PipelineSnapshot &s = doc.snapshot();
        QVERIFY(s.structureValid);
        QCOMPARE(s.sources.size(), 8);
        QVERIFY(s.variables.size() > 100);
        // `sources = var.sources_enabled` cannot be decoded without values; the lane is still
        // drawn.
        QCOMPARE(s.builds.size(), 1);
        QCOMPARE(s.builds.first().provisioners.size(), 12);
        QCOMPARE(s.builds.first().chains.size(), 2);
        QVERIFY(doc.diagnostics().hasErrors());
    }

    void packerCompleteFixture()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(
            QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/hcl2template/testdata/complete")));
        const PipelineSnapshot &s = doc.snapshot();
        QVERIFY(s.structureValid);
        QVERIFY(!s.builds.isEmpty());
        QVERIFY(!s.sources.isEmpty());
        int provisioners = 0;
        for (const PipelineBuild &b : s.builds)
            provisioners += int(b.provisioners.size());
        QVERIFY(provisioners > 0);
        QVERIFY(!s.dataSources.isEmpty());
    }

    void legacyJson()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(QStringLiteral(KILN_CORPUS_DIR
            "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/complete/input.json")));
        QCOMPARE(doc.syntax(), TemplateSyntax::LegacyJson);
        const PipelineSnapshot &s = doc.snapshot();
        QVERIFY(s.structureValid);
        QCOMPARE(s.builds.size(), 1);
        QVERIFY(!s.sources.isEmpty());
        QVERIFY(!s.builds.first().provisioners.isEmpty());
        QVERIFY(!s.builds.first().chains.isEmpty());
        for (const PipelineNode &src : s.sources)
            QVERIFY(src.range.end.byte > src.range.start.byte);
    }

    void pkrJson()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(QStringLiteral(
            KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/build-only/template.pkr.json")));
        QCOMPARE(doc.syntax(), TemplateSyntax::Hcl2Json);
        QVERIFY(doc.snapshot().structureValid);
        QVERIFY(!doc.snapshot().sources.isEmpty());
        QVERIFY(!doc.snapshot().builds.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPipelineSnapshot)
#include "tst_pipelinesnapshot.moc"
