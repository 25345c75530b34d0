// The designer's edit path on a legacy Packer JSON template (copied from Packer's own
// fixtures; HCL JSON files are in tst_pipelineediting_pkrjson). Every graph or
// inspector operation goes through PipelineEditing and must become one exact,
// minimal text change that reparses into the expected snapshot and undoes to the
// original bytes; what a syntax does not have is refused with a reason.
#include "JsonEditingFixture.h"

using namespace kiln::models;
using namespace kiln::models::testing;
using kiln::registry::ComponentKind;
using Kind = kiln::tmpl::edit::BlockAddress::Kind;

class TestPipelineEditingJson : public QObject, public JsonEditingFixture
{
    Q_OBJECT

private slots:
    void legacySnapshot()
    {
        open(QStringLiteral("legacy-complete.json"));
        const PipelineSnapshot &s = m_doc->snapshot();
        QCOMPARE(s.syntax, TemplateSyntax::LegacyJson);
        QCOMPARE(s.sources.size(), 2);
        QCOMPARE(s.sources.at(1).name, QStringLiteral("named_builder"));
        QCOMPARE(s.builds.size(), 1);
        const PipelineBuild &b = s.builds.first();
        QCOMPARE(b.sources.size(), 2);
        QCOMPARE(b.provisioners.size(), 11);
        QCOMPARE(b.chains.size(), 2);
        // `[ {amazon-import} ]` is a chain of one: its member is addressed inside the array.
        QCOMPARE(b.chains.at(0).size(), 1);
        QCOMPARE(b.chains.at(0).first().address.kind, Kind::ChainPostProcessor);
        QCOMPARE(b.chains.at(1).size(), 3);
        // Ranges cover the JSON objects, so select-in-text and text-to-graph sync work.
        int start = 0, end = 0;
        QVERIFY(m_edit->spanOf(b.provisioners.at(0).id, &start, &end));
        const QString block = m_doc->text().mid(start, end - start);
        QVERIFY(block.startsWith(QLatin1Char('{')));
        QVERIFY(block.endsWith(QLatin1Char('}')));
        QVERIFY(block.contains(QStringLiteral("\"breakpoint\"")));
        const int inside = m_doc->byteOffset(m_doc->activeFile(), start + 10);
        QCOMPARE(s.nodeAt(m_doc->activeFile(), inside)->id, b.provisioners.at(0).id);
    }

