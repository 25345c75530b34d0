// Graph edits as text edits and back: each operation changes the text exactly
// where it must, the reparsed snapshot shows it, and undo restores the bytes.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kiln::models;
using kiln::registry::ComponentKind;

namespace {

QString readFixture(const char *name)
{
    QFile f(QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestPipelineEditing : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TemplateDocument> m_doc;
    std::unique_ptr<PipelineEditing> m_edit;
    QString m_original;

    // Applies, reparses, and checks that undo gives back the original bytes.
    void checkUndo()
    {
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->text(), m_original);
        m_doc->reparseNow();
    }

private slots:
    void init()
    {
        m_original = readFixture("multi-build.pkr.hcl");
        const QString path = m_dir.filePath(QStringLiteral("multi.pkr.hcl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_original.toUtf8());
        f.close();
        m_doc = std::make_unique<TemplateDocument>(&ComponentCatalog::registry());
        QVERIFY(m_doc->open(path));
        m_edit = std::make_unique<PipelineEditing>(m_doc.get());
    }

    void dropProvisionerRoundTrip()
    {
        QVERIFY(m_edit->addComponent(ComponentKind::Provisioner, QStringLiteral("breakpoint"), 0, 1)
                    .isEmpty());
        QVERIFY(m_doc->text().contains(QStringLiteral("provisioner \"breakpoint\"")));
        // Everything before the insertion point is untouched.
        const int at = int(m_doc->text().indexOf(QStringLiteral("provisioner \"breakpoint\"")));
        QCOMPARE(m_doc->text().left(at).trimmed(), m_original.left(at).trimmed());
        m_doc->reparseNow();
        const PipelineBuild &b = m_doc->snapshot().builds.first();
        QCOMPARE(b.provisioners.size(), 4);
        QCOMPARE(b.provisioners.at(1).type, QStringLiteral("breakpoint"));
        QCOMPARE(b.provisioners.at(2).type, QStringLiteral("file"));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkUndo();
        QCOMPARE(m_doc->snapshot().builds.first().provisioners.size(), 3);
    }

    void dropPostProcessorIntoChainAndStandalone()
    {
        QVERIFY(
            m_edit->addComponent(ComponentKind::PostProcessor, QStringLiteral("manifest"), 1, 0, 2)
                .isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.at(1).chains.first().size(), 3);
        QCOMPARE(
            m_doc->snapshot().builds.at(1).chains.first().at(2).type, QStringLiteral("manifest"));
        QVERIFY(m_edit->addComponent(ComponentKind::PostProcessor, QStringLiteral("checksum"), 1, 1)
                    .isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.at(1).chains.size(), 2);
        checkUndo();
    }

    void dropBuilderAddsConnectedSource()
    {
        QVERIFY(
            m_edit->addComponent(ComponentKind::Builder, QStringLiteral("null"), 1, -1).isEmpty());
        QCOMPARE(m_doc->undoStack()->count(), 1); // one step: add and connect
        m_doc->reparseNow();
        const PipelineSnapshot &s = m_doc->snapshot();
        QCOMPARE(s.sources.size(), 4);
        QVERIFY(s.node(QStringLiteral("source.null.main")));
        QCOMPARE(s.builds.at(1).sources.size(), 3);
        checkUndo();
    }

    void firstSourceOfAnEmptyTemplateGetsABuild()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument();
        PipelineEditing edit(&doc);
        QVERIFY(
            edit.addComponent(ComponentKind::Builder, QStringLiteral("null"), -1, -1).isEmpty());
        doc.reparseNow();
        QCOMPARE(doc.snapshot().sources.size(), 1);
        QCOMPARE(doc.snapshot().builds.size(), 1);
        QCOMPARE(doc.snapshot().builds.first().sources.size(), 1);
        QVERIFY(edit.addComponent(ComponentKind::Provisioner, QStringLiteral("shell-local"), 0, -1)
                    .isEmpty());
        doc.reparseNow();
        QCOMPARE(doc.snapshot().builds.first().provisioners.size(), 1);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QString());
    }

    void moveDeleteDuplicate()
    {
        QVERIFY(m_edit->move(QStringLiteral("build.0.provisioner.2"), 0).isEmpty());
        m_doc->reparseNow();
        QCOMPARE(
            m_doc->snapshot().builds.first().provisioners.first().type, QStringLiteral("shell"));
        QCOMPARE(m_doc->snapshot().builds.first().provisioners.at(1).type, QStringLiteral("shell"));
        QCOMPARE(m_doc->snapshot().builds.first().provisioners.at(2).type, QStringLiteral("file"));
        checkUndo();

        QVERIFY(m_edit
                    ->remove({QStringLiteral("build.0.provisioner.1"),
                        QStringLiteral("build.0.post-processor.1.0")})
                    .isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.first().provisioners.size(), 2);
        QCOMPARE(m_doc->snapshot().builds.first().chains.size(), 1);
        QVERIFY(!m_doc->text().contains(QStringLiteral("provisioner \"file\"")));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        checkUndo();

        QVERIFY(m_edit->duplicate({QStringLiteral("build.1.provisioner.0")}).isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.at(1).provisioners.size(), 2);
        checkUndo();
    }

    void connectAndDisconnect()
    {
        QVERIFY(m_edit->connectSource(QStringLiteral("source.null.smoke"), 0).isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.first().sources.size(), 2);
        QVERIFY(m_edit->disconnectSource(QStringLiteral("source.docker.ubuntu"), 0).isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.first().sources.size(), 1);
        QVERIFY(!m_doc->snapshot().sources.first().connected);
        checkUndo();
    }

    void copyPaste()
    {
        NodeKind kind = NodeKind::Source;
        const QString text = m_edit->copy({QStringLiteral("build.0.provisioner.1")}, &kind);
        QCOMPARE(kind, NodeKind::Provisioner);
        QVERIFY(text.startsWith(QStringLiteral("provisioner \"file\"")));
        QVERIFY(m_edit->paste(text, kind, 1).isEmpty());
        m_doc->reparseNow();
        QCOMPARE(m_doc->snapshot().builds.at(1).provisioners.last().type, QStringLiteral("file"));
        checkUndo();
    }

    void attributes()
    {
        QVERIFY(m_edit
                    ->setAttribute(QStringLiteral("source.docker.ubuntu"), QStringLiteral("image"),
                        QStringLiteral("var.registry"))
                    .isEmpty());
        QVERIFY(m_doc->text().contains(QStringLiteral("image  = var.registry"))
            || m_doc->text().contains(QStringLiteral("image = var.registry")));
        QVERIFY(
            m_edit->removeAttribute(
                      QStringLiteral("source.docker.ubuntu"), QStringLiteral("commit"))
                .isEmpty());
        QVERIFY(!m_doc->text().contains(QStringLiteral("commit = true")));
        checkUndo();
    }

    void spans()
    {
        int start = 0;
        int end = 0;
        QVERIFY(m_edit->spanOf(QStringLiteral("build.0.error-cleanup-provisioner"), &start, &end));
        QVERIFY(m_doc->text()
                    .mid(start, end - start)
                    .startsWith(QStringLiteral("error-cleanup-provisioner \"shell-local\"")));
        QVERIFY(!m_edit->spanOf(QStringLiteral("build.7.provisioner.0"), &start, &end));
        QVERIFY(!m_edit->remove({QStringLiteral("nope")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPipelineEditing)
#include "tst_pipelineediting.moc"
