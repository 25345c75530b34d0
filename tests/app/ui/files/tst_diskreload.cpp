// Reload when the template changes on disk: silent reload (cursor kept) without
// local edits, the reload bar with them, editors that replace the file by rename,
// and Kiln's own saves never counting as an outside change.
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/DiskChangeMonitor.h"
#include "app/ui/MainWindow.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/files/ReloadBar.h"

#include <QPushButton>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

const QByteArray original = R"(source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]
}
)";

bool writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// As vim/most IDEs save: a new file renamed over the old one.
bool writeByRename(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit();
}

} // namespace

class TestDiskReload : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    std::unique_ptr<ui::MainWindow> openWindow()
    {
        if (!writeInPlace(m_path, original))
            return nullptr;
        auto w = std::make_unique<ui::MainWindow>();
        if (!w->openPath(m_path, true))
            return nullptr;
        w->diskMonitor()->setDelay(20);
        w->show();
        return w;
    }

private slots:
    void init() { m_path = m_dir.filePath(QStringLiteral("t.pkr.hcl")); }

    void silentReloadKeepsTheCursor()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->textEditor()->setCursorPosition(1, 5);
        const QByteArray changed = QByteArray(original).replace("\"none\"", "\"ssh\"");
        QVERIFY(writeInPlace(m_path, changed));
        QTRY_COMPARE(w->document()->text(), QString::fromUtf8(changed));
        QCOMPARE(w->textEditor()->text(), QString::fromUtf8(changed));
        QVERIFY(!w->document()->isModified());
        QVERIFY(w->reloadBar()->isHidden());
        int line = -1, index = -1;
        w->textEditor()->getCursorPosition(&line, &index);
        QCOMPARE(line, 1);
        QCOMPARE(index, 5);
    }

    void replaceByRenameIsFollowed()
    {
        auto w = openWindow();
        QVERIFY(w);
        const QByteArray first = original + "# one\n";
        QVERIFY(writeByRename(m_path, first));
        QTRY_COMPARE(w->document()->text(), QString::fromUtf8(first));
        // The path is watched again after the rename: a second save is seen too.
        const QByteArray second = original + "# two\n";
        QVERIFY(writeByRename(m_path, second));
        QTRY_COMPARE(w->document()->text(), QString::fromUtf8(second));
    }

    void ownSaveDoesNotReload()
    {
        auto w = openWindow();
        QVERIFY(w);
        QSignalSpy changed(w->diskMonitor(), &models::DiskChangeMonitor::changed);
        w->document()->applyUserEdit(m_path, 0, 0, QStringLiteral("# mine\n"));
        QVERIFY(w->document()->isModified());
        QVERIFY(w->document()->save());
        QTest::qWait(300);
        QCOMPARE(changed.count(), 0);
        QVERIFY(w->reloadBar()->isHidden());
        QCOMPARE(w->document()->undoStack()->count(), 1); // not reloaded: history kept
    }

    void unsavedEditsAsk()
    {
        auto w = openWindow();
        QVERIFY(w);
        const QString mine = QStringLiteral("# mine\n") + QString::fromUtf8(original);
        w->document()->applyUserEdit(m_path, 0, 0, QStringLiteral("# mine\n"));
        const QByteArray theirs = original + "# theirs\n";
        QVERIFY(writeInPlace(m_path, theirs));
        QTRY_VERIFY(!w->reloadBar()->isHidden());
        QVERIFY(w->reloadBar()->message().contains(QStringLiteral("t.pkr.hcl")));
        QCOMPARE(w->document()->text(), mine);

        QTest::mouseClick(w->reloadBar()->keepButton(), Qt::LeftButton);
        QVERIFY(w->reloadBar()->isHidden());
        QCOMPARE(w->document()->text(), mine);
        QVERIFY(w->document()->isModified());

        const QByteArray again = original + "# theirs again\n";
        QVERIFY(writeInPlace(m_path, again));
        QTRY_VERIFY(!w->reloadBar()->isHidden());
        QTest::mouseClick(w->reloadBar()->reloadButton(), Qt::LeftButton);
        QCOMPARE(w->document()->text(), QString::fromUtf8(again));
        QCOMPARE(w->textEditor()->text(), QString::fromUtf8(again));
        QVERIFY(!w->document()->isModified());
    }

    void untitledIsNotWatched()
    {
        ui::MainWindow w;
        QVERIFY(w.document()->isUntitled());
        QVERIFY(w.diskMonitor()->files().isEmpty());
    }
};

QTEST_MAIN(TestDiskReload)
#include "tst_diskreload.moc"
