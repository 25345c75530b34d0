// The console pane, problems list and ask prompt as widgets: links, follow-tail, bounded
// memory, search, diagnostics rows, the choices of a build question.
#include "app/ui/build/AskDialog.h"
#include "app/ui/build/ConsoleLocation.h"
#include "app/ui/build/ConsolePane.h"
#include "app/ui/build/ConsoleStyle.h"
#include "app/ui/build/ProblemsView.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTreeWidget>

using namespace kiln;
using models::ConsoleLine;
using ui::ConsolePane;

namespace {

QList<ConsoleLine> lines(int from, int to, ConsoleLine::Kind kind = ConsoleLine::Kind::Message)
{
    QList<ConsoleLine> out;
    for (int i = from; i <= to; ++i) {
        ConsoleLine l;
        l.kind = kind;
        l.build = QStringLiteral("null.x");
        l.prefix = QStringLiteral("    null.x: ");
        l.text = QStringLiteral("line %1").arg(i);
        out << l;
    }
    return out;
}

} // namespace

class TestConsolePane : public QObject
{
    Q_OBJECT

private slots:
    void locations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("hcl diagnostic") << "  on t.pkr.hcl line 12, in build:"
                                        << "t.pkr.hcl" << 12 << 1;
        QTest::newRow("hcl range") << "Error: bad at dir/t.pkr.hcl:3,5-9"
                                   << "dir/t.pkr.hcl" << 3 << 5;
        QTest::newRow("file:line:col") << "/abs/vars.json:7:2: invalid"
                                       << "/abs/vars.json" << 7 << 2;
        QTest::newRow("plain output") << "copying 12:30 files"
                                      << "" << 0 << 0;
        QTest::newRow("a url is not a place") << "GET http://x/y.json"
                                              << "" << 0 << 0;
    }

    void locations()
    {
        QFETCH(QString, text);
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        const ui::ConsoleLocation loc = ui::ConsoleLocation::find(text);
        QCOMPARE(loc.file, file);
        QCOMPARE(loc.line, line);
        QCOMPARE(loc.column, column);
        if (loc.isValid()) {
            const ui::ConsoleLocation back = ui::ConsoleLocation::fromHref(loc.toHref());
            QCOMPARE(back.file, file);
            QCOMPARE(back.line, line);
        }
    }

    void clickingAnErrorLineActivatesItsPlace()
    {
        ConsolePane pane(false);
        pane.resize(800, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        ConsoleLine err;
        err.kind = ConsoleLine::Kind::SummaryError;
        err.text = QStringLiteral("  on build.pkr.hcl line 4:");
        pane.appendLines(lines(1, 2) + QList<ConsoleLine>{err});
        QSignalSpy spy(&pane, &ConsolePane::locationActivated);
        QPlainTextEdit *view = pane.view();
        QTextCursor c(view->document()->findBlockByNumber(2));
        c.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, 8);
        const QPoint at = view->cursorRect(c).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toString(), QStringLiteral("build.pkr.hcl"));
        QCOMPARE(spy.first().at(1).toInt(), 4);
        // A plain line is not a link.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
            view->cursorRect(QTextCursor(view->document()->firstBlock())).center());
        QCOMPARE(spy.size(), 1);
    }

    void allViewKeepsThePrefix()
    {
        ConsolePane all(true);
        ConsolePane one(false);
        all.appendLines(lines(1, 2));
        one.appendLines(lines(1, 2));
        QCOMPARE(all.text(), QStringLiteral("    null.x: line 1\n    null.x: line 2"));
        QCOMPARE(one.text(), QStringLiteral("    line 1\n    line 2"));
    }

    // Coloured command output (Ansible, apt, test runners) shows its colours, not the
    // escape codes; the colour follows the palette's tone, and carries over lines.
    void ansiColours()
    {
        ConsolePane pane(false);
        QList<ConsoleLine> ls = lines(1, 3);
        ls[0].text = QStringLiteral("\x1b[0;92mok: [default]\x1b[0m => done");
        ls[1].text = QStringLiteral("\x1b[1;31mfatal: \x1b[0;33mstill yellow");
        ls[2].text = QStringLiteral("on the next line\x1b[0m");
        pane.appendLines(ls);
        QCOMPARE(pane.text(),
            QStringLiteral(
                "    ok: [default] => done\n    fatal: still yellow\n    on the next line"));
        const QTextDocument *doc = pane.findChild<QPlainTextEdit *>()->document();
        auto formatAt = [doc](int block, int column) {
            QTextCursor c(doc->findBlockByNumber(block));
            c.setPosition(c.position() + column + 1);
            return c.charFormat();
        };
        ui::ConsoleStyle style(pane.palette());
        QCOMPARE(formatAt(0, 4).foreground().color(), style.ansiColor(10, 0)); // "ok"
        QCOMPARE(formatAt(0, 22).foreground().color(), style.buildColor(0)); // "done"
        QCOMPARE(formatAt(1, 4).foreground().color(), style.ansiColor(1, 0)); // "fatal"
        QCOMPARE(formatAt(1, 4).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(1, 12).foreground().color(), style.ansiColor(3, 0)); // "still"
        QCOMPARE(formatAt(2, 6).foreground().color(), style.ansiColor(3, 0)); // carried over
    }

    void followsTheTailUntilScrolledUp()
    {
        ConsolePane pane(false);
        pane.resize(600, 200);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QScrollBar *bar = pane.view()->verticalScrollBar();
        pane.appendLines(lines(1, 500));
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(pane.isFollowingTail());
        bar->setValue(10); // the user scrolls up to read
        QVERIFY(!pane.isFollowingTail());
        pane.appendLines(lines(501, 1000));
        QCOMPARE(bar->value(), 10);
        bar->setValue(bar->maximum()); // back at the bottom: following again
        QVERIFY(pane.isFollowingTail());
        pane.appendLines(lines(1001, 1500));
        QCOMPARE(bar->value(), bar->maximum());
    }

    void keepsHeadAndTailAndSaysWhatWasElided()
    {
        ConsolePane pane(false);
        pane.setLimits(3, 5);
        for (int i = 0; i < 10; ++i)
            pane.appendLines(lines(i * 10 + 1, i * 10 + 10));
        QCOMPARE(pane.elidedLines(), 92);
        QCOMPARE(pane.view()->document()->blockCount(), 3 + 1 + 5);
        QCOMPARE(pane.text(),
            QStringLiteral(
                "    line 1\n    line 2\n    line 3\n[… 92 lines elided to bound memory …]\n"
                "    line 96\n    line 97\n    line 98\n    line 99\n    line 100"));
        // One huge batch: the lines the bound drops are never drawn at all.
        ConsolePane big(false);
        big.setLimits(3, 5);
        big.appendLines(lines(1, 100000));
        QCOMPARE(big.elidedLines(), 100000 - 8);
        QCOMPARE(big.view()->document()->blockCount(), 9);
        QVERIFY(big.text().endsWith(QStringLiteral("line 100000")));
    }

    // A shown console draws a burst a turn at a time (the GUI thread stays free in
    // between); the tail arrives in full, and a reader sees every line at once.
    void drawsABurstOverSeveralTurns()
    {
        ConsolePane pane(false);
        pane.resize(600, 200);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.appendLines(lines(1, 5000));
        const QTextDocument *doc = pane.findChild<QPlainTextEdit *>()->document();
        QVERIFY2(doc->blockCount() < 5000, qPrintable(QString::number(doc->blockCount())));
        QTRY_COMPARE(doc->blockCount(), 5000);
        QCOMPARE(doc->lastBlock().text(), QStringLiteral("    line 5000"));
        pane.appendLines(lines(5001, 9000));
        QVERIFY(pane.text().endsWith(QStringLiteral("line 9000"))); // reading draws it all
        QCOMPARE(doc->blockCount(), 9000);
        // A hidden console keeps only what it would show, and draws it when shown.
        pane.hide();
        pane.setLimits(10, 100);
        pane.clear();
        pane.appendLines(lines(1, 50000));
        QCOMPARE(doc->blockCount(), 1);
        pane.show();
        QTRY_COMPARE(doc->blockCount(), 10 + 1 + 100);
        QCOMPARE(pane.elidedLines(), 50000 - 110);
        QCOMPARE(doc->lastBlock().text(), QStringLiteral("    line 50000"));
    }

    void searchFindsAndWraps()
    {
        ConsolePane pane(false);
        pane.appendLines(lines(1, 50));
        pane.showSearch();
        pane.searchField()->setText(QStringLiteral("line 42"));
        QVERIFY(pane.findNext());
        QCOMPARE(pane.view()->textCursor().selectedText(), QStringLiteral("line 42"));
        QVERIFY(pane.findNext()); // wraps around to the same match
        QCOMPARE(pane.view()->textCursor().blockNumber(), 41);
        pane.searchField()->setText(QStringLiteral("nowhere"));
        QVERIFY(!pane.findNext());
    }

    void progressRow()
    {
        ConsolePane pane(false);
        pane.show();
        pane.setProgress(QStringLiteral("disk.iso"), 512, 2048);
        auto *label = pane.findChild<QLabel *>();
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QCOMPARE(label->text(), QStringLiteral("disk.iso  512 B / 2.0 KiB"));
        pane.setProgress(QStringLiteral("disk.iso"), 2048, 2048);
        QVERIFY(!label->isVisible());
    }

    void problemsList()
    {
        ui::ProblemsView view;
        hcl::Diagnostics diags;
        hcl::SourceRange r;
        r.filename = QStringLiteral("/tmp/t.pkr.hcl");
        r.start = {3, 5, 40};
        r.end = {3, 9, 44};
        diags << hcl::Diagnostic::error(QStringLiteral("Unsupported argument"),
            QStringLiteral("An argument named \"bogus\" is not expected here."), r);
        diags << hcl::Diagnostic::warning(QStringLiteral("Undeclared variable"));
        QSignalSpy counts(&view, &ui::ProblemsView::countChanged);
        view.setDiagnostics(diags);
        QCOMPARE(counts.size(), 1);
        QCOMPARE(view.countText(), QStringLiteral("1 error(s), 1 warning(s)"));
        QTreeWidget *tree = view.tree();
        QCOMPARE(tree->topLevelItemCount(), 2);
        QTreeWidgetItem *first = tree->topLevelItem(0);
        QCOMPARE(first->text(1), QStringLiteral("Unsupported argument"));
        QCOMPARE(first->text(2), QStringLiteral("t.pkr.hcl"));
        QCOMPARE(first->text(3), QStringLiteral("3:5"));
        QCOMPARE(first->childCount(), 1);
        QVERIFY(!first->icon(0).isNull());
        QSignalSpy spy(&view, &ui::ProblemsView::locationActivated);
        emit tree->itemActivated(first->child(0), 1);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.first().at(0).toString(), r.filename);
        QCOMPARE(spy.first().at(1).toInt(), 3);
        QCOMPARE(spy.first().at(2).toInt(), 5);
        emit tree->itemActivated(tree->topLevelItem(1), 1); // no place: nothing to jump to
        QCOMPARE(spy.size(), 1);
    }

    void askChoices()
    {
        const auto onError = ui::AskDialog::parseChoices(
            QStringLiteral("Step \"StepProvision\" failed\n[c] Clean up and exit, [a] abort "
                           "without cleanup, or [r] retry "
                           "step (build may fail even if retry succeeds)?"));
        QCOMPARE(onError.size(), 3);
        QCOMPARE(onError.at(0).answer, QStringLiteral("c"));
        QCOMPARE(onError.at(0).label, QStringLiteral("Clean up and exit"));
        QCOMPARE(onError.at(1).label, QStringLiteral("Abort without cleanup"));
        QCOMPARE(onError.at(2).label, QStringLiteral("Retry step"));
        QCOMPARE(onError.at(2).help, QStringLiteral("build may fail even if retry succeeds"));
        const auto pause = ui::AskDialog::parseChoices(QStringLiteral("Press enter to continue."));
        QCOMPARE(pause.size(), 1);
        QCOMPARE(pause.first().answer, QString());

        ui::AskDialog dialog(
            7, QStringLiteral("null.x"), QStringLiteral("Press enter to continue."));
        QSignalSpy answered(&dialog, &ui::AskDialog::answered);
        QVERIFY(!dialog.choose(QStringLiteral("r")));
        QVERIFY(dialog.choose(QString()));
        QCOMPARE(answered.size(), 1);
        QCOMPARE(answered.first().at(0).toULongLong(), 7ull);
    }
};

QTEST_MAIN(TestConsolePane)
#include "tst_consolepane.moc"
