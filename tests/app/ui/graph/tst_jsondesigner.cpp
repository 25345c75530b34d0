// The designer window on JSON templates, driven as a user drives it: a legacy Packer
// JSON template (Packer's own fixture) and an HCL JSON file get palette drops, drag
// reorders, deletes, duplicates, copy/paste, inspector edits and undo/redo across the
// graph and the text view; what legacy JSON does not have (connecting sources, data
// sources) is disabled with the reason shown instead of failing.
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"
#include "app/ui/FieldEditor.h"
#include "app/ui/InspectorDock.h"
#include "app/ui/MainWindow.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/graph/GraphLayout.h"
#include "app/ui/graph/NodeItem.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"

#include <QAction>
#include <QGraphicsSceneMouseEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

QString fixtureText(const QString &name)
{
    QFile f(QStringLiteral(KILN_SOURCE_DIR "/tests/app/models/document/fixtures/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// Sets what the field's visible editor shows (typed or raw) and commits it.
void typeInto(ui::FieldEditor *editor, const QString &text)
{
    for (QLineEdit *e : editor->findChildren<QLineEdit *>())
        if (e->isVisible())
            e->setText(text);
    editor->commit();
}

} // namespace

class TestJsonDesigner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_original;

    std::unique_ptr<ui::MainWindow> openWindow(const QString &fixture)
    {
        m_original = fixtureText(fixture);
        const QString path = m_dir.filePath(fixture);
        QFile::remove(path);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return nullptr;
        out.write(m_original.toUtf8());
        out.close();
        auto w = std::make_unique<ui::MainWindow>();
        w->resize(1600, 1000);
        if (!w->openPath(path, true))
            return nullptr;
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        w->document()->reparseNow();
        return w;
    }

    // A palette drag of `kind:type` to scene point `at`: whether the move was accepted.
    bool dragComponent(ui::MainWindow *w, registry::ComponentKind kind, const QString &type,
        const QPointF &at, bool drop = true)
    {
        ui::PipelineView *view = w->graphView();
        const QPoint pos = view->mapFromScene(at);
        QMimeData mime;
        mime.setData(QStringLiteral("application/x-kiln-component"),
            QByteArray::number(int(kind)) + ':' + type.toUtf8());
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        if (drop && move.isAccepted()) {
            QDropEvent dropEvent(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &dropEvent);
        }
        return move.isAccepted();
    }

    void undoAll(ui::MainWindow *w)
    {
        while (w->document()->undoStack()->canUndo())
            w->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(w->document()->text(), m_original);
        QCOMPARE(w->textEditor()->text(), m_original);
    }

private slots:
    void legacyOpensWithGraph()
    {
        auto w = openWindow(QStringLiteral("legacy-complete.json"));
        QVERIFY(w);
        QCOMPARE(w->textEditor()->syntax(), ui::TemplateTextEditor::Syntax::Json);
        // 2 builders, 11 provisioners, 1 + 3 post-processors, 7 variables.
        QCOMPARE(int(w->scene()->nodeItems().size()), 2 + 11 + 4 + 7);
        QVERIFY(w->scene()->laneItem(0));
        // Graph -> text: the provisioner's JSON object is selected.
        w->scene()->selectIds({QStringLiteral("build.0.provisioner.0")});
        const QString selected = w->textEditor()->selectedText();
        QVERIFY(selected.startsWith(QLatin1Char('{')));
        QVERIFY(selected.contains(QStringLiteral("\"type\": \"breakpoint\"")));
        QCOMPARE(w->inspector()->nodeId(), QStringLiteral("build.0.provisioner.0"));
        // Text -> graph: the cursor inside the second builder selects it.
        const int at = int(m_original.indexOf(QStringLiteral("\"name\": \"named_builder\"")));
        const int line = int(m_original.left(at).count(QLatin1Char('\n'))) + 1;
        w->textEditor()->revealLineColumn(line, 16);
        QTRY_COMPARE(w->scene()->selectedIds(),
            QStringList{QStringLiteral("source.amazon-ebs.named_builder")});
    }

    void legacyDropReorderAndUndo()
    {
        auto w = openWindow(QStringLiteral("legacy-complete.json"));
        QVERIFY(w);
        w->graphView()->fitAll();
        const QRectF a = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.0"));
        const QRectF b = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.1"));
        QVERIFY(dragComponent(w.get(), registry::ComponentKind::Provisioner,
            QStringLiteral("shell-local"), QPointF((a.right() + b.left()) / 2, a.center().y())));
        QVERIFY(w->document()->text().contains(
            QStringLiteral("},\n        {\n            \"type\": \"shell-local\"\n        },\n     "
                           "   {\n            \"type\": \"shell\",")));
        QCOMPARE(w->textEditor()->text(), w->document()->text());
        QTRY_VERIFY(w->scene()->nodeItem(QStringLiteral("build.0.provisioner.11")));
        QCOMPARE(w->document()->snapshot().builds.first().provisioners.at(1).type,
            QStringLiteral("shell-local"));

        // Drag the breakpoint past the next two provisioners and let go.
        w->document()->reparseNow();
        ui::NodeItem *item = w->scene()->nodeItem(QStringLiteral("build.0.provisioner.0"));
        QVERIFY(item);
        const QRectF third
            = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.2"));
        const QRectF fourth
            = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.3"));
        w->scene()->selectIds({item->id()});
        item->setPos(QPointF(
            (third.center().x() + fourth.center().x()) / 2 - item->boundingRect().width() / 2,
            third.top()));
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setButton(Qt::LeftButton);
        QApplication::sendEvent(w->scene(), &release);
        w->document()->reparseNow();
        const auto &provisioners = w->document()->snapshot().builds.first().provisioners;
        QCOMPARE(provisioners.at(0).type, QStringLiteral("shell-local"));
        QCOMPARE(provisioners.at(2).type, QStringLiteral("breakpoint"));
        QCOMPARE(w->textEditor()->text(), w->document()->text());

        // Typing in the text view and the graph edits undo on one stack, in order.
        const QString beforeTyping = w->document()->text();
        w->textEditor()->setCursorPosition(0, 1);
        QTest::keyClicks(w->textEditor(), QStringLiteral(" "));
        QCOMPARE(w->document()->text().size(), beforeTyping.size() + 1);
        w->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(w->document()->text(), beforeTyping);
        undoAll(w.get());
        w->action(QStringLiteral("redo"))->trigger();
        QVERIFY(w->textEditor()->text().contains(
            QStringLiteral("\"type\": \"shell-local\"\n        },")));
        QCOMPARE(w->textEditor()->text(), w->document()->text());
    }

    void legacyPostProcessorChainsInGraph()
    {
        auto w = openWindow(QStringLiteral("legacy-postprocessors.json"));
        QVERIFY(w);
        w->graphView()->fitAll();
        // String, object, mixed array and array of one: four rows, the third of two nodes.
        QCOMPARE(w->document()->snapshot().builds.first().chains.size(), 4);
        const QRectF compress
            = w->scene()->layout().nodes.value(QStringLiteral("build.0.post-processor.2.0"));
        const QRectF shell
            = w->scene()->layout().nodes.value(QStringLiteral("build.0.post-processor.2.1"));
        QVERIFY(compress.right() < shell.left());
        QVERIFY(dragComponent(w.get(), registry::ComponentKind::PostProcessor,
            QStringLiteral("manifest"),
            QPointF((compress.right() + shell.left()) / 2, compress.center().y())));
        QVERIFY(w->document()->text().contains(QStringLiteral(
            "      \"compress\",\n      {\n        \"type\": \"manifest\"\n      },\n      {\n"
            "        \"type\": \"shell-local\"")));
        QTRY_VERIFY(w->scene()->nodeItem(QStringLiteral("build.0.post-processor.2.2")));
        // Drag the chain's last member before its first.
        w->document()->reparseNow();
        ui::NodeItem *last = w->scene()->nodeItem(QStringLiteral("build.0.post-processor.2.2"));
        QVERIFY(last);
        const QRectF first
            = w->scene()->layout().nodes.value(QStringLiteral("build.0.post-processor.2.0"));
        w->scene()->selectIds({last->id()});
        last->setPos(QPointF(first.left() - first.width() / 2 - 10, first.top()));
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setButton(Qt::LeftButton);
        QApplication::sendEvent(w->scene(), &release);
        w->document()->reparseNow();
        const auto &chain = w->document()->snapshot().builds.first().chains.at(2);
        QCOMPARE(chain.size(), 3);
        QCOMPARE(chain.at(0).type, QStringLiteral("shell-local"));
        QCOMPARE(chain.at(1).type, QStringLiteral("compress"));
        // Deleting the array of one's only member removes the entry.
        w->scene()->selectIds({QStringLiteral("build.0.post-processor.3.0")});
        w->action(QStringLiteral("delete"))->trigger();
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.first().chains.size(), 3);
        QVERIFY(w->document()->text().contains(QStringLiteral("    ]\n  ]\n}")));
        undoAll(w.get());
    }

    void legacyDeleteDuplicateCopyPaste()
    {
        auto w = openWindow(QStringLiteral("legacy-complete.json"));
        QVERIFY(w);
        w->graphView()->setFocus();
        w->scene()->selectIds({QStringLiteral("build.0.post-processor.1.2")});
        w->action(QStringLiteral("delete"))->trigger();
        QVERIFY(!w->document()->text().contains(QStringLiteral("\"type\": \"compress\"")));
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.first().chains.at(1).size(), 2);
        w->scene()->selectIds({QStringLiteral("source.amazon-ebs.named_builder")});
        w->action(QStringLiteral("duplicate"))->trigger();
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().sources.size(), 3);
        w->scene()->selectIds({QStringLiteral("build.0.provisioner.0")});
        w->copySelection();
        w->scene()->selectIds({});
        w->pasteClipboard();
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.first().provisioners.size(), 12);
        QCOMPARE(w->document()->snapshot().builds.first().provisioners.last().type,
            QStringLiteral("breakpoint"));
        QCOMPARE(w->textEditor()->text(), w->document()->text());
        undoAll(w.get());
    }

    void legacyConnectAndDataSourcesDisabled()
    {
        auto w = openWindow(QStringLiteral("legacy-complete.json"));
        QVERIFY(w);
        w->graphView()->fitAll();
        const QString why
            = w->editing()->whyUnavailable(models::PipelineEditing::Capability::ConnectSources);
        QVERIFY(!why.isEmpty());
        const QRectF src
            = w->scene()->layout().nodes.value(QStringLiteral("source.amazon-ebs.named_builder"));
        QMenu menu;
        w->populateGraphContextMenu(&menu, src.center());
        int checked = 0;
        for (QAction *a : menu.actions()) {
            if (!a->menu())
                continue;
            QVERIFY(!a->isEnabled());
            QCOMPARE(a->toolTip(), why);
            ++checked;
        }
        QCOMPARE(checked, 2);
        QVERIFY(menu.toolTipsVisible());
        // A data source cannot be dropped: the drag is refused, the text untouched.
        const QString noData = w->scene()->unavailableReason(registry::ComponentKind::DataSource);
        QVERIFY(noData.contains(QStringLiteral("no data sources")));
        QVERIFY(!dragComponent(w.get(), registry::ComponentKind::DataSource, QStringLiteral("null"),
            w->scene()->layout().lanes.at(0).rect.center()));
        QCOMPARE(w->document()->text(), m_original);
        QCOMPARE(w->document()->undoStack()->count(), 0);
    }

    void legacyInspectorEdits()
    {
        auto w = openWindow(QStringLiteral("legacy-complete.json"));
        QVERIFY(w);
        w->scene()->selectIds({QStringLiteral("source.amazon-ebs.named_builder")});
        ui::FieldEditor *amiName = w->inspector()->editor(QStringLiteral("ami_name"));
        QVERIFY(amiName);
        QCOMPARE(amiName->expression(), QStringLiteral("\"ubuntu-16-04-test-{{ timestamp }}\""));
        amiName->setRaw(false);
        typeInto(amiName, QStringLiteral("base-{{ timestamp }}"));
        const QString one = w->document()->text();
        QCOMPARE(one.count(QStringLiteral("\"ami_name\": \"base-{{ timestamp }}\"")), 1);
        QCOMPARE(one.size(),
            m_original.size() - QStringLiteral("ubuntu-16-04-test-").size()
                + QStringLiteral("base-").size());
        w->document()->reparseNow();
        w->scene()->selectIds({QStringLiteral("source.amazon-ebs.named_builder")});
        ui::FieldEditor *region = w->inspector()->editor(QStringLiteral("region"));
        QVERIFY(region);
        QCOMPARE(region->expression(), QStringLiteral("\"{{ user `aws_region` }}\""));
        region->setRaw(true);
        typeInto(region, QStringLiteral("\"{{ user `aws_secondary_region` }}\""));
        QVERIFY(w->document()->text().contains(QStringLiteral(
            "\"region\": \"{{ user `aws_secondary_region` }}\",\n            \"secret_key\"")));
        w->document()->reparseNow();
        w->scene()->selectIds({QStringLiteral("source.amazon-ebs.named_builder")});
        ui::FieldEditor *encrypt = w->inspector()->editor(QStringLiteral("encrypt_boot"));
        QVERIFY(encrypt);
        QCOMPARE(encrypt->expression(), QStringLiteral("true"));
        encrypt->setRaw(true);
        typeInto(encrypt, QStringLiteral("false"));
        QVERIFY(w->document()->text().contains(QStringLiteral("\"encrypt_boot\": false,")));
        QCOMPARE(w->textEditor()->text(), w->document()->text());
        undoAll(w.get());
    }

    void pkrJsonEditsInGraph()
    {
        auto w = openWindow(QStringLiteral("two-builds.pkr.json"));
        QVERIFY(w);
        w->graphView()->fitAll();
        // HCL JSON takes data sources (a "data" member of the root), unlike legacy JSON.
        QVERIFY(w->scene()->unavailableReason(registry::ComponentKind::DataSource).isEmpty());
        QVERIFY(dragComponent(w.get(), registry::ComponentKind::DataSource, QStringLiteral("null"),
            w->scene()->layout().lanes.at(0).rect.center()));
        QVERIFY(w->document()->text().endsWith(QStringLiteral(
            "  ],\n  \"data\": {\n    \"null\": {\n      \"main\": {}\n    }\n  }\n}\n")));
        w->document()->reparseNow();
        QVERIFY(w->scene()->nodeItem(QStringLiteral("data.null.main")));
        w->scene()->selectIds({QStringLiteral("build.0.provisioner.0")});
        QVERIFY(w->textEditor()->selectedText().contains(QStringLiteral("\"echo first\"")));
        // Copy from the first build, paste into the second (the selected lane).
        w->copySelection();
        w->scene()->selectIds({QStringLiteral("build.1.provisioner.0")});
        w->pasteClipboard();
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.at(1).provisioners.size(), 2);
        // Drag source "one" onto the second lane: it gets connected there.
        ui::NodeItem *item = w->scene()->nodeItem(QStringLiteral("source.null.one"));
        QVERIFY(item);
        const QRectF lane = w->scene()->layout().lanes.at(1).rect;
        w->scene()->selectIds({item->id()});
        item->setPos(lane.center() - QPointF(item->boundingRect().width() / 2, 30));
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setButton(Qt::LeftButton);
        QApplication::sendEvent(w->scene(), &release);
        QVERIFY(w->document()->text().contains(
            QStringLiteral("\"sources\": [\"source.null.two\", \"source.null.one\"]")));
        w->document()->reparseNow();
        // The inspector edits the HCL JSON body.
        w->scene()->selectIds({QStringLiteral("source.null.two")});
        ui::FieldEditor *comm = w->inspector()->editor(QStringLiteral("communicator"));
        QVERIFY(comm);
        QCOMPARE(comm->expression(), QStringLiteral("\"none\""));
        QMenu menu;
        w->populateGraphContextMenu(
            &menu, w->scene()->layout().nodes.value(QStringLiteral("source.null.two")).center());
        for (QAction *a : menu.actions())
            if (a->menu() && a->text().contains(QStringLiteral("Disconnect")))
                QVERIFY(a->isEnabled());
        undoAll(w.get());
    }
};

QTEST_MAIN(TestJsonDesigner)
#include "tst_jsondesigner.moc"