    void legacyAddFromPalette()
    {
        open(QStringLiteral("legacy-complete.json"));
        QCOMPARE(
            m_edit->addComponent(ComponentKind::Provisioner, QStringLiteral("shell-local"), 0, 1),
            QString());
        // The new object goes before the second provisioner, indented like its siblings.
        const int at = int(m_original.indexOf(
            QStringLiteral("{\n            \"type\": \"shell\",\n            \"except\"")));
        QCOMPARE(m_doc->text(),
            QString(m_original)
                .insert(at,
                    QStringLiteral(
                        "{\n            \"type\": \"shell-local\"\n        },\n        ")));
        m_doc->reparseNow();
        const PipelineBuild &b = m_doc->snapshot().builds.first();
        QCOMPARE(b.provisioners.size(), 12);
        QCOMPARE(b.provisioners.at(1).type, QStringLiteral("shell-local"));
        QCOMPARE(b.provisioners.at(2).type, QStringLiteral("shell"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkUndoRedo();
    }

    void legacyAddBuilder()
    {
        open(QStringLiteral("legacy-complete.json"));
        QCOMPARE(
            m_edit->addComponent(ComponentKind::Builder, QStringLiteral("null"), 0, -1), QString());
        m_doc->reparseNow();
        const PipelineSnapshot &s = m_doc->snapshot();
        QCOMPARE(s.sources.size(), 3);
        QCOMPARE(s.sources.at(2).type, QStringLiteral("null"));
        // Builder names default to the type; the implicit build takes it without a connect.
        QCOMPARE(s.sources.at(2).name, QStringLiteral("null"));
        QCOMPARE(s.builds.first().sources.size(), 3);
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkUndoRedo();
    }

    void legacyReorderDeleteDuplicate()
    {
        open(QStringLiteral("legacy-complete.json"));
        const PipelineBuild *b = &m_doc->snapshot().builds.first();
        const QString breakpoint = b->provisioners.at(0).id;
        QCOMPARE(m_edit->move(breakpoint, 2), QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->provisioners.at(0).type, QStringLiteral("shell"));
        QCOMPARE(b->provisioners.at(2).type, QStringLiteral("breakpoint"));
        QCOMPARE(b->provisioners.size(), 11);

        const QString beforeDelete = m_doc->text();
        QCOMPARE(m_edit->remove({b->provisioners.at(2).id}), QString());
        QCOMPARE(diffOf(beforeDelete, m_doc->text()).section(QLatin1Char('+'), -1), QString());
        QVERIFY(!m_doc->text().contains(QStringLiteral("breakpoint")));
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->provisioners.size(), 10);

        const QString beforeDuplicate = m_doc->text();
        QCOMPARE(m_edit->duplicate({b->provisioners.last().id}), QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->provisioners.size(), 11);
        QCOMPARE(b->provisioners.at(10).type, QStringLiteral("shell-local"));
        QCOMPARE(
            attribute(b->provisioners.at(10), QStringLiteral("timeout")), QStringLiteral("\"5s\""));
        // Only the copy is new: the text before the last provisioner is unchanged.
        const int lastStart
            = int(beforeDuplicate.lastIndexOf(QStringLiteral("\"type\": \"shell-local\"")));
        QCOMPARE(m_doc->text().left(lastStart), beforeDuplicate.left(lastStart));
        QCOMPARE(m_doc->undoStack()->count(), 3);
        checkUndoRedo();
    }

    void legacyDuplicateBuilder()
    {
        open(QStringLiteral("legacy-complete.json"));
        QCOMPARE(m_edit->duplicate({QStringLiteral("source.amazon-ebs.named_builder")}), QString());
        m_doc->reparseNow();
        const PipelineSnapshot &s = m_doc->snapshot();
        QCOMPARE(s.sources.size(), 3);
        // The copy follows the original, with a name of its own (legacy names are unique).
        QCOMPARE(s.sources.at(2).name, QStringLiteral("named_builder-copy"));
        QCOMPARE(s.builds.first().sources.size(), 3);
        const int end = int(m_original.indexOf(QStringLiteral("\n    ],\n    \"provisioners\"")));
        QVERIFY(m_doc->text().startsWith(m_original.left(end)));
        // The copy is the original's text with only its name changed.
        const int second = int(m_original.indexOf(QStringLiteral(
            "        {\n            \"type\": \"amazon-ebs\",\n            \"name\"")));
        QString copy = m_original.mid(second, end - second);
        copy.replace(QStringLiteral("\"named_builder\""), QStringLiteral("\"named_builder-copy\""));
        QCOMPARE(m_doc->text(), QString(m_original).insert(end, QStringLiteral(",\n") + copy));
        checkUndoRedo();
    }

    void legacyCopyPaste()
    {
        open(QStringLiteral("legacy-complete.json"));
        const PipelineBuild &b = m_doc->snapshot().builds.first();
        NodeKind kind = NodeKind::Source;
        const QString copied = m_edit->copy({b.provisioners.at(0).id}, &kind);
        QCOMPARE(kind, NodeKind::Provisioner);
        QVERIFY(copied.startsWith(QLatin1Char('{')));
        QVERIFY(copied.contains(QStringLiteral("\"pause_before\": \"5s\"")));
        QCOMPARE(m_edit->paste(copied, kind, 0), QString());
        m_doc->reparseNow();
        const PipelineBuild &after = m_doc->snapshot().builds.first();
        QCOMPARE(after.provisioners.size(), 12);
        QCOMPARE(after.provisioners.last().type, QStringLiteral("breakpoint"));
        // A copied builder is pasted as a new builder with a name of its own.
        const QString builder
            = m_edit->copy({QStringLiteral("source.amazon-ebs.amazon-ebs")}, &kind);
        QCOMPARE(kind, NodeKind::Source);
        QCOMPARE(m_edit->paste(builder, kind, 0), QString());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().sources.size(), 3);
        QCOMPARE(m_doc->snapshot().sources.at(2).name, QStringLiteral("amazon-ebs-copy"));
        QCOMPARE(m_doc->snapshot().builds.first().sources.size(), 3);
        // HCL block text is not pasted into a JSON template.
        const QString text = m_doc->text();
        QCOMPARE(
            m_edit->paste(QStringLiteral("provisioner \"shell\" {\n}\n"), NodeKind::Provisioner, 0),
            QStringLiteral("The copied blocks are HCL; paste them into an HCL template."));
        QCOMPARE(m_doc->text(), text);
        checkUndoRedo();
    }

