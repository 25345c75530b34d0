// The Debian package for real: cpack builds it from this build tree, apt-get
// installs it on the machine, and the installed files are used as a user would:
// `kiln version` and `kiln validate` from /usr/bin, `man kiln`, bash completion
// loaded by bash-completion, the MIME and desktop databases the dpkg triggers
// update, and the designer launched under Xvfb from the installed desktop entry
// and by `gio open` on a template (a file manager's double-click) until its
// window appears, then closed. The package is purged at the end.
// Needs root (CI runs as root); skips otherwise.
#include "DesignerWindow.h"
#include "PackagingProcess.h"
#include "XvfbDisplay.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>
#include <unistd.h>

using namespace kiln::packagingtest;

namespace {

QString buildDir()
{
    return QFileInfo(QStringLiteral(KILN_BINARY)).absolutePath();
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QProcessEnvironment aptEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
    return env;
}

QString packageStatus()
{
    return runProcess(QStringLiteral("dpkg-query"),
        {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), QStringLiteral("kiln")})
        .out;
}

QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (head.size() < 24 || head.mid(12, 4) != "IHDR")
        return {};
    return QSize(qFromBigEndian<quint32>(head.constData() + 16),
        qFromBigEndian<quint32>(head.constData() + 20));
}

const char *validTemplate = R"(source "null" "example" {
  communicator = "none"
}

build {
  sources = ["source.null.example"]
}
)";

const char *invalidTemplate = R"(source "null" "example" {
  communicator = "none"
  no_such_setting = true
}

build {
  sources = ["source.null.example"]
}
)";

} // namespace

