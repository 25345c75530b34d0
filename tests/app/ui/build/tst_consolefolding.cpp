// Folding of the console's step headers: which lines a header hides (its own build's, up to
// its next header), the running step staying open, folds surviving appends, the head/tail
// elision and re-rendering, search unfolding, the gutter's markers and the keyboard.
#include "app/models/build/ConsoleBuffer.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ConsolePane.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

using namespace kiln;
using models::ConsoleLine;
using ui::ConsolePane;

namespace {

ConsoleLine line(ConsoleLine::Kind kind, const QString &build, const QString &text)
{
    ConsoleLine l;
    l.kind = kind;
    l.build = build;
    const bool arrow = kind == ConsoleLine::Kind::Say || kind == ConsoleLine::Kind::Error;
    if (kind == ConsoleLine::Kind::Say || kind == ConsoleLine::Kind::Message
        || kind == ConsoleLine::Kind::Error)
        l.prefix = (arrow ? QStringLiteral("==> ") : QStringLiteral("    ")) + build
            + QStringLiteral(": ");
    l.text = text;
    l.msecsSinceEpoch = 1764136800000 + text.size();
    return l;
}

ConsoleLine say(const QString &text, const QString &build = QStringLiteral("null.x"))
{
    return line(ConsoleLine::Kind::Say, build, text);
}

QList<ConsoleLine> output(int from, int to, const QString &build = QStringLiteral("null.x"))
{
    QList<ConsoleLine> out;
    for (int i = from; i <= to; ++i)
        out << line(ConsoleLine::Kind::Message, build, QStringLiteral("output %1").arg(i));
    return out;
}

// Three steps of one build; the third is still running.
//   0 ==> Step one      4 ==> Step two      7 ==> Step three
//   1-3 output 1..3     5-6 output 4..5     8-9 output 6..7
QList<ConsoleLine> threeSteps()
{
    return QList<ConsoleLine>{say(QStringLiteral("Step one"))} + output(1, 3)
        + QList<ConsoleLine>{say(QStringLiteral("Step two"))} + output(4, 5)
        + QList<ConsoleLine>{say(QStringLiteral("Step three"))} + output(6, 7);
}

QStringList visibleTexts(const ConsolePane &pane)
{
    QStringList out;
    for (QTextBlock b = pane.view()->document()->begin(); b.isValid(); b = b.next())
        if (b.isVisible())
            out << b.text();
    return out;
}

} // namespace

class TestConsoleFolding : public QObject
{
    Q_OBJECT

private slots:
    void foldAndUnfoldOneStep()
    {
        ConsolePane pane(false);
        pane.appendLines(threeSteps());
        QCOMPARE(pane.visibleLineCount(), 10);
        QVERIFY(pane.isFoldable(0));
        QVERIFY(pane.foldStep(0));
        QVERIFY(pane.isStepFolded(0));
        QCOMPARE(pane.visibleLineCount(), 7);
        QCOMPARE(visibleTexts(pane).first(), QStringLiteral("==> Step one"));
        QCOMPARE(visibleTexts(pane).at(1), QStringLiteral("==> Step two"));
        QVERIFY(!pane.foldStep(0)); // already folded
        QVERIFY(!pane.foldStep(1)); // not a header
        QVERIFY(pane.foldStep(4));
        QCOMPARE(pane.visibleLineCount(), 5);
        QVERIFY(pane.unfoldStep(0));
        QCOMPARE(pane.visibleLineCount(), 8);
        QVERIFY(!pane.unfoldStep(0));
        // Folding is a view: the text, the log that is saved, keeps every line.
        QCOMPARE(pane.text().count(QLatin1Char('\n')), 9);
    }

