// The designer's edit path on HCL JSON (*.pkr.json) files: Packer's build-only fixture
// and a two-build file. Every operation becomes one exact text change that reparses
// into the expected snapshot and undoes to the original bytes.
#include "JsonEditingFixture.h"

using namespace kiln::models;
using namespace kiln::models::testing;
using kiln::registry::ComponentKind;
using Kind = kiln::tmpl::edit::BlockAddress::Kind;

class TestPipelineEditingPkrJson : public QObject, public JsonEditingFixture
{
    Q_OBJECT

private slots:
    void pkrJsonSnapshotAndEdits()
    {
        open(QStringLiteral("build-only.pkr.json"));
        const PipelineSnapshot *s = &m_doc->snapshot();
        QCOMPARE(s->syntax, TemplateSyntax::Hcl2Json);
        QCOMPARE(s->sources.size(), 3);
        QCOMPARE(s->builds.size(), 1);
        QCOMPARE(s->builds.first().provisioners.size(), 1);
        QCOMPARE(s->builds.first().chains.size(), 5);
        int start = 0, end = 0;
        QVERIFY(m_edit->spanOf(s->builds.first().chains.at(1).first().id, &start, &end));
        const QString block = m_doc->text().mid(start, end - start);
        QVERIFY(block.startsWith(QLatin1Char('{')));
        QVERIFY(block.contains(QStringLiteral("echo pear > pear.txt")));
        QVERIFY(!block.contains(QStringLiteral("banana")));
        QCOMPARE(attribute(s->builds.first().provisioners.first(), QStringLiteral("name")),
            QStringLiteral("\"apple\""));
        QCOMPARE(
            attribute(s->sources.at(1), QStringLiteral("content")), QStringLiteral("\"vanilla\""));

        QCOMPARE(
            m_edit->addComponent(ComponentKind::Provisioner, QStringLiteral("shell-local"), 0, 0),
            QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->builds.first().provisioners.size(), 2);
        QCOMPARE(s->builds.first().provisioners.first().type, QStringLiteral("shell-local"));
        QCOMPARE(m_edit->move(s->builds.first().chains.at(0).first().id, 4), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(attribute(s->builds.first().chains.at(4).first(), QStringLiteral("name")),
            QStringLiteral("\"peach\""));
        QCOMPARE(m_edit->remove({s->builds.first().chains.at(0).first().id}), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->builds.first().chains.size(), 4);
        QCOMPARE(m_edit->duplicate({s->sources.at(2).id}), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->sources.size(), 4);
        QCOMPARE(m_edit->setAttribute(
                     s->sources.first().id, QStringLiteral("target"), QStringLiteral("var.target")),
            QString());
        QVERIFY(m_doc->text().contains(QStringLiteral("\"target\": \"${var.target}\"")));
        // A data source becomes a "data" member of the JSON root, then joins it.
        QCOMPARE(m_edit->whyUnavailable(PipelineEditing::Capability::AddDataSource), QString());
        const QString beforeData = m_doc->text();
        QCOMPARE(m_edit->addComponent(ComponentKind::DataSource, QStringLiteral("null"), -1, -1),
            QString());
        const int close = int(beforeData.lastIndexOf(QLatin1Char('}')));
        const int lastValueEnd = int(beforeData.lastIndexOf(QLatin1Char('}'), close - 1)) + 1;
        QCOMPARE(m_doc->text(),
            QString(beforeData)
                .insert(lastValueEnd,
                    QStringLiteral(
                        ",\n  \"data\": {\n    \"null\": {\n      \"main\": {}\n    }\n  }")));
        QCOMPARE(m_edit->addComponent(ComponentKind::DataSource, QStringLiteral("null"), -1, -1),
            QString());
        QVERIFY(m_doc->text().contains(
            QStringLiteral("\"null\": {\n      \"main\": {},\n      \"main2\": {}\n    }")));
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().dataSources.size(), 2);
        QCOMPARE(m_edit->whyUnavailable(PipelineEditing::Capability::ConnectSources), QString());
        checkUndoRedo();
    }

    void pkrJsonBetweenBuilds()
    {
        open(QStringLiteral("two-builds.pkr.json"));
        const PipelineSnapshot *s = &m_doc->snapshot();
        QCOMPARE(s->builds.size(), 2);
        NodeKind kind = NodeKind::Source;
        const QString copied = m_edit->copy({s->builds.at(0).provisioners.first().id}, &kind);
        QCOMPARE(kind, NodeKind::Provisioner);
        QCOMPARE(m_edit->paste(copied, kind, 1), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->builds.at(1).provisioners.size(), 2);
        QCOMPARE(attribute(s->builds.at(1).provisioners.at(1), QStringLiteral("inline")),
            QStringLiteral("[\"echo first\"]"));
        QCOMPARE(s->builds.at(0).provisioners.size(), 1);

        QCOMPARE(m_edit->connectSource(s->sources.at(0).id, 1), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->builds.at(1).sources.size(), 2);
        QCOMPARE(m_edit->disconnectSource(s->sources.at(1).id, 1), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->builds.at(1).sources.size(), 1);
        QCOMPARE(s->builds.at(1).sources.first().ref, QStringLiteral("null.one"));
        QVERIFY(!s->sources.at(1).connected);

        QCOMPARE(
            m_edit->addComponent(ComponentKind::Builder, QStringLiteral("null"), 0, -1), QString());
        m_doc->reparseNow();
        s = &m_doc->snapshot();
        QCOMPARE(s->sources.size(), 3);
        QCOMPARE(s->builds.at(0).sources.size(), 2);
        checkUndoRedo();
    }
};

QTEST_MAIN(TestPipelineEditingPkrJson)
#include "tst_pipelineediting_pkrjson.moc"