    void legacyConnectAndDataNotApplicable()
    {
        open(QStringLiteral("legacy-complete.json"));
        const QString why = m_edit->whyUnavailable(PipelineEditing::Capability::ConnectSources);
        QVERIFY(why.contains(QStringLiteral("implicit build")));
        const QString src = m_doc->snapshot().sources.first().id;
        QCOMPARE(m_edit->disconnectSource(src, 0), why);
        QCOMPARE(m_edit->connectSource(src, 0), why);
        const QString noData = m_edit->whyUnavailable(PipelineEditing::Capability::AddDataSource);
        QVERIFY(noData.contains(QStringLiteral("no data sources")));
        QCOMPARE(m_edit->addComponent(ComponentKind::DataSource, QStringLiteral("null"), -1, -1),
            noData);
        QCOMPARE(m_doc->text(), m_original);
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void legacyInspectorEdits_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("written");
        QTest::newRow("string") << "ami_name"
                                << "\"my-ami\""
                                << "\"my-ami\"";
        QTest::newRow("number") << "spot_price"
                                << "0.5"
                                << "0.5";
        QTest::newRow("bool") << "encrypt_boot"
                              << "false"
                              << "false";
        QTest::newRow("list") << "spot_instance_types"
                              << "[\"t3.small\", \"t3.large\"]"
                              << "[\"t3.small\", \"t3.large\"]";
        QTest::newRow("map") << "run_tags"
                             << "{\"team\": \"infra\"}"
                             << "{\"team\": \"infra\"}";
        // What the typed list and map editors write (HCL) becomes JSON, not a string.
        QTest::newRow("hcl map") << "run_tags"
                                 << "{ team = \"infra\", tier = 2 }"
                                 << "{\"team\":\"infra\",\"tier\":2}";
        QTest::newRow("hcl list") << "ami_regions"
                                  << "[\"eu-west-1\", true,]"
                                  << "[\"eu-west-1\",true]";
        QTest::newRow("user raw") << "region"
                                  << "\"{{ user `aws_secondary_region` }}\""
                                  << "\"{{ user `aws_secondary_region` }}\"";
        // Raw text that is not JSON is written as a string: where {{ }} goes in legacy.
        QTest::newRow("user unquoted") << "region"
                                       << "{{ user `aws_region` }}-x"
                                       << "\"{{ user `aws_region` }}-x\"";
        // A typed string editor quotes the HCL way; legacy has no ${ to escape.
        QTest::newRow("dollar brace") << "ami_description"
                                      << "\"cost $${x}\""
                                      << "\"cost ${x}\"";
    }

    void legacyInspectorEdits()
    {
        QFETCH(QString, key);
        QFETCH(QString, expression);
        QFETCH(QString, written);
        open(QStringLiteral("legacy-complete.json"));
        const PipelineNode source = m_doc->snapshot().sources.at(1);
        const QString before = attribute(source, key);
        QCOMPARE(m_edit->setAttribute(source.id, key, expression), QString());
        m_doc->reparseNow();
        const PipelineNode *after = m_doc->snapshot().node(source.id);
        QVERIFY(after);
        QCOMPARE(attribute(*after, key), written);
        // One value changed (or one member added) and nothing else.
        if (before == QLatin1String("<unset>")) {
            const QString d = diffOf(m_original, m_doc->text());
            QVERIFY2(d.contains(QStringLiteral("\"%1\": %2").arg(key, written)), qPrintable(d));
            QVERIFY(d.contains(QStringLiteral(" -,")) || d.contains(QStringLiteral(" - +")));
        } else {
            // The builder's own value is replaced, the first builder's same key is not.
            const QString old = QStringLiteral("\"%1\": %2").arg(key, before);
            const int at = int(m_original.indexOf(
                old, m_original.indexOf(QStringLiteral("\"name\": \"named_builder\""))));
            QVERIFY(at > 0);
            QCOMPARE(m_doc->text(),
                QString(m_original)
                    .replace(at, old.size(), QStringLiteral("\"%1\": %2").arg(key, written)));
        }
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkUndoRedo();
    }

    void legacyBuilderNameRenames()
    {
        open(QStringLiteral("legacy-postprocessors.json"));
        // Name the builder, then rename it: only/except entries naming it follow.
        QCOMPARE(m_edit->setAttribute(QStringLiteral("source.null.null"), QStringLiteral("name"),
                     QStringLiteral("\"first\"")),
            QString());
        m_doc->reparseNow();
        QVERIFY(m_doc->snapshot().node(QStringLiteral("source.null.first")));
        const PipelineNode p = m_doc->snapshot().builds.first().provisioners.first();
        QCOMPARE(m_edit->setAttribute(p.id, QStringLiteral("only"), QStringLiteral("[\"first\"]")),
            QString());
        m_doc->reparseNow();
        QCOMPARE(m_edit->setAttribute(QStringLiteral("source.null.first"), QStringLiteral("name"),
                     QStringLiteral("\"second\"")),
            QString());
        m_doc->reparseNow();
        QVERIFY(m_doc->snapshot().node(QStringLiteral("source.null.second")));
        QCOMPARE(attribute(
                     m_doc->snapshot().builds.first().provisioners.first(), QStringLiteral("only")),
            QStringLiteral("[\"second\"]"));
        checkUndoRedo();
    }