class TestDebPackage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_work;
    QString m_version;
    QString m_deb;
    bool m_installed = false;

    QString work(const QString &name) const { return m_work.filePath(name); }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("installs a package with apt-get: needs root");
        // Never overwrite a kiln this test did not install.
        if (QFileInfo::exists(QStringLiteral("/usr/bin/kiln"))) {
            const ProcessResult owner = runProcess(
                QStringLiteral("dpkg"), {QStringLiteral("-S"), QStringLiteral("/usr/bin/kiln")});
            if (!owner.out.startsWith(QLatin1String("kiln:")))
                QSKIP("/usr/bin/kiln exists and is not from the kiln package");
        }
        QVERIFY(m_work.isValid());
        const ProcessResult v
            = runProcess(QStringLiteral(KILN_BINARY), {QStringLiteral("version")});
        const QRegularExpressionMatch m
            = QRegularExpression(QStringLiteral("^Kiln v(\\S+)\n$")).match(v.out);
        QVERIFY2(m.hasMatch(), qPrintable(v.out));
        m_version = m.captured(1);
    }

    void cleanupTestCase()
    {
        if (!m_installed)
            return;
        const ProcessResult r = runProcess(QStringLiteral("apt-get"),
            {QStringLiteral("purge"), QStringLiteral("-y"), QStringLiteral("-o"),
                QStringLiteral("DPkg::Lock::Timeout=120"), QStringLiteral("kiln")},
            {}, aptEnvironment(), 180000);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
        // Purged, not only removed: dpkg keeps no record of it.
        QVERIFY2(packageStatus().isEmpty(), qPrintable(packageStatus()));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/usr/bin/kiln")));
        QVERIFY(!readText(QStringLiteral("/usr/share/mime/globs2"))
                     .contains(QLatin1String("x-packer")));
    }

    void buildPackage()
    {
        const QString out = work(QStringLiteral("package"));
        const ProcessResult r = runProcess(QStringLiteral("cpack"),
            {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                buildDir() + QStringLiteral("/CPackConfig.cmake"), QStringLiteral("-B"), out},
            buildDir(), QProcessEnvironment::systemEnvironment(), 150000);
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
        m_deb = out + QStringLiteral("/kiln_%1_amd64.deb").arg(m_version);
        QVERIFY2(QFileInfo::exists(m_deb), qPrintable(r.out));

        const auto field = [this](const char *name) {
            return runProcess(QStringLiteral("dpkg-deb"),
                {QStringLiteral("-f"), m_deb, QString::fromLatin1(name)})
                .out.trimmed();
        };
        QCOMPARE(field("Package"), QStringLiteral("kiln"));
        QCOMPARE(field("Version"), m_version);
        QCOMPARE(field("Architecture"), QStringLiteral("amd64"));
        // dpkg-shlibdeps' answer for what the binary and the runtime and designer modules link.
        const QString depends = field("Depends");
        for (const char *lib :
            {"libc6 ", "libqt6core6 ", "libqt6widgets6 ", "libqt6svg6 ", "libssh2-1 ", "libcurl4 ",
                "libarchive13 ", "libyaml-cpp0.7 ", "libqscintilla2-qt6-15 "})
            QVERIFY2(depends.contains(QLatin1String(lib)),
                qPrintable(lib + QStringLiteral(" missing from: ") + depends));

        const QString listing
            = runProcess(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb}).out;
        for (const char *path : {"./usr/bin/kiln", "./usr/lib/kiln/kiln-runtime.so", "./usr/lib/kiln/kiln-designer.so",
                 "./usr/share/applications/kiln.desktop", "./usr/share/mime/packages/kiln.xml",
                 "./usr/share/man/man1/kiln.1.gz", "./usr/share/bash-completion/completions/kiln",
                 "./usr/share/icons/hicolor/scalable/apps/kiln.svg",
                 "./usr/share/icons/hicolor/48x48/apps/kiln.png",
                 "./usr/share/icons/hicolor/512x512/apps/kiln.png"})
            QVERIFY2(listing.contains(QLatin1String(path) + QLatin1Char('\n')), path);
        QVERIFY(listing.contains(
            QRegularExpression(QStringLiteral("\\./usr/share/metainfo/\\S+\\.metainfo\\.xml\n"))));

        // Shipped stripped: no debug sections in the ELF files.
        const QString root = work(QStringLiteral("contents"));
        QVERIFY(runProcess(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, root}).exitCode
            == 0);
        for (const char *elf : {"/usr/bin/kiln", "/usr/lib/kiln/kiln-runtime.so", "/usr/lib/kiln/kiln-designer.so"}) {
            const ProcessResult sections = runProcess(QStringLiteral("readelf"),
                {QStringLiteral("-S"), QStringLiteral("-W"), root + QLatin1String(elf)});
            QVERIFY2(sections.exitCode == 0 && sections.out.contains(QLatin1String(".text")), elf);
            QVERIFY2(!sections.out.contains(QLatin1String(".debug_info")), elf);
        }
    }

    // Depends are all on the machine already (the build linked them), so apt-get needs
    // no network; recommended packages are not fetched for the same reason.
    void installPackage()
    {
        QVERIFY(!m_deb.isEmpty());
        const ProcessResult r = runProcess(QStringLiteral("apt-get"),
            {QStringLiteral("install"), QStringLiteral("-y"),
                QStringLiteral("--no-install-recommends"), QStringLiteral("-o"),
                QStringLiteral("DPkg::Lock::Timeout=120"),
                QStringLiteral("./") + QFileInfo(m_deb).fileName()},
            QFileInfo(m_deb).absolutePath(), aptEnvironment(), 180000);
        m_installed = packageStatus().contains(QLatin1String("install ok installed"));
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(m_installed);
    }

    void installedCommandLine()
    {
        QVERIFY(m_installed);
        QCOMPARE(QStandardPaths::findExecutable(QStringLiteral("kiln")),
            QStringLiteral("/usr/bin/kiln"));
        const ProcessResult v
            = runProcess(QStringLiteral("/usr/bin/kiln"), {QStringLiteral("version")});
        QCOMPARE(v.out, QStringLiteral("Kiln v%1\n").arg(m_version));

        QVERIFY(writeText(work(QStringLiteral("valid.pkr.hcl")), validTemplate));
        QVERIFY(writeText(work(QStringLiteral("invalid.pkr.hcl")), invalidTemplate));
        ProcessResult r = runProcess(QStringLiteral("/usr/bin/kiln"),
            {QStringLiteral("validate"), QStringLiteral("valid.pkr.hcl")}, m_work.path());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        r = runProcess(QStringLiteral("/usr/bin/kiln"),
            {QStringLiteral("validate"), QStringLiteral("invalid.pkr.hcl")}, m_work.path());
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            (r.out + r.err).contains(QLatin1String("no_such_setting")), qPrintable(r.out + r.err));

        // build runs in the runtime module, found in /usr/lib/kiln.
        r = runProcess(QStringLiteral("/usr/bin/kiln"),
            {QStringLiteral("build"), QStringLiteral("valid.pkr.hcl")}, m_work.path());
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("Builds finished. The artifacts of successful builds are:")),
            qPrintable(r.out));

        // The bundled examples (directories of templates, variables, data sources).
        for (const char *example : {"hello", "release"}) {
            r = runProcess(QStringLiteral("/usr/bin/kiln"),
                {QStringLiteral("validate"),
                    QStringLiteral(KILN_SOURCE_DIR "/resources/examples/")
                        + QLatin1String(example)});
            QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.out + r.err));
            QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        }
    }

    void manPage()
    {
        QVERIFY(m_installed);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MANPAGER"), QStringLiteral("cat"));
        env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        QCOMPARE(runProcess(
                     QStringLiteral("man"), {QStringLiteral("-w"), QStringLiteral("kiln")}, {}, env)
                     .out,
            QStringLiteral("/usr/share/man/man1/kiln.1.gz\n"));
        for (const QStringList &args : {QStringList{QStringLiteral("kiln")},
                 QStringList{
                     QStringLiteral("-l"), QStringLiteral("/usr/share/man/man1/kiln.1.gz")}}) {
            const ProcessResult r = runProcess(QStringLiteral("man"), args, {}, env);
            QVERIFY2(r.finished && r.exitCode == 0, qPrintable(r.err));
            QVERIFY(r.out.startsWith(QLatin1String("KILN(1)")));
            QVERIFY(r.out.contains(QStringLiteral("Kiln %1").arg(m_version)));
            QVERIFY(r.out.contains(QLatin1String("kiln validate [options] TEMPLATE")));
        }
    }

    void bashCompletion()
    {
        QVERIFY(m_installed);
        const QString script = QStringLiteral("/usr/share/bash-completion/completions/kiln");
        // From a directory without templates, which would be offered too.
        const QString empty = work(QStringLiteral("no-templates"));
        QVERIFY(QDir().mkpath(empty));
        QCOMPARE(bashCompletions(script, QStringLiteral("_kiln"),
                     {QStringLiteral("kiln"), QStringLiteral("va")}, empty),
            QStringList{QStringLiteral("validate")});
        QCOMPARE(bashCompletions(script, QStringLiteral("_kiln"),
                     {QStringLiteral("kiln"), QStringLiteral("validate"), QStringLiteral("va")},
                     m_work.path()),
            QStringList{QStringLiteral("valid.pkr.hcl")});
        // bash-completion finds it on demand by the command's name.
        const ProcessResult r = runProcess(QStringLiteral("bash"),
            {QStringLiteral("--norc"), QStringLiteral("-c"),
                QStringLiteral("source /usr/share/bash-completion/bash_completion && "
                               "__load_completion kiln && complete -p kiln")});
        QCOMPARE(r.out, QStringLiteral("complete -F _kiln kiln\n"));
    }

    void desktopIntegration()
    {
        QVERIFY(m_installed);
        const QString desktop = QStringLiteral("/usr/share/applications/kiln.desktop");
        QCOMPARE(runProcess(QStringLiteral("desktop-file-validate"), {desktop}).exitCode, 0);
        const QStringList metainfo = QDir(QStringLiteral("/usr/share/metainfo"))
                                         .entryList({QStringLiteral("*kiln*.metainfo.xml")});
        QCOMPARE(metainfo.size(), 1);
        const ProcessResult as = runProcess(QStringLiteral("appstreamcli"),
            {QStringLiteral("validate"), QStringLiteral("--no-net"),
                QStringLiteral("/usr/share/metainfo/") + metainfo.first()});
        QVERIFY2(as.exitCode == 0, qPrintable(as.out + as.err));

        // The dpkg triggers of shared-mime-info and desktop-file-utils registered the
        // types and the handler: what a file manager asks when a template is opened.
        QVERIFY(readText(QStringLiteral("/usr/share/mime/globs2"))
                    .contains(QLatin1String(":text/x-packer-hcl:*.pkr.hcl\n")));
        QVERIFY(readText(QStringLiteral("/usr/share/mime/globs2"))
                    .contains(QLatin1String(":application/x-packer+json:*.pkr.json\n")));
        const QString cache = readText(QStringLiteral("/usr/share/applications/mimeinfo.cache"));
        QVERIFY(QRegularExpression(QStringLiteral("^text/x-packer-hcl=(.*;)?kiln\\.desktop;"),
            QRegularExpression::MultilineOption)
                    .match(cache)
                    .hasMatch());
        QVERIFY(
            QRegularExpression(QStringLiteral("^application/x-packer\\+json=(.*;)?kiln\\.desktop;"),
                QRegularExpression::MultilineOption)
                .match(cache)
                .hasMatch());
        if (!QStandardPaths::findExecutable(QStringLiteral("gio")).isEmpty()) {
            QVERIFY(writeText(work(QStringLiteral("open-me.pkr.hcl")), validTemplate));
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), m_work.path());
            const ProcessResult type = runProcess(QStringLiteral("gio"),
                {QStringLiteral("info"), QStringLiteral("-a"),
                    QStringLiteral("standard::content-type"),
                    work(QStringLiteral("open-me.pkr.hcl"))},
                {}, env);
            QVERIFY2(type.out.contains(QLatin1String("standard::content-type: text/x-packer-hcl")),
                qPrintable(type.out + type.err));
            const ProcessResult handler = runProcess(QStringLiteral("gio"),
                {QStringLiteral("mime"), QStringLiteral("text/x-packer-hcl")}, {}, env);
            QVERIFY2(handler.out.contains(QLatin1String("kiln.desktop")),
                qPrintable(handler.out + handler.err));
        }

        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QCOMPARE(
                pngSize(QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/kiln.png").arg(size)),
                QSize(size, size));
        QVERIFY(
            QFileInfo::exists(QStringLiteral("/usr/share/icons/hicolor/scalable/apps/kiln.svg")));
    }

    void launchFromDesktopEntry_data()
    {
        QTest::addColumn<bool>("viaGio");
        // The Exec line of the installed entry, %f replaced by the file.
        QTest::newRow("Exec line") << false;
        // What a file manager does on double-click: GIO looks the file's type up in the
        // MIME database and starts the application registered for it.
        QTest::newRow("gio open") << true;
    }

    // The window must appear, titled after the template, and quit cleanly on Ctrl+Q.
    void launchFromDesktopEntry()
    {
        QFETCH(bool, viaGio);
        QVERIFY(m_installed);
        if (viaGio && QStandardPaths::findExecutable(QStringLiteral("gio")).isEmpty())
            QSKIP("gio (libglib2.0-bin) is not installed");
        const QString name = viaGio ? QStringLiteral("opened-by-gio.pkr.hcl")
                                    : QStringLiteral("double-clicked.pkr.hcl");
        const QString templatePath = work(name);
        QVERIFY(writeText(templatePath, validTemplate));

        XvfbDisplay x;
        QString error;
        QVERIFY2(x.start(&error), qPrintable(error));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DISPLAY"), x.display());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        const QString home = work(QStringLiteral("home"));
        const QString runtime = work(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(home) && QDir().mkpath(runtime));
        QFile::setPermissions(
            runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.remove(QStringLiteral("XDG_DATA_DIRS")); // the system's: /usr/local/share:/usr/share

        DesignerWindow window(x.display());
        if (viaGio) {
            const ProcessResult opened = runProcess(
                QStringLiteral("gio"), {QStringLiteral("open"), templatePath}, {}, env);
            QVERIFY2(opened.finished && opened.exitCode == 0, qPrintable(opened.out + opened.err));
            QVERIFY2(
                window.waitForWindow(60000, [] { return true; }), "no Kiln window after gio open");
            QVERIFY2(window.title().startsWith(name), qPrintable(window.title()));
            const qint64 pid = window.pid();
            QVERIFY(pid > 0);
            QVERIFY(QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid))
                == QStringLiteral("/usr/bin/kiln"));
            QVERIFY(window.quitWithCtrlQ());
            QVERIFY2(
                DesignerWindow::waitForExit(pid, 20000), "the designer did not quit on Ctrl+Q");
            return;
        }

        const QString entry = readText(QStringLiteral("/usr/share/applications/kiln.desktop"));
        const QString exec
            = QRegularExpression(QStringLiteral("^Exec=(.*)$"), QRegularExpression::MultilineOption)
                  .match(entry)
                  .captured(1);
        QStringList argv = exec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(argv.size() >= 2 && argv.contains(QStringLiteral("%f")), qPrintable(exec));
        argv.replaceInStrings(QStringLiteral("%f"), templatePath);
        const QString program = QStandardPaths::findExecutable(argv.takeFirst());
        QCOMPARE(program, QStringLiteral("/usr/bin/kiln"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(program, argv);
        QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
        const bool shown
            = window.waitForWindow(60000, [&app] { return app.state() == QProcess::Running; });
        QVERIFY2(shown,
            qPrintable(QStringLiteral("no Kiln window; designer said: ")
                + QString::fromLocal8Bit(app.readAll())));
        QVERIFY2(window.title().startsWith(name), qPrintable(window.title()));
        QCOMPARE(window.pid(), app.processId());
        QVERIFY(window.quitWithCtrlQ());
        const bool exited = app.waitForFinished(20000);
        if (!exited) {
            app.kill();
            app.waitForFinished(5000);
        }
        QVERIFY2(exited, "the designer did not quit on Ctrl+Q");
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDebPackage)
#include "tst_debpackage.moc"