    void runningStepStaysOpen()
    {
        ConsolePane pane(false);
        pane.appendLines(threeSteps());
        QVERIFY(!pane.isFoldable(7));
        QVERIFY(!pane.foldStep(7));
        pane.foldAll();
        QVERIFY(pane.isStepFolded(0));
        QVERIFY(pane.isStepFolded(4));
        QVERIFY(!pane.isStepFolded(7));
        QCOMPARE(visibleTexts(pane),
            QStringList({"==> Step one", "==> Step two", "==> Step three", "    output 6",
                "    output 7"}));
        // The running step's new lines show; once the next step starts, the finished one
        // folds too (Fold All keeps folding finished steps).
        pane.appendLines(output(8, 9));
        QCOMPARE(pane.visibleLineCount(), 7);
        pane.appendLines(QList<ConsoleLine>{say(QStringLiteral("Step four"))} + output(10, 10));
        QVERIFY(pane.isStepFolded(7));
        QCOMPARE(visibleTexts(pane),
            QStringList({"==> Step one", "==> Step two", "==> Step three", "==> Step four",
                "    output 10"}));
        // The build's end line ends its last step, which can then be folded.
        ConsoleLine done = line(ConsoleLine::Kind::Finished, QStringLiteral("null.x"),
            QStringLiteral("Build 'null.x' finished after 1 second."));
        pane.appendLines({done});
        QVERIFY(pane.foldStep(12));
        QCOMPARE(visibleTexts(pane).last(), done.text);
        pane.unfoldAll();
        QCOMPARE(pane.visibleLineCount(), pane.view()->document()->blockCount());
        // After Unfold All, finished steps stay open.
        pane.appendLines(QList<ConsoleLine>{say(QStringLiteral("again"))} + output(11, 12));
        QCOMPARE(pane.visibleLineCount(), pane.view()->document()->blockCount());
    }

    void headersWithoutLinesAndStepEnds()
    {
        ConsolePane pane(false);
        // Consecutive headers: the first has nothing to fold.
        pane.appendLines({say(QStringLiteral("Creating key")), say(QStringLiteral("Waiting"))});
        pane.appendLines(output(1, 2));
        QVERIFY(!pane.isFoldable(0));
        QVERIFY(!pane.foldStep(0));
        QVERIFY(!pane.isFoldable(1)); // running
        // Error lines are part of the step; a carriage return keeps one line per block.
        ConsoleLine err = line(
            ConsoleLine::Kind::Error, QStringLiteral("null.x"), QStringLiteral("10%\r50%\r"));
        pane.appendLines({err, say(QStringLiteral("next"))});
        QCOMPARE(pane.view()->document()->blockCount(), 6);
        QCOMPARE(pane.view()->document()->findBlockByNumber(4).text(), QStringLiteral("50%"));
        QVERIFY(pane.foldStep(1));
        QCOMPARE(visibleTexts(pane), QStringList({"==> Creating key", "==> Waiting", "==> next"}));
    }

    void foldSurvivesAppendsAndFollowsTheTail()
    {
        ConsolePane pane(false);
        pane.resize(600, 200);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(threeSteps());
        QVERIFY(pane.foldStep(0));
        for (int i = 0; i < 10; ++i)
            pane.appendLines(output(100 + i * 50, 149 + i * 50));
        QVERIFY(pane.isStepFolded(0));
        QCOMPARE(pane.visibleLineCount(), 7 + 500);
        QScrollBar *bar = pane.view()->verticalScrollBar();
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(pane.isFollowingTail());
        // Unfolding while following: still at the bottom.
        QVERIFY(pane.unfoldStep(0));
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(pane.isFollowingTail());
    }

    void foldAcrossTheElisionNotice()
    {
        ConsolePane pane(false);
        pane.setLimits(4, 6);
        pane.appendLines(QList<ConsoleLine>{say(QStringLiteral("Step one"))} + output(1, 20)
            + QList<ConsoleLine>{say(QStringLiteral("Step two"))} + output(21, 22));
        QCOMPARE(pane.elidedLines(), 14);
        // h1, output 1..3 | notice | output 18..20, h2, output 21..22
        QVERIFY(pane.foldStep(0));
        const QString notice = models::ConsoleBuffer::elisionNotice(14);
        QCOMPARE(visibleTexts(pane),
            QStringList(
                {"==> Step one", notice, "==> Step two", "    output 21", "    output 22"}));
        // More lines push step one's tail and step two's header out; the notice stays, and
        // step one's fold now stops at it: the lines after it are step two's.
        pane.appendLines(output(23, 30));
        QVERIFY(pane.isStepFolded(0));
        QCOMPARE(visibleTexts(pane).mid(0, 2),
            QStringList({"==> Step one", models::ConsoleBuffer::elisionNotice(22)}));
        QCOMPARE(pane.visibleLineCount(), 2 + 6);
    }

