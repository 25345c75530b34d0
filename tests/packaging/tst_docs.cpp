// kiln(1) and the bash completion against the kiln binary: every command the
// binary lists and every flag its help shows are documented and completed, and
// every flag the documents name is one the binary accepts. The page must render
// without groff warnings, and the completion must complete what a user types.
#include "PackagingProcess.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln::packagingtest;

namespace {

const QString manSource = QStringLiteral(KILN_SOURCE_DIR "/packaging/kiln.1.in");
const QString completionScript = QStringLiteral(KILN_SOURCE_DIR "/packaging/kiln.bash-completion");

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

ProcessResult runKiln(const QStringList &args, const QByteArray &input = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
    return runProcess(QStringLiteral(KILN_BINARY), args, {}, env, 30000, input);
}

// The commands `kiln --help` lists, in order.
QStringList binaryCommands()
{
    const ProcessResult r = runKiln({QStringLiteral("--help")});
    QStringList names;
    const qsizetype start = r.out.indexOf(QStringLiteral("Available commands are:"));
    if (start < 0)
        return names;
    static const QRegularExpression line(
        QStringLiteral("^    (\\S+)\\s"), QRegularExpression::MultilineOption);
    auto it = line.globalMatch(r.out.mid(start));
    while (it.hasNext())
        names << it.next().captured(1);
    return names;
}

// The flags `kiln CMD -help` shows (the help is printed after the unknown-flag error).
QSet<QString> helpFlags(const QString &command)
{
    const ProcessResult r = runKiln({command, QStringLiteral("-help")});
    static const QRegularExpression line(
        QStringLiteral("^\\s+-([a-z][a-z0-9-]*)"), QRegularExpression::MultilineOption);
    QSet<QString> flags;
    auto it = line.globalMatch(r.out + r.err);
    while (it.hasNext())
        flags.insert(it.next().captured(1));
    flags.remove(QStringLiteral("help"));
    return flags;
}

// The man page's command sections: `.SS "kiln NAME ..."` up to the next section,
// each with the flags its `.TP` entries name.
QMap<QString, QSet<QString>> manCommands(const QString &roff)
{
    QMap<QString, QSet<QString>> commands;
    static const QRegularExpression heading(QStringLiteral("^\\.SS \"kiln ([a-z0-9_]+)"));
    static const QRegularExpression flag(QStringLiteral("\\\\-((?:[a-z0-9]|\\\\-)+)"));
    QString current;
    bool tagLine = false;
    for (const QString &l : roff.split(QLatin1Char('\n'))) {
        if (const auto m = heading.match(l); m.hasMatch()) {
            current = m.captured(1);
            commands[current];
            continue;
        }
        if (l.startsWith(QLatin1String(".SH")) || l.startsWith(QLatin1String(".SS"))) {
            current.clear();
            continue;
        }
        if (l.startsWith(QLatin1String(".TP"))) {
            tagLine = true;
            continue;
        }
        if (tagLine && !current.isEmpty()) {
            if (const auto m = flag.match(l); m.hasMatch())
                commands[current].insert(
                    m.captured(1).replace(QStringLiteral("\\-"), QStringLiteral("-")));
        }
        tagLine = false;
    }
    return commands;
}

QSet<QString> completedFlags(const QString &command)
{
    QSet<QString> flags;
    for (QString f : bashCompletions(completionScript, QStringLiteral("_kiln"),
             {QStringLiteral("kiln"), command, QStringLiteral("-")}, QDir::tempPath())) {
        f = f.mid(1);
        if (const qsizetype eq = f.indexOf(QLatin1Char('=')); eq >= 0)
            f.truncate(eq);
        flags.insert(f);
    }
    return flags;
}

QString sorted(const QSet<QString> &set)
{
    QStringList l(set.begin(), set.end());
    l.sort();
    return l.join(QLatin1Char(' '));
}

} // namespace

class TestDocs : public QObject
{
    Q_OBJECT

