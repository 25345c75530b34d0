// What the kiln executable loads at start-up. validate -syntax-only, fmt, inspect,
// console and hcl2_upgrade must not pay for the build runtime: each shared library costs symbol
// lookups and initialisers at every start (libcurl, libssh, libarchive and Qt Network
// pull in a few dozen more), which once made `kiln version` cost 8.6 ms of CPU. The
// runtime lives in kiln-runtime.so, loaded only by the command lines that need it
// (build, export, validate -evaluate-datasources). validate prepares every component, as
// packer validate does, through the components' settings, which the executable links.
// OpenSSL's libcrypto (4,000 symbol bindings at load) is opened only by what needs it:
// rsadecrypt() and the check of an SSH private key.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <elf.h>
#include <unistd.h>

namespace {

// The DT_NEEDED entries of a 64-bit little-endian ELF file, read from its dynamic
// section (what the dynamic loader reads), without external tools.
QStringList neededLibraries(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    const QByteArray elf = f.readAll();
    const auto *eh = reinterpret_cast<const Elf64_Ehdr *>(elf.constData());
    if (elf.size() < qsizetype(sizeof(Elf64_Ehdr)) || std::memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0
        || eh->e_ident[EI_CLASS] != ELFCLASS64) {
        *error = QStringLiteral("not a 64-bit ELF file");
        return {};
    }
    const auto *ph = reinterpret_cast<const Elf64_Phdr *>(elf.constData() + eh->e_phoff);
    // Virtual addresses (DT_STRTAB is one) map to file offsets through the PT_LOAD segments.
    const auto fileOffset = [&](Elf64_Addr addr) -> qint64 {
        for (int i = 0; i < eh->e_phnum; ++i) {
            if (ph[i].p_type == PT_LOAD && addr >= ph[i].p_vaddr
                && addr < ph[i].p_vaddr + ph[i].p_filesz)
                return qint64(addr - ph[i].p_vaddr + ph[i].p_offset);
        }
        return -1;
    };
    const Elf64_Dyn *dyn = nullptr;
    for (int i = 0; i < eh->e_phnum; ++i) {
        if (ph[i].p_type == PT_DYNAMIC)
            dyn = reinterpret_cast<const Elf64_Dyn *>(elf.constData() + ph[i].p_offset);
    }
    if (!dyn) {
        *error = QStringLiteral("no dynamic section");
        return {};
    }
    qint64 strtab = -1;
    QList<Elf64_Xword> names;
    for (const Elf64_Dyn *d = dyn; d->d_tag != DT_NULL; ++d) {
        if (d->d_tag == DT_STRTAB)
            strtab = fileOffset(d->d_un.d_ptr);
        else if (d->d_tag == DT_NEEDED)
            names.append(d->d_un.d_val);
    }
    if (strtab < 0) {
        *error = QStringLiteral("no string table");
        return {};
    }
    QStringList out;
    for (Elf64_Xword n : names)
        out.append(QString::fromLatin1(elf.constData() + strtab + n));
    return out;
}

bool listsLibrary(const QStringList &libraries, const QString &name)
{
    // "libssh" must match libssh.so.4 but not libssh2.so.1.
    for (const QString &lib : libraries) {
        if (lib.startsWith(name + QLatin1String(".so")))
            return true;
    }
    return false;
}

QString runtimeModulePath()
{
    return QFileInfo(QStringLiteral(KILN_BINARY)).absolutePath()
        + QStringLiteral("/kiln-runtime.so");
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run kiln(const QString &binary, const QStringList &args,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary, args);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

// The shared objects the dynamic loader opened while kiln ran (LD_DEBUG=files).
QString loadedFiles(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
    return kiln(QStringLiteral(KILN_BINARY), args, env).err;
}

QString example()
{
    return QStringLiteral(KILN_SOURCE_DIR "/resources/examples/hello");
}

} // namespace

class TestStartupLibraries : public QObject
{
    Q_OBJECT

private slots:
    void executableLinksNoRuntimeLibrary_data()
    {
        QTest::addColumn<QString>("library");
        for (const char *lib : {"libcurl", "libssh", "libssh2", "libarchive", "libdeflate",
                 "libzstd", "libcrypto", "libssl", "libQt6Network", "libQt6Concurrent", "libQt6Gui", "libQt6Widgets"})
            QTest::newRow(lib) << QString::fromLatin1(lib);
    }

