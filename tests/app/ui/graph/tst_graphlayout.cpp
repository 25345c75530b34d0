// GraphLayout: deterministic, no overlapping cards, lanes wrap, pinned positions,
// drop positions; and the layout sidecar that keeps pinned positions.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/LayoutSidecar.h"
#include "app/models/document/TemplateDocument.h"
#include "app/ui/graph/GraphLayout.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using ui::GraphLayout;

namespace {

models::PipelineSnapshot load(const QString &path)
{
    models::TemplateDocument doc(&models::ComponentCatalog::registry());
    if (!doc.open(path))
        return {};
    return doc.snapshot();
}

void checkNoOverlap(const GraphLayout &g)
{
    const QList<QString> ids = g.nodes.keys();
    for (int i = 0; i < ids.size(); ++i)
        for (int j = i + 1; j < ids.size(); ++j)
            QVERIFY2(!g.nodes.value(ids.at(i)).intersects(g.nodes.value(ids.at(j))),
                qPrintable(ids.at(i) + QStringLiteral(" overlaps ") + ids.at(j)));
    for (int i = 0; i < g.lanes.size(); ++i)
        for (int j = i + 1; j < g.lanes.size(); ++j)
            QVERIFY(!g.lanes.at(i).rect.intersects(g.lanes.at(j).rect));
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT

private slots:
    void templates_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("multi-build")
            << QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl");
        QTest::newRow("bento") << QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates");
        QTest::newRow("complete") << QStringLiteral(
            KILN_CORPUS_DIR "/packer-v1.9.5/hcl2template/testdata/complete");
        QTest::newRow("legacy") << QStringLiteral(KILN_CORPUS_DIR
            "/packer-v1.9.5/command/test-fixtures/hcl2_upgrade/complete/input.json");
    }

    void templates()
    {
        QFETCH(QString, path);
        const models::PipelineSnapshot s = load(path);
        QVERIFY(s.structureValid);
        const GraphLayout a = GraphLayout::compute(s);
        const GraphLayout b = GraphLayout::compute(s);
        QCOMPARE(a.nodes, b.nodes); // deterministic
        checkNoOverlap(a);
        // Every lane node sits inside its lane.
        for (const models::PipelineBuild &build : s.builds) {
            for (const models::PipelineNode &n : build.provisioners)
                QVERIFY(a.lanes.at(build.index).rect.contains(a.nodes.value(n.id)));
            for (const auto &chain : build.chains)
                for (const models::PipelineNode &n : chain)
                    QVERIFY(a.lanes.at(build.index).rect.contains(a.nodes.value(n.id)));
        }
    }

    void orderAndWrapping()
    {
        const models::PipelineSnapshot s
            = load(QStringLiteral(KILN_CORPUS_DIR "/bento/packer_templates"));
        const GraphLayout g = GraphLayout::compute(s);
        const auto &provs = s.builds.first().provisioners;
        QCOMPARE(provs.size(), 12);
        // Five per row, reading order.
        QCOMPARE(g.nodes.value(provs.at(4).id).top(), g.nodes.value(provs.at(0).id).top());
        QVERIFY(g.nodes.value(provs.at(5).id).top() > g.nodes.value(provs.at(4).id).top());
        QCOMPARE(g.nodes.value(provs.at(5).id).left(), g.nodes.value(provs.at(0).id).left());
        // Post-processors right of every provisioner.
        for (const models::PipelineNode &p : provs)
            QVERIFY(g.nodes.value(s.builds.first().chains.first().first().id).left()
                > g.nodes.value(p.id).right());
        // Long input groups fold: 139 variables, 8 drawn.
        QCOMPARE(g.groups.first().title, QStringLiteral("Variables"));
        QCOMPARE(g.groups.first().hidden, int(s.variables.size()) - 8);
        ui::GraphLayoutOptions all;
        all.expandedGroups.insert(QStringLiteral("Variables"));
        const GraphLayout expanded = GraphLayout::compute(s, {}, all);
        for (const models::PipelineNode &v : s.variables)
            QVERIFY(expanded.nodes.contains(v.id));
        checkNoOverlap(expanded);
    }

    void dropPositions()
    {
        const models::PipelineSnapshot s = load(
            QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl"));
        const GraphLayout g = GraphLayout::compute(s);
        const QRectF first = g.nodes.value(QStringLiteral("build.0.provisioner.0"));
        const QRectF second = g.nodes.value(QStringLiteral("build.0.provisioner.1"));
        QCOMPARE(g.laneAt(first.center()), 0);
        QCOMPARE(g.provisionerIndexAt(0, first.center() - QPointF(60, 0)), 0);
        QCOMPARE(g.provisionerIndexAt(
                     0, QPointF((first.right() + second.left()) / 2, first.center().y())),
            1);
        QCOMPARE(g.provisionerIndexAt(0, QPointF(10000, first.center().y())), 3);
        const QRectF chain0 = g.nodes.value(QStringLiteral("build.0.post-processor.0.0"));
        const QRectF chain1 = g.nodes.value(QStringLiteral("build.0.post-processor.1.0"));
        QCOMPARE(g.chainIndexAt(0, chain0.center().y()), 0);
        QCOMPARE(g.chainIndexAt(0, chain1.center().y()), 1);
        QCOMPARE(g.chainIndexAt(0, chain1.bottom() + 30), 2);
        QCOMPARE(g.laneAt(QPointF(-5000, -5000)), -1);
    }

    void pinnedPositionsAndSidecar()
    {
        const models::PipelineSnapshot s = load(
            QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl"));
        QHash<QString, QPointF> pinned{{QStringLiteral("source.null.smoke"), QPointF(-400, 900)}};
        const GraphLayout g = GraphLayout::compute(s, pinned);
        QCOMPARE(g.nodes.value(QStringLiteral("source.null.smoke")).topLeft(), QPointF(-400, 900));
        QVERIFY(g.bounds.contains(QPointF(-400, 900)));
        // Other nodes stay where auto layout puts them.
        QCOMPARE(g.nodes.value(QStringLiteral("source.docker.ubuntu")),
            GraphLayout::compute(s).nodes.value(QStringLiteral("source.docker.ubuntu")));

        QTemporaryDir dir;
        const QString sidecar = dir.filePath(QStringLiteral("t.pkr.hcl.kiln-layout.json"));
        QVERIFY(models::LayoutSidecar::load(sidecar).isEmpty());
        pinned.insert(QStringLiteral("var.version"), QPointF(12.4, -3.6));
        QVERIFY(models::LayoutSidecar::save(sidecar, pinned));
        const QHash<QString, QPointF> back = models::LayoutSidecar::load(sidecar);
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.value(QStringLiteral("var.version")), QPointF(12, -4));
        QVERIFY(models::LayoutSidecar::save(sidecar, {}));
        QVERIFY(!QFile::exists(sidecar));
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