    void elidedFoldedHeaderShowsTheRestOfItsStep()
    {
        ConsolePane pane(false);
        pane.setLimits(1, 8);
        pane.appendLines(output(0, 0));
        pane.appendLines(QList<ConsoleLine>{say(QStringLiteral("Step one"))} + output(1, 3)
            + QList<ConsoleLine>{say(QStringLiteral("Step two"))} + output(4, 4));
        QVERIFY(pane.foldStep(1));
        QCOMPARE(pane.visibleLineCount(), 4);
        // The bound removes "Step one" and "output 1": outputs 2 and 3 have no header left
        // to unfold them, so they show.
        pane.appendLines(output(5, 8));
        QCOMPARE(pane.elidedLines(), 2);
        QCOMPARE(
            pane.view()->document()->findBlockByNumber(2).text(), QStringLiteral("    output 2"));
        QCOMPARE(pane.visibleLineCount(), pane.view()->document()->blockCount());
    }

    void allViewFoldsPerBuild()
    {
        ConsolePane all(true);
        const QString a = QStringLiteral("null.a");
        const QString b = QStringLiteral("null.b");
        all.appendLines({
            say(QStringLiteral("a one"), a), // 0
            say(QStringLiteral("b one"), b), // 1
            output(1, 1, a).first(), // 2
            output(1, 1, b).first(), // 3
            output(2, 2, a).first(), // 4
            say(QStringLiteral("a two"), a), // 5
            output(2, 2, b).first(), // 6
            output(3, 3, a).first(), // 7
        });
        QVERIFY(all.foldStep(0));
        QCOMPARE(visibleTexts(all),
            QStringList({"==> null.a: a one", "==> null.b: b one", "    null.b: output 1",
                "==> null.a: a two", "    null.b: output 2", "    null.a: output 3"}));
        // b's first step is still running (b has no second header): it stays open.
        QVERIFY(!all.foldStep(1));
        all.foldAll();
        QCOMPARE(all.visibleLineCount(), 6);
    }

    void searchUnfoldsTheStepOfItsHit()
    {
        ConsolePane pane(false);
        pane.appendLines(threeSteps());
        pane.foldAll();
        pane.searchField()->setText(QStringLiteral("output 4"));
        QVERIFY(pane.findNext());
        QCOMPARE(pane.view()->textCursor().blockNumber(), 5);
        QVERIFY(pane.view()->textCursor().block().isVisible());
        QVERIFY(!pane.isStepFolded(4));
        QVERIFY(pane.isStepFolded(0));
    }

    void rerenderKeepsFolds()
    {
        models::ConsoleBuffer buffer;
        buffer.append(threeSteps());
        ConsolePane pane(false);
        pane.rerender(buffer);
        QVERIFY(pane.foldStep(4));
        pane.setTimestampsVisible(true);
        pane.rerender(buffer);
        QVERIFY(pane.view()->document()->findBlockByNumber(4).text().endsWith("==> Step two"));
        QVERIFY(pane.isStepFolded(4));
        QVERIFY(!pane.isStepFolded(0));
        QCOMPARE(pane.visibleLineCount(), 8);
        // A new run starts clean.
        pane.clear();
        pane.appendLines(threeSteps());
        QVERIFY(!pane.isStepFolded(4));
    }

    void clickingTheGutterMarkerToggles()
    {
        ConsolePane pane(false);
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(threeSteps());
        QWidget *gutter = pane.foldGutter();
        QVERIFY(gutter && gutter->isVisible() && gutter->width() > 0);
        QPlainTextEdit *view = pane.view();
        auto yOf = [view, gutter](int block) {
            const QRect r
                = view->cursorRect(QTextCursor(view->document()->findBlockByNumber(block)));
            return gutter->mapFromGlobal(view->viewport()->mapToGlobal(r.center())).y();
        };
        const QPoint atStepTwo(gutter->width() / 2, yOf(4));
        QTest::mouseClick(gutter, Qt::LeftButton, {}, atStepTwo);
        QVERIFY(pane.isStepFolded(4));
        QCOMPARE(pane.visibleLineCount(), 8);
        // Step three moved up to where output 4 was; a click on a plain line does nothing.
        QTest::mouseClick(gutter, Qt::LeftButton, {}, QPoint(gutter->width() / 2, yOf(2)));
        QCOMPARE(pane.visibleLineCount(), 8);
        QTest::mouseClick(gutter, Qt::LeftButton, {}, atStepTwo);
        QVERIFY(!pane.isStepFolded(4));
        QCOMPARE(pane.visibleLineCount(), 10);
        // The running step's marker does not fold it.
        QTest::mouseClick(gutter, Qt::LeftButton, {}, QPoint(gutter->width() / 2, yOf(7)));
        QVERIFY(!pane.isStepFolded(7));
    }