    void executableLinksNoRuntimeLibrary()
    {
        QFETCH(QString, library);
        QString error;
        const QStringList needed = neededLibraries(QStringLiteral(KILN_BINARY), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The reader works: the executable does need Qt Core and the C library.
        QVERIFY2(listsLibrary(needed, QStringLiteral("libQt6Core")), qPrintable(needed.join(u' ')));
        QVERIFY2(listsLibrary(needed, QStringLiteral("libc")), qPrintable(needed.join(u' ')));
        QVERIFY2(!listsLibrary(needed, library),
            qPrintable(library + QStringLiteral(" in: ") + needed.join(u' ')));
    }

    // What ldd lists is the whole closure (Qt Core's own dependencies included); none of
    // the runtime's libraries may come in through another one.
    void closureHasNoRuntimeLibrary()
    {
        QProcess ldd;
        ldd.start(QStringLiteral("ldd"), {QStringLiteral(KILN_BINARY)});
        QVERIFY(ldd.waitForFinished(30000));
        const QString out = QString::fromLocal8Bit(ldd.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("libQt6Core.so")), qPrintable(out));
        for (const char *lib : {"libcurl.so", "libssh.so", "libssh2.so", "libarchive.so",
                 "libcrypto.so", "libQt6Network.so", "libQt6Concurrent.so"})
            QVERIFY2(!out.contains(QLatin1String(lib)),
                qPrintable(QString::fromLatin1(lib) + QStringLiteral(" in:\n") + out));
    }

    // They moved into the runtime module rather than vanishing.
    void runtimeModuleLinksThem()
    {
        QString error;
        const QStringList needed = neededLibraries(runtimeModulePath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(runtimeModulePath() + QStringLiteral(": ") + error));
        for (const char *lib : {"libcurl", "libssh2", "libarchive", "libQt6Network"})
            QVERIFY2(listsLibrary(needed, QString::fromLatin1(lib)), qPrintable(needed.join(u' ')));
    }

    void lightCommandsDoNotLoadTheRuntime_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("version") << QStringList{QStringLiteral("version")};
        QTest::newRow("help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("validate -syntax-only")
            << QStringList{QStringLiteral("validate"), QStringLiteral("-syntax-only"), example()};
        // Rejected before any template is read: validate prints its help itself.
        QTest::newRow("validate without template") << QStringList{QStringLiteral("validate")};
        QTest::newRow("validate") << QStringList{QStringLiteral("validate"), example()};
        QTest::newRow("validate -only")
            << QStringList{QStringLiteral("validate"), QStringLiteral("-only=x"), example()};
        QTest::newRow("inspect") << QStringList{QStringLiteral("inspect"), example()};
        QTest::newRow("fmt") << QStringList{
            QStringLiteral("fmt"), QStringLiteral("-check"), example()};
    }

    void lightCommandsDoNotLoadTheRuntime()
    {
        QFETCH(QStringList, args);
        const QString files = loadedFiles(args);
        QVERIFY2(files.contains(QLatin1String("libQt6Core.so")), "LD_DEBUG=files reported nothing");
        QVERIFY2(!files.contains(QLatin1String("kiln-runtime.so")), qPrintable(args.join(u' ')));
        QVERIFY2(!files.contains(QLatin1String("libcrypto.so")), qPrintable(args.join(u' ')));
    }

