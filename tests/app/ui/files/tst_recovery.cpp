// Crash recovery in the window: edits autosaved by a window that never closed
// are offered on a bar (not a dialog) when the template is opened again, and
// restore the exact text; a clean close leaves nothing to recover.
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/DocumentAutosaver.h"
#include "app/ui/MainWindow.h"
#include "app/ui/editor/TemplateTextEditor.h"
#include "app/ui/files/RecoveryBar.h"

#include <QDir>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;

namespace {

const QByteArray original = "source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\n"
                            "build {\n  sources = [\"source.null.a\"]\n}\n";

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    QString crashWithEdits()
    {
        ui::MainWindow w;
        if (!w.openPath(m_path, true))
            return {};
        w.document()->applyUserEdit(m_path, 0, 0, QStringLiteral("# unsaved ✓\n"));
        const QString text = w.document()->text();
        // A short interval: the window's own timer writes the entry.
        w.autosaver()->setInterval(20);
        if (!QTest::qWaitFor(
                [&] {
                    return w.autosaver()->store().read(w.autosaver()->currentKey()).has_value();
                },
                5000))
            return {};
        // The window is destroyed without closeEvent, as in a crash.
        return text;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/autosave"))
            .removeRecursively();
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("t.pkr.hcl"));
        QFile f(m_path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(original);
    }

    void restoreAfterCrash()
    {
        const QString edited = crashWithEdits();
        QVERIFY(!edited.isEmpty());
        ui::MainWindow w;
        QVERIFY(w.recoveryBar()->isHidden());
        QVERIFY(w.openPath(m_path, true));
        QVERIFY(!w.recoveryBar()->isHidden());
        QVERIFY(w.recoveryBar()->message().contains(QStringLiteral("t.pkr.hcl")));
        QCOMPARE(w.document()->text(), QString::fromUtf8(original)); // nothing applied yet
        QTest::mouseClick(w.recoveryBar()->restoreButton(), Qt::LeftButton);
        QVERIFY(w.recoveryBar()->isHidden());
        QCOMPARE(w.document()->text(), edited);
        QCOMPARE(w.textEditor()->text(), edited);
        QVERIFY(w.document()->isModified());
        // Saving makes the recovered text the file and the entry goes away.
        QVERIFY(w.document()->save());
        ui::MainWindow again;
        QVERIFY(again.openPath(m_path, true));
        QVERIFY(again.recoveryBar()->isHidden());
    }

    void discardDropsTheEntry()
    {
        QVERIFY(!crashWithEdits().isEmpty());
        {
            ui::MainWindow w;
            QVERIFY(w.openPath(m_path, true));
            QVERIFY(!w.recoveryBar()->isHidden());
            QTest::mouseClick(w.recoveryBar()->discardButton(), Qt::LeftButton);
            QCOMPARE(w.document()->text(), QString::fromUtf8(original));
        }
        ui::MainWindow w;
        QVERIFY(w.openPath(m_path, true));
        QVERIFY(w.recoveryBar()->isHidden());
    }

    void cleanCloseLeavesNothing()
    {
        {
            ui::MainWindow w;
            QVERIFY(w.openPath(m_path, true));
            w.document()->applyUserEdit(m_path, 0, 0, QStringLiteral("# x\n"));
            QVERIFY(w.autosaver()->autosaveNow());
            QVERIFY(w.document()->save());
            QVERIFY(w.close());
        }
        ui::MainWindow w;
        QVERIFY(w.openPath(m_path, true));
        QVERIFY(w.recoveryBar()->isHidden());
    }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