    QString m_roff;
    QMap<QString, QSet<QString>> m_man;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        m_roff = readText(manSource);
        QVERIFY2(!m_roff.isEmpty(), qPrintable(manSource));
        m_man = manCommands(m_roff);
        QVERIFY(m_dir.isValid());
    }

    void everyCommandIsDocumentedAndCompleted()
    {
        const QStringList commands = binaryCommands();
        QVERIFY2(commands.contains(QStringLiteral("validate")), qPrintable(commands.join(u' ')));
        QStringList documented = m_man.keys();
        QStringList listed = commands;
        documented.sort();
        listed.sort();
        QCOMPARE(documented, listed);
        // In an empty directory, so no template file is offered beside the commands.
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        QStringList completed = bashCompletions(completionScript, QStringLiteral("_kiln"),
            {QStringLiteral("kiln"), QString()}, empty.path());
        QCOMPARE(completed, listed);
    }

    void flagsMatchTheBinary_data()
    {
        QTest::addColumn<QString>("command");
        for (const QString &c : binaryCommands())
            QTest::newRow(qPrintable(c)) << c;
    }

    void flagsMatchTheBinary()
    {
        QFETCH(QString, command);
        const QSet<QString> help = helpFlags(command);
        const QSet<QString> man = m_man.value(command);
        const QSet<QString> completed
            = command == QLatin1String("version") ? QSet<QString>() : completedFlags(command);
        QVERIFY2(man.contains(help),
            qPrintable(QStringLiteral("help shows %1, kiln(1) documents %2")
                           .arg(sorted(help), sorted(man))));
        QCOMPARE(sorted(completed), sorted(man));

        // A documented flag the binary does not define would be a lie in the page.
        for (const QString &flag : man) {
            const QString arg = QLatin1Char('-') + flag;
            if (command == QLatin1String("fmt")) {
                // fmt answers an unknown flag with its usage only: format empty stdin instead.
                const ProcessResult r = runKiln({command, arg, QStringLiteral("-")});
                QVERIFY2(r.finished && r.exitCode == 0,
                    qPrintable(arg + QLatin1Char(' ') + r.out + r.err));
            } else {
                const ProcessResult r = runKiln({command, arg});
                QVERIFY2(r.finished, qPrintable(arg));
                QVERIFY2(!(r.out + r.err).contains(QLatin1String("flag provided but not defined")),
                    qPrintable(arg + QLatin1Char(' ') + r.err));
            }
        }
    }

    // The probes above can tell a defined flag from an undefined one.
    void probesDetectUnknownFlags()
    {
        ProcessResult r = runKiln({QStringLiteral("validate"), QStringLiteral("-no-such-flag")});
        QVERIFY(r.err.contains(QLatin1String("flag provided but not defined: -no-such-flag")));
        r = runKiln({QStringLiteral("fmt"), QStringLiteral("-no-such-flag"), QStringLiteral("-")});
        QCOMPARE(r.exitCode, 1);
    }

    void manPageRendersWithoutWarnings()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
        env.insert(QStringLiteral("MANPAGER"), QStringLiteral("cat"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        const ProcessResult r = runProcess(QStringLiteral("man"),
            {QStringLiteral("--warnings"), QStringLiteral("-l"), manSource}, {}, env);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.err, QString());
        QVERIFY(r.out.startsWith(QLatin1String("KILN(1)")));
        for (const QString &c : binaryCommands())
            QVERIFY2(r.out.contains(QStringLiteral("kiln %1").arg(c)), qPrintable(c));
        QVERIFY(
            r.out.contains(QLatin1String("-on-error=cleanup|abort|ask|run-cleanup-provisioner")));
        QVERIFY(r.out.contains(QLatin1String("EXIT STATUS")));
    }

    void completion_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("expected");
        const auto l
            = [](const char *s) { return QString::fromLatin1(s).split(u' ', Qt::SkipEmptyParts); };
        QTest::newRow("command") << l("kiln va") << l("validate");
        QTest::newRow("commands h") << l("kiln h") << l("hcl2_upgrade");
        QTest::newRow("global flags") << l("kiln --") << l("--build --help --version");
        QTest::newRow("validate -s") << l("kiln validate -s") << l("-syntax-only");
        QTest::newRow("build -on") << l("kiln build -on") << l("-on-error= -only=");
        QTest::newRow("--build is build") << l("kiln --build -ti") << l("-timestamp-ui");
        QTest::newRow("on-error values, split at =")
            << QStringList{"kiln", "build", "-on-error", "=", "a"} << l("abort ask");
        QTest::newRow("on-error values, one word")
            << l("kiln build -on-error=r") << l("-on-error=run-cleanup-provisioner");
        QTest::newRow("on-error value, next word") << QStringList{
            "kiln", "build", "-on-error", ""} << l("abort ask cleanup run-cleanup-provisioner");
        QTest::newRow("templates")
            << QStringList{"kiln", "validate", ""} << l("b.pkr.json legacy.json sub t.pkr.hcl");
        QTest::newRow("templates after flags")
            << QStringList{"kiln", "build", "-force", "t"} << l("t.pkr.hcl");
        QTest::newRow("var files")
            << QStringList{"kiln", "build", "-var-file", "v"} << l("vars.pkrvars.hcl");
        QTest::newRow("fmt takes hcl and stdin")
            << QStringList{"kiln", "fmt", ""} << l("- sub t.pkr.hcl vars.pkrvars.hcl");
        QTest::newRow("designer opens a file") << l("kiln t") << l("t.pkr.hcl");
        QTest::newRow("version takes nothing")
            << QStringList{"kiln", "version", ""} << QStringList();
    }

    void completion()
    {
        QFETCH(QStringList, words);
        QFETCH(QStringList, expected);
        const QDir dir(m_dir.path());
        for (const char *name :
            {"t.pkr.hcl", "b.pkr.json", "legacy.json", "vars.pkrvars.hcl", "notes.txt"}) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QVERIFY(dir.mkpath(QStringLiteral("sub")));
        QCOMPARE(bashCompletions(completionScript, QStringLiteral("_kiln"), words, m_dir.path()),
            expected);
    }
};

QTEST_GUILESS_MAIN(TestDocs)
#include "tst_docs.moc"
