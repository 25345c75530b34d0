// The designer window end to end: text <-> graph selection, a palette drop onto a
// lane becoming text then graph then undone, inspector edits, delete, quick-add,
// copy/paste between two windows, invalid text keeping the graph with a banner.
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"
#include "app/ui/FieldEditor.h"
#include "app/ui/InspectorDock.h"
#include "app/ui/MainWindow.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/graph/GraphLayout.h"
#include "app/ui/graph/LaneItem.h"
#include "app/ui/graph/NodeItem.h"
#include "app/ui/graph/PipelineScene.h"
#include "app/ui/graph/PipelineView.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QGraphicsSceneMouseEvent>
#include <QLineEdit>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace kiln;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QString m_original;

    std::unique_ptr<ui::MainWindow> openWindow()
    {
        auto w = std::make_unique<ui::MainWindow>();
        w->resize(1600, 1000);
        if (!w->openPath(m_path, true))
            return nullptr;
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }

private slots:
    void init()
    {
        QFile in(
            QStringLiteral(KILN_SOURCE_DIR "/tests/app/ui/graph/fixtures/multi-build.pkr.hcl"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        m_original = QString::fromUtf8(in.readAll());
        m_path = m_dir.filePath(QStringLiteral("multi.pkr.hcl"));
        QFile::remove(m_path);
        QFile out(m_path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(m_original.toUtf8());
    }

    void selectionSync()
    {
        auto w = openWindow();
        QVERIFY(w);
        QCOMPARE(w->scene()->nodeItems().size(), 3 + 3 + 2 + 1 + 3 + 1 + 3 + 1 + 2);
        w->scene()->selectIds({QStringLiteral("build.0.provisioner.1")});
        QVERIFY(w->textEditor()->selectedText().startsWith(QStringLiteral("provisioner \"file\"")));
        QCOMPARE(w->inspector()->nodeId(), QStringLiteral("build.0.provisioner.1"));
        // The cursor in a block selects its node.
        const int at = int(m_original.indexOf(QStringLiteral("post-processor \"docker-push\"")));
        const int line = int(m_original.left(at).count(QLatin1Char('\n'))) + 1;
        const int column = at - int(m_original.lastIndexOf(QLatin1Char('\n'), at - 1)) + 3;
        w->textEditor()->revealLineColumn(line, column);
        QTRY_COMPARE(
            w->scene()->selectedIds(), QStringList{QStringLiteral("build.0.post-processor.0.1")});
    }

    void dropFromPaletteRoundTrip()
    {
        auto w = openWindow();
        QVERIFY(w);
        ui::PipelineView *view = w->graphView();
        view->fitAll();
        // Between the first and the second provisioner of the "container" lane.
        const QRectF a = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.0"));
        const QRectF b = w->scene()->layout().nodes.value(QStringLiteral("build.0.provisioner.1"));
        const QPoint pos = view->mapFromScene(QPointF((a.right() + b.left()) / 2, a.center().y()));
        QMimeData mime;
        mime.setData(QStringLiteral("application/x-kiln-component"),
            QByteArray::number(int(registry::ComponentKind::Provisioner)) + ":sleep");
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &drop);
        // document -> text -> (editor mirrors it) -> reparse -> graph.
        QVERIFY(w->document()->text().contains(QStringLiteral("provisioner \"sleep\"")));
        QCOMPARE(w->textEditor()->text(), w->document()->text());
        QTRY_VERIFY(w->scene()->nodeItem(QStringLiteral("build.0.provisioner.3")));
        QCOMPARE(w->document()->snapshot().builds.first().provisioners.at(1).type,
            QStringLiteral("sleep"));
        QVERIFY(w->isWindowModified());
        w->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(w->document()->text(), m_original);
        QCOMPARE(w->textEditor()->text(), m_original);
        QTRY_VERIFY(!w->scene()->nodeItem(QStringLiteral("build.0.provisioner.3")));
    }

    void inspectorEditsText()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->scene()->selectIds({QStringLiteral("source.docker.ubuntu")});
        ui::FieldEditor *image = w->inspector()->editor(QStringLiteral("image"));
        QVERIFY(image);
        QVERIFY(!image->isRaw());
        QCOMPARE(image->expression(), QStringLiteral("\"ubuntu:22.04\""));
        auto *line = image->findChild<QLineEdit *>();
        QVERIFY(line);
        // The typed editor writes a string literal...
        image->setRaw(false);
        for (QLineEdit *e : image->findChildren<QLineEdit *>())
            if (e->isVisible())
                e->setText(QStringLiteral("debian:12"));
        image->commit();
        QVERIFY(w->document()->text().contains(QStringLiteral("image  = \"debian:12\"")));
        // ...and raw mode writes the expression exactly.
        w->document()->reparseNow();
        w->scene()->selectIds({QStringLiteral("source.docker.ubuntu")});
        image = w->inspector()->editor(QStringLiteral("image"));
        image->setRaw(true);
        for (QLineEdit *e : image->findChildren<QLineEdit *>())
            if (e->isVisible())
                e->setText(QStringLiteral("\"${var.registry}/base\""));
        image->commit();
        QVERIFY(
            w->document()->text().contains(QStringLiteral("image  = \"${var.registry}/base\"")));
        w->action(QStringLiteral("undo"))->trigger();
        w->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(w->document()->text(), m_original);
    }

    void deleteDuplicateAndQuickAdd()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->graphView()->setFocus();
        w->scene()->selectIds({QStringLiteral("build.1.post-processor.0.1")});
        w->action(QStringLiteral("delete"))->trigger();
        QVERIFY(!w->document()->text().contains(QStringLiteral("post-processor \"checksum\"")));
        w->document()->reparseNow();
        w->scene()->selectIds({QStringLiteral("build.1.provisioner.0")});
        w->action(QStringLiteral("duplicate"))->trigger();
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.at(1).provisioners.size(), 2);
        QVERIFY(w->quickAdd(QStringLiteral("manifest (post-processor)")));
        w->document()->reparseNow();
        QVERIFY(w->document()->text().contains(QStringLiteral("post-processor \"manifest\"")));
        while (w->document()->undoStack()->canUndo())
            w->document()->undoStack()->undo();
        QCOMPARE(w->document()->text(), m_original);
    }

    void copyPasteBetweenWindows()
    {
        auto first = openWindow();
        QVERIFY(first);
        first->scene()->selectIds({QStringLiteral("build.0.provisioner.1")});
        first->copySelection();
        ui::MainWindow second;
        second.document()->newDocument(
            QStringLiteral("source \"null\" \"x\" {\n  communicator = \"none\"\n}\n\nbuild {\n  "
                           "sources = [\"source.null.x\"]\n}\n"));
        second.scene()->selectIds({});
        second.pasteClipboard();
        QVERIFY(second.document()->text().contains(QStringLiteral("provisioner \"file\" {")));
        second.document()->reparseNow();
        QCOMPARE(second.document()->snapshot().builds.first().provisioners.size(), 1);
    }

    void invalidTextKeepsGraphWithBanner()
    {
        auto w = openWindow();
        QVERIFY(w);
        const int nodes = int(w->scene()->nodeItems().size());
        models::TemplateDocument *doc = w->document();
        doc->applyUserEdit(doc->activeFile(), 0, 0, QStringLiteral("build {{ "));
        doc->reparseNow();
        QVERIFY(!w->graphView()->bannerText().isEmpty());
        QCOMPARE(int(w->scene()->nodeItems().size()), nodes);
        QVERIFY(w->scene()->nodeItems().first()->opacity() < 1.0);
        doc->undoStack()->undo();
        doc->reparseNow();
        QVERIFY(w->graphView()->bannerText().isEmpty());
    }

    void dragSourceOntoLaneConnects()
    {
        auto w = openWindow();
        QVERIFY(w);
        ui::NodeItem *item = w->scene()->nodeItem(QStringLiteral("source.null.smoke"));
        QVERIFY(item);
        const QRectF lane = w->scene()->layout().lanes.at(0).rect;
        item->setSelected(true);
        item->setPos(lane.center() - QPointF(item->boundingRect().width() / 2, 30));
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setButton(Qt::LeftButton);
        QApplication::sendEvent(w->scene(), &release);
        QVERIFY(w->document()->text().contains(
            QStringLiteral("sources = [\"source.docker.ubuntu\", \"source.null.smoke\"]")));
        QVERIFY(!QFile::exists(
            m_path + QStringLiteral(".kiln-layout.json"))); // a connection, not a position
        w->document()->reparseNow();
        QCOMPARE(w->document()->snapshot().builds.first().sources.size(), 2);
        w->action(QStringLiteral("undo"))->trigger();
        QCOMPARE(w->document()->text(), m_original);
    }

    void runStatesOnLanes()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->scene()->setRunState(QStringLiteral("container.docker.ubuntu"),
            QStringLiteral("running step StepRunSourceServer"));
        w->scene()->setRunState(QStringLiteral("artifacts.null.smoke"), QStringLiteral("done"));
        w->scene()->setRunState(QStringLiteral("artifacts.file.config"), QStringLiteral("failed"));
        QCOMPARE(w->scene()->laneItem(0)->runSummary(),
            QStringLiteral("1 running · StepRunSourceServer"));
        QCOMPARE(w->scene()->laneItem(1)->runSummary(), QStringLiteral("1 done  ·  1 failed"));
        // A reparse rebuilds the lanes; the states stay.
        w->document()->reparseNow();
        QCOMPARE(w->scene()->laneItem(1)->runSummary(), QStringLiteral("1 done  ·  1 failed"));
        w->scene()->clearRunStates();
        QVERIFY(w->scene()->laneItem(0)->runSummary().isEmpty());
    }

    void ctrlBAsksBeforeBuilding()
    {
        auto w = openWindow();
        QVERIFY(w);
        QCOMPARE(
            w->action(QStringLiteral("buildWith"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        QCOMPARE(w->action(QStringLiteral("build"))->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
        // Ctrl+B's action opens the Run dialog; cancelling it starts nothing.
        QString seen;
        QTimer::singleShot(0, this, [&seen] {
            if (auto *d = qobject_cast<QDialog *>(QApplication::activeModalWidget())) {
                seen = QString::fromLatin1(d->metaObject()->className());
                d->reject();
            }
        });
        w->action(QStringLiteral("buildWith"))->trigger();
        QCOMPARE(seen, QStringLiteral("kiln::ui::RunDialog"));
        QVERIFY(!w->action(QStringLiteral("stop"))->isEnabled());
    }

    void pinnedPositionGoesToSidecar()
    {
        auto w = openWindow();
        QVERIFY(w);
        ui::NodeItem *item = w->scene()->nodeItem(QStringLiteral("source.file.config"));
        QVERIFY(item);
        item->setSelected(true);
        item->setPos(item->pos() + QPointF(0, 300));
        QGraphicsSceneMouseEvent release(QEvent::GraphicsSceneMouseRelease);
        release.setButton(Qt::LeftButton);
        QApplication::sendEvent(w->scene(), &release);
        QVERIFY(QFile::exists(m_path + QStringLiteral(".kiln-layout.json")));
        auto again = openWindow();
        QCOMPARE(
            again->scene()->nodeItem(QStringLiteral("source.file.config"))->pos(), item->pos());
        QFile::remove(m_path + QStringLiteral(".kiln-layout.json"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
