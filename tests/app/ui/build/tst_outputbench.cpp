// A build printing megabytes while the designer window is open, run from the window's Build
// action as a user would (MainWindow, BuildDock, the real BuildRunModel, null builder and
// shell-local). It checks that every line is accounted for (kept in head or tail, or counted
// as elided) and prints the figures bench/designer-output.sh reports: the GUI thread's longest
// stall (a 5 ms heartbeat timer's largest gap), peak and final RSS, and the throughput
// against the floor (the same script run by sh into /dev/null). It asserts no timings.
//
//   KILN_BENCH_MB=200 (default 4) sets the output size.
#include "app/models/build/BuildRunModel.h"
#include "app/ui/MainWindow.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ConsolePane.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

using namespace kiln;

namespace {

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// VmHWM (peak) or VmRSS (now) of this process, in MB.
double memoryMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

const char *FoxLine
    = "the quick brown fox jumps over the lazy dog, again and again and again, and more";

} // namespace

class TestOutputBench : public QObject
{
    Q_OBJECT

private slots:
    void buildOutputWhileTheWindowIsOpen()
    {
        const int mb = qEnvironmentVariableIsSet("KILN_BENCH_MB")
            ? std::max(1, qEnvironmentVariableIntValue("KILN_BENCH_MB"))
            : 4;
        const qint64 lines = qint64(mb) * 1000 * 1000 / 80;
        QTemporaryDir dir;
        // 79 characters and a newline per line, as bench/build-output.sh prints.
        const QString script = dir.filePath(QStringLiteral("print.sh"));
        QVERIFY(writeFile(script,
            QStringLiteral("#!/bin/sh\nyes '%1' | cut -c1-79 | head -n %2\n")
                .arg(QString::fromLatin1(FoxLine))
                .arg(lines)
                .toUtf8()));
        QVERIFY(QFile::setPermissions(
            script, QFile::permissions(script) | QFile::ExeOwner | QFile::ExeGroup));
        const QString path = dir.filePath(QStringLiteral("output.pkr.hcl"));
        QVERIFY(writeFile(path,
            QStringLiteral(R"(source "null" "out" {
  communicator = "none"
}

build {
  sources = ["source.null.out"]

  provisioner "shell-local" {
    script = "%1"
  }
}
)")
                .arg(script)
                .toUtf8()));

        // The floor: the script alone, its output thrown away.
        QElapsedTimer floorClock;
        floorClock.start();
        QProcess sh;
        sh.setStandardOutputFile(QProcess::nullDevice());
        sh.start(QStringLiteral("/bin/sh"), {script});
        QVERIFY(sh.waitForFinished(600000));
        const qint64 floorMs = std::max<qint64>(1, floorClock.elapsed());

        ui::MainWindow w;
        w.resize(1600, 1000);
        QVERIFY(w.openPath(path, true));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(200);
        ui::BuildDock *dock = w.buildDock();
        QAction *build = w.action(QStringLiteral("build"));
        QVERIFY(build);

        // The GUI thread's heartbeat: the longest gap between ticks is the worst stall.
        QElapsedTimer beat;
        qint64 worstGap = 0;
        int over50 = 0;
        int ticks = 0;
        QTimer heart;
        heart.setTimerType(Qt::PreciseTimer);
        heart.setInterval(5);
        connect(&heart, &QTimer::timeout, this, [&] {
            const qint64 gap = beat.restart();
            worstGap = std::max(worstGap, gap);
            over50 += gap > 50;
            ++ticks;
        });
        QElapsedTimer clock;
        clock.start();
        build->trigger();
        QVERIFY(dock->isRunning());
        beat.start();
        heart.start();
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 60000 + mb * 3000);
        const qint64 buildMs = std::max<qint64>(1, clock.elapsed());
        heart.stop();
        QTest::qWait(100); // the last paint
        const double peakMb = memoryMb("VmHWM:");
        const double rssMb = memoryMb("VmRSS:");

        const models::BuildRunModel *model = dock->model();
        const double seconds = buildMs / 1000.0;
        qInfo("output: %d MB, %lld lines", mb, lines);
        qInfo("floor: sh print.sh >/dev/null  %.2f s  %.1f MB/s", floorMs / 1000.0,
            mb / (floorMs / 1000.0));
        qInfo("designer build: %.2f s  %.1f MB/s  (%.2fx the floor's time)", seconds, mb / seconds,
            double(buildMs) / double(floorMs));
        qInfo("GUI thread: longest stall %lld ms (goal <= 50), %d gaps over 50 ms, %d heartbeats",
            worstGap, over50, ticks);
        qInfo("GUI batches: %d, longest %lld ms, total %lld ms; lines not drawn %lld",
            model->batchCount(), model->maxBatchNs() / 1000000, model->totalBatchNs() / 1000000,
            model->skippedLines());
        qInfo("memory: peak RSS %.0f MB (goal < 300), RSS at the end %.0f MB", peakMb, rssMb);
        QVERIFY2(model->exitCode() == 0, qPrintable(dock->allPane()->text().right(2000)));
        const models::ConsoleBuffer &console = model->build(QStringLiteral("null.out"))->console;
        // Every line the build printed is kept (head, tail) or counted as elided; the lines
        // that are not the script's output are all kept (the header, the end line).
        QCOMPARE(console.headSize() + (console.size() - console.headSize()) + console.elided(),
            console.total());
        qint64 other = 0;
        for (qsizetype i = 0; i < console.size(); ++i)
            other += console.at(i).text != QLatin1String(FoxLine).left(79);
        QCOMPARE(console.total() - other, lines);
        // The build's tab: lines shown or elided, plus lines never drawn, are the build's.
        ui::ConsolePane *pane = dock->pane(QStringLiteral("null.out"));
        QVERIFY(pane);
        const int blocks = pane->view()->document()->blockCount();
        const int notice = pane->elidedLines() > 0 ? 1 : 0;
        // Lines the model skipped (output outran drawing) are counted for the whole run,
        // the two announcement lines of the "All" view among them.
        const qint64 shown = blocks - notice + pane->elidedLines();
        QVERIFY2(shown <= console.total() && shown + model->skippedLines() >= console.total(),
            qPrintable(QStringLiteral("%1 shown or elided, %2 not drawn, %3 printed")
                           .arg(shown)
                           .arg(model->skippedLines())
                           .arg(console.total())));
        QVERIFY(pane->view()->document()->lastBlock().text().startsWith(
            QStringLiteral("Build 'null.out' finished after")));
    }
};

QTEST_MAIN(TestOutputBench)
#include "tst_outputbench.moc"
