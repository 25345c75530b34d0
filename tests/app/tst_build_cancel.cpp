// Ctrl-C at every phase of a build: waiting for SSH, pause_before, a sleep provisioner, the
// file builder copying, a post-processor compressing or hashing. Each time the real `kiln
// build` must stop promptly with Packer's message and exit status 1, run its cleanup, and
// leave nothing behind: no partial artifact next to the template, no temp file in TMPDIR,
// no post-processor after the cancel.

#include "support/LoopbackPorts.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/build/cancel/") + name;
}

bool makeFile(const QString &path, qint64 size, bool random)
{
    if (!random) {
        // Sparse: instant to make, still read byte by byte by whoever hashes or copies it.
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.resize(size);
    }
    QFile in(QStringLiteral("/dev/urandom"));
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    for (qint64 done = 0; done < size;) {
        const QByteArray block = in.read(qMin<qint64>(size - done, 1 << 20));
        if (block.isEmpty() || out.write(block) != block.size())
            return false;
        done += block.size();
    }
    return true;
}

QStringList entries(const QString &dir)
{
    QStringList list = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    list.sort();
    return list;
}

} // namespace

class TestBuildCancel : public QObject
{
    Q_OBJECT

private slots:
    void cancelAtEachPhase_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("waitFor"); // output that shows the phase has begun
        QTest::addColumn<int>("settleMs"); // then let it work this long before the signal
        QTest::addColumn<qint64>("bigFile"); // bytes of big.bin (0: none)
        QTest::addColumn<bool>("randomData");
        QTest::addColumn<int>("signal");
        QTest::addColumn<bool>("needsPort"); // -var port=<a port nothing listens on>

        const qint64 mib = 1024 * 1024;
        QTest::newRow("waiting for SSH") << "connect.pkr.hcl" << "Waiting for SSH to become available..." << 300
                                         << qint64(0) << false << int(SIGINT) << true;
        QTest::newRow("pause_before") << "pause.pkr.hcl" << "Pausing 10m0s before the next provisioner..." << 200
                                      << qint64(0) << false << int(SIGTERM) << false;
        QTest::newRow("sleep provisioner") << "sleep.pkr.hcl" << "    null.x: sleeping now" << 300 << qint64(0)
                                           << false << int(SIGINT) << false;
        QTest::newRow("file builder copying") << "filecopy.pkr.hcl" << "Copying big.bin to copy.bin" << 100
                                              << 16 * 1024 * mib << false << int(SIGINT) << false;
        QTest::newRow("compressing") << "compress.pkr.hcl" << "Tarring" << 300 << 160 * mib << true
                                     << int(SIGINT) << false;
        QTest::newRow("hashing") << "checksum.pkr.hcl" << "Running post-processor: checksum" << 300
                                 << 16 * 1024 * mib << false << int(SIGTERM) << false;
    }

    void cancelAtEachPhase()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, waitFor);
        QFETCH(int, settleMs);
        QFETCH(qint64, bigFile);
        QFETCH(bool, randomData);
        QFETCH(int, signal);
        QFETCH(bool, needsPort);

        QTemporaryDir dir;
        QTemporaryDir tmp; // the build's TMPDIR: must be empty again afterwards
        QVERIFY(dir.isValid() && tmp.isValid());
        QVERIFY(QFile::copy(fixture(templateName), dir.filePath(templateName)));
        if (bigFile > 0)
            QVERIFY(makeFile(dir.filePath(QStringLiteral("big.bin")), bigFile, randomData));
        const QStringList before = entries(dir.path());

        QProcess p;
        p.setWorkingDirectory(dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        QStringList args{QStringLiteral("build"), QStringLiteral("-color=false")};
        if (needsPort)
            args << QStringLiteral("-var") << QStringLiteral("port=%1").arg(kiln::test::freeLoopbackPort());
        p.start(QStringLiteral(KILN_BINARY), args << templateName);
        QVERIFY(p.waitForStarted());
        QString out;
        QElapsedTimer t;
        t.start();
        while (!out.contains(waitFor) && t.elapsed() < 30000 && p.state() == QProcess::Running) {
            p.waitForReadyRead(100);
            out += QString::fromUtf8(p.readAll());
        }
        QVERIFY2(out.contains(waitFor), qPrintable(out));
        QTest::qWait(settleMs);
        QVERIFY2(p.state() == QProcess::Running, qPrintable(out + "\n(the phase ended before the signal)"));
        ::kill(pid_t(p.processId()), signal);
        QElapsedTimer cancelled;
        cancelled.start();
        QVERIFY(p.waitForFinished(30000));
        out += QString::fromUtf8(p.readAll());

        QVERIFY2(cancelled.elapsed() < 5000, qPrintable(QStringLiteral("cancel took %1 ms").arg(cancelled.elapsed())));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(out.contains(signal == SIGINT ? "Cancelling build after receiving interrupt"
                                               : "Cancelling build after receiving terminated"),
                 qPrintable(out));
        QVERIFY2(out.contains("Cleanly cancelled builds after being interrupted."), qPrintable(out));
        QVERIFY2(!out.contains("never"), qPrintable(out));
        QVERIFY2(!out.contains("Builds finished. The artifacts"), qPrintable(out));
        QCOMPARE(entries(dir.path()), before);
        QCOMPARE(entries(tmp.path()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestBuildCancel)
#include "tst_build_cancel.moc"