    // rsadecrypt() opens libcrypto when called, in the executable, and decrypts: a key and
    // a ciphertext made by `openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:pkcs1`.
    void rsadecryptOpensOpenSsl()
    {
        QFile cipher(QStringLiteral(KILN_FIXTURES_DIR "/crypto/rsa1024-pkcs1-kiln.b64"));
        QVERIFY(cipher.open(QIODevice::ReadOnly));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KILN_BINARY), {QStringLiteral("console")});
        p.write("rsadecrypt(\"" + cipher.readAll().trimmed() + "\", file(\"" KILN_FIXTURES_DIR
            "/crypto/rsa1024-pkcs1.pem\"))\n");
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("kiln\n"));
        QVERIFY2(err.contains(QLatin1String("libcrypto.so.3")), qPrintable(err.right(2000)));
        QVERIFY2(!err.contains(QLatin1String("kiln-runtime.so")), qPrintable(err.right(2000)));
    }

    // validate checks an SSH private key with libcrypto, opened for it: a readable key
    // passes, a PEM block that holds no key is Go's "ssh: no key found".
    void validateChecksAPrivateKeyWithOpenSsl()
    {
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.pem")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        bad.close();
        const auto templateWithKey = [&](const QString &key) {
            QFile f(dir.filePath(QStringLiteral("t.pkr.hcl")));
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return QString();
            f.write(QStringLiteral("source \"null\" \"n\" {\n  ssh_host = \"127.0.0.1\"\n"
                                   "  ssh_username = \"u\"\n  ssh_private_key_file = \"%1\"\n}\n"
                                   "build {\n  sources = [\"source.null.n\"]\n}\n")
                        .arg(key)
                        .toUtf8());
            return f.fileName();
        };
        Run r = kiln(QStringLiteral(KILN_BINARY),
            {QStringLiteral("validate"),
                templateWithKey(QStringLiteral(KILN_FIXTURES_DIR "/crypto/rsa1024-pkcs1.pem"))});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);

        r = kiln(QStringLiteral(KILN_BINARY), {QStringLiteral("validate"), templateWithKey(bad.fileName())});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("ssh_private_key_file is invalid: Failed to read key '%1': "
                                               "ssh: no key found")
                                    .arg(bad.fileName())),
            qPrintable(r.err));
    }

    void runtimeCommandsLoadIt_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("build") << QStringList{QStringLiteral("build")};
        QTest::newRow("--build") << QStringList{QStringLiteral("--build")};
        QTest::newRow("export") << QStringList{QStringLiteral("export")};
        QTest::newRow("validate -evaluate-datasources") << QStringList{
            QStringLiteral("validate"), QStringLiteral("-evaluate-datasources"), example()};
    }

    void runtimeCommandsLoadIt()
    {
        QFETCH(QStringList, args);
        QVERIFY2(loadedFiles(args).contains(QLatin1String("kiln-runtime.so")),
            qPrintable(args.join(u' ')));
    }

    // A data source runs in the module with the same result as in-process.
    void validateEvaluatesDataSourcesInTheRuntime()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("t.pkr.hcl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data \"null\" \"x\" {\n  input = \"abc\"\n}\n"
                "source \"null\" \"n\" {\n  communicator = \"none\"\n}\n"
                "build {\n  sources = [\"source.null.n\"]\n}\n");
        f.close();
        const Run r = kiln(QStringLiteral(KILN_BINARY),
            {QStringLiteral("validate"), QStringLiteral("-evaluate-datasources"), dir.path()});
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);
    }

    // Without its module, kiln still validates (and prepares every component); build and
    // validate -evaluate-datasources say what is missing.
    void missingModule()
    {
        // In <tmp>/bin, so that neither the directory nor ../lib/kiln has the module
        // (/tmp/../lib/kiln is /usr/lib/kiln where a Kiln package is installed).
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("bin")));
        const QString alone = dir.filePath(QStringLiteral("bin/kiln"));
        // A hard link keeps the test cheap; /proc/self/exe then names the lonely copy.
        if (::link(KILN_BINARY, alone.toLocal8Bit().constData()) != 0)
            QVERIFY(QFile::copy(QStringLiteral(KILN_BINARY), alone));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("bin/kiln-runtime.so"))));

        Run r
            = kiln(alone, {QStringLiteral("validate"), QStringLiteral("-syntax-only"), example()});
        QCOMPARE(r.out, QStringLiteral("Syntax-only check passed. Everything looks okay.\n"));
        QCOMPARE(r.code, 0);

        r = kiln(alone, {QStringLiteral("validate"), example()});
        QCOMPARE(r.out, QStringLiteral("The configuration is valid.\n"));
        QCOMPARE(r.code, 0);

        // Prepare's checks are there: a provisioner's missing script, a post-processor's
        // bad option, a builder's missing setting, each as packer validate reports them.
        QFile f(dir.filePath(QStringLiteral("t.pkr.hcl")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("source \"null\" \"n\" {\n  communicator = \"ssh\"\n}\n"
                "build {\n  sources = [\"source.null.n\"]\n}\n"
                "source \"file\" \"f\" {\n  target = \"out.txt\"\n}\n"
                "build {\n  name = \"b\"\n  sources = [\"source.file.f\"]\n"
                "  provisioner \"shell\" {\n    script = \"no-such-script.sh\"\n  }\n}\n"
                "build {\n  name = \"c\"\n  sources = [\"source.file.f\"]\n"
                "  post-processor \"checksum\" {\n    checksum_types = [\"crc32\"]\n  }\n}\n");
        f.close();
        r = kiln(alone, {QStringLiteral("validate"), f.fileName()});
        QCOMPARE(r.code, 1);
        QVERIFY2(!r.err.contains(QLatin1String("runtime module")), qPrintable(r.err));
        for (const char *expected : {"a Host must be specified", "no-such-script.sh",
                 "Failed preparing provisioner-block \"shell\" \"\"",
                 "Failed preparing post-processor-block \"checksum\" \"\"",
                 "Unrecognized checksum type: crc32"})
            QVERIFY2(
                r.err.contains(QLatin1String(expected)), qPrintable(expected + (u'\n' + r.err)));

        r = kiln(alone,
            {QStringLiteral("validate"), QStringLiteral("-evaluate-datasources"), example()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QLatin1String("kiln: cannot load the runtime module")),
            qPrintable(r.err));
        QCOMPARE(r.out, QString());

        r = kiln(alone, {QStringLiteral("build"), example()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(
                     QLatin1String("kiln: cannot load the runtime module, which runs builds:\n  ")),
            qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("kiln-runtime.so")), qPrintable(r.err));
        QCOMPARE(r.out, QString());
    }
};

QTEST_GUILESS_MAIN(TestStartupLibraries)
#include "tst_startup_libraries.moc"