    void keyboardAndMenuActions()
    {
        ConsolePane pane(false);
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        pane.appendLines(threeSteps());
        pane.view()->setFocus();
        QTest::keyClick(pane.view(), Qt::Key_BracketLeft, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(pane.isStepFolded(0));
        QVERIFY(pane.isStepFolded(4));
        QTest::keyClick(pane.view(), Qt::Key_BracketRight, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(pane.visibleLineCount(), 10);
        pane.foldAllAction()->trigger();
        QCOMPARE(pane.visibleLineCount(), 5);
        pane.unfoldAllAction()->trigger();
        QCOMPARE(pane.visibleLineCount(), 10);
    }

    // Appends cost the batch, not the document: with folds in place, a stream of batches
    // through the bound leaves every fold and the block count right.
    void manyBatchesWithFolds()
    {
        ConsolePane pane(false);
        pane.setLimits(50, 500);
        pane.appendLines(threeSteps());
        pane.foldAll();
        int n = 100;
        for (int step = 0; step < 40; ++step) {
            pane.appendLines(QList<ConsoleLine>{say(QStringLiteral("Step %1").arg(step + 4))}
                + output(n, n + 199));
            n += 200;
        }
        QCOMPARE(pane.view()->document()->blockCount(), 50 + 1 + 500);
        QVERIFY(pane.isStepFolded(0));
        // The tail holds the end of step 41 (its folded header was elided: those lines
        // show), step 42 (folded) and step 43 (running); every header in view but the last
        // is folded.
        int headers = 0;
        int folded = 0;
        for (QTextBlock b = pane.view()->document()->begin(); b.isValid(); b = b.next()) {
            if (b.text().startsWith(QStringLiteral("==> Step"))) {
                ++headers;
                folded += pane.isStepFolded(b.blockNumber());
            }
        }
        QCOMPARE(folded, headers - 1);
        QVERIFY(!pane.isStepFolded(pane.view()->document()->blockCount() - 201));
    }

    // A real build in the dock: "Fold All Steps" in the dock's bar folds the finished steps
    // of the tab on top while the running step stays open and keeps streaming.
    void dockFoldsALiveBuild()
    {
        QTemporaryDir dir;
        QFile t(dir.filePath(QStringLiteral("t.pkr.hcl")));
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(R"(source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  provisioner "shell-local" {
    inline = ["echo one", "echo two"]
  }
  provisioner "shell-local" {
    inline = ["echo started", "sleep 1", "echo finished"]
  }
}
)");
        t.close();
        ui::BuildDock dock;
        dock.resize(1000, 400);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.setTemplatePath(t.fileName());
        dock.run();
        QTRY_VERIFY_WITH_TIMEOUT(
            dock.pane("null.x") && dock.pane("null.x")->text().contains("started"), 20000);
        ConsolePane *pane = dock.pane("null.x");
        dock.tabs()->setCurrentWidget(pane);
        QToolButton *foldAll = nullptr;
        for (QToolButton *b : dock.findChildren<QToolButton *>())
            if (b->toolTip().startsWith(pane->foldAllAction()->text()))
                foldAll = b;
        QVERIFY(foldAll && foldAll->isEnabled());
        foldAll->click();
        QVERIFY(pane->isStepFolded(0));
        const QStringList shown = visibleTexts(*pane);
        QVERIFY2(shown.size() >= 3, qPrintable(shown.join('|')));
        QVERIFY(shown.at(0).startsWith("==> Running local shell script: "));
        QVERIFY(shown.at(1).startsWith("==> Running local shell script: "));
        QCOMPARE(shown.at(2), QStringLiteral("    started"));
        QVERIFY(!pane->isStepFolded(3)); // running
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning(), 20000);
        QVERIFY(pane->text().contains("    finished"));
        QVERIFY(visibleTexts(*pane).contains("    finished"));
        QVERIFY(pane->isStepFolded(0));
        // The All tab folds per build too; the build is over, so both steps fold, and the
        // build's end line and the run's summary stay.
        dock.tabs()->setCurrentWidget(dock.allPane());
        foldAll->click();
        const QStringList all = visibleTexts(*dock.allPane());
        QVERIFY(!all.contains("    null.x: one"));
        QVERIFY(!all.contains("    null.x: finished"));
        QVERIFY2(
            all.filter("Build 'null.x' finished after").size() == 1, qPrintable(all.join('|')));
        QVERIFY(!all.filter(QRegularExpression("^==> Wait completed after")).isEmpty());
        QCOMPARE(all.last(), dock.allPane()->view()->document()->lastBlock().text());
    }
};

QTEST_MAIN(TestConsoleFolding)
#include "tst_consolefolding.moc"