    void legacyRemoveAttribute()
    {
        open(QStringLiteral("legacy-complete.json"));
        const PipelineNode p = m_doc->snapshot().builds.first().provisioners.at(0);
        QCOMPARE(attribute(p, QStringLiteral("pause_before")), QStringLiteral("\"5s\""));
        // The block's type is its label, not an attribute.
        QCOMPARE(attribute(p, QStringLiteral("type")), QStringLiteral("<unset>"));
        QCOMPARE(m_edit->removeAttribute(p.id, QStringLiteral("pause_before")), QString());
        QCOMPARE(diffOf(m_original, m_doc->text()),
            QStringLiteral("@%1 -,\n            \"pause_before\": \"5s\" +")
                .arg(
                    m_original.indexOf(QStringLiteral(",\n            \"pause_before\": \"5s\""))));
        checkUndoRedo();
    }

    void legacyPostProcessorForms()
    {
        open(QStringLiteral("legacy-postprocessors.json"));
        const PipelineBuild *b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.size(), 4);
        QCOMPARE(b->chains.at(0).first().type, QStringLiteral("checksum"));
        QCOMPARE(b->chains.at(0).first().address.kind, Kind::PostProcessor);
        QCOMPARE(b->chains.at(1).first().type, QStringLiteral("manifest"));
        QCOMPARE(b->chains.at(1).first().address.kind, Kind::PostProcessor);
        QCOMPARE(b->chains.at(2).size(), 2);
        QCOMPARE(b->chains.at(2).at(0).type, QStringLiteral("compress"));
        QCOMPARE(b->chains.at(2).at(1).address.kind, Kind::ChainPostProcessor);
        QCOMPARE(b->chains.at(3).first().address.kind, Kind::ChainPostProcessor);
        int start = 0, end = 0;
        QVERIFY(m_edit->spanOf(b->chains.at(0).first().id, &start, &end));
        QCOMPARE(m_doc->text().mid(start, end - start), QStringLiteral("\"checksum\""));

        // Drop into the mixed chain between "compress" and the shell-local object.
        QCOMPARE(
            m_edit->addComponent(ComponentKind::PostProcessor, QStringLiteral("checksum"), 0, 2, 1),
            QString());
        const int at = int(m_original.indexOf(QStringLiteral(
            "{\n        \"type\": \"shell-local\",\n        \"inline\": [\"echo done\"]")));
        QCOMPARE(m_doc->text(),
            QString(m_original)
                .insert(at, QStringLiteral("{\n        \"type\": \"checksum\"\n      },\n      ")));
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.at(2).size(), 3);
        QCOMPARE(b->chains.at(2).at(1).type, QStringLiteral("checksum"));

        // A standalone entry first, then reorder inside the chain and across entries.
        QCOMPARE(
            m_edit->addComponent(ComponentKind::PostProcessor, QStringLiteral("compress"), 0, 0),
            QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.size(), 5);
        QCOMPARE(b->chains.at(0).first().type, QStringLiteral("compress"));
        QCOMPARE(m_edit->move(b->chains.at(3).at(2).id, 0), QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.at(3).at(0).type, QStringLiteral("shell-local"));
        QCOMPARE(b->chains.at(3).at(1).type, QStringLiteral("compress"));
        QCOMPARE(m_edit->move(b->chains.at(1).first().id, 3), QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.at(1).first().type, QStringLiteral("manifest"));
        QCOMPARE(b->chains.at(3).first().type, QStringLiteral("checksum"));

        // An attribute on the bare-string form; deleting the chain of one.
        const PipelineNode bare = b->chains.at(3).first();
        QCOMPARE(
            m_edit->setAttribute(bare.id, QStringLiteral("output"), QStringLiteral("\"sums\"")),
            QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.at(3).first().type, QStringLiteral("checksum"));
        QCOMPARE(attribute(b->chains.at(3).first(), QStringLiteral("output")),
            QStringLiteral("\"sums\""));
        QCOMPARE(m_edit->remove({b->chains.at(4).first().id}), QString());
        m_doc->reparseNow();
        b = &m_doc->snapshot().builds.first();
        QCOMPARE(b->chains.size(), 4);
        QVERIFY(m_doc->text().contains(QStringLiteral("\"post-processors\": [")));
        checkUndoRedo();
    }
};

QTEST_MAIN(TestPipelineEditingJson)
#include "tst_pipelineediting_json.moc"
