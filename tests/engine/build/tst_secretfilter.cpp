#include "engine/build/SecretFilter.h"
#include "engine/output/MachineReadableWriter.h"

#include <QBuffer>
#include <QTest>
#include <thread>
#include <vector>

using kiln::build::SecretFilter;

class TestSecretFilter : public QObject
{
    Q_OBJECT

private slots:
    void scrub_data()
    {
        QTest::addColumn<QStringList>("secrets");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("scrubbed");

        QTest::newRow("none") << QStringList() << "password"
                              << "password";
        QTest::newRow("long everywhere") << QStringList{"hunter2"} << "pw=hunter2;again hunter2x"
                                         << "pw=<sensitive>;again <sensitive>x";
        QTest::newRow("four characters is long") << QStringList{"abcd"} << "xabcdx"
                                                 << "x<sensitive>x";
        QTest::newRow("short as whole word") << QStringList{"a"} << "a cat ate a banana"
                                             << "<sensitive> cat ate <sensitive> banana";
        QTest::newRow("short at edges") << QStringList{"pw"} << "pw"
                                        << "<sensitive>";
        QTest::newRow("short next to punctuation") << QStringList{"xy1"} << "(xy1),xy1."
                                                   << "(<sensitive>),<sensitive>.";
        QTest::newRow("short inside words kept") << QStringList{"ab"} << "abc cab _ab ab_ a-ab-b"
                                                 << "abc cab _ab ab_ a-<sensitive>-b";
        QTest::newRow("short never blanks the placeholder")
            << QStringList{"password", "sen"} << "password sen"
            << "<sensitive> <sensitive>";
        QTest::newRow("longest first") << QStringList{"abcd", "abcdefgh"} << "abcdefgh abcd"
                                       << "<sensitive> <sensitive>";
        QTest::newRow("longest first regardless of order")
            << QStringList{"abcdefgh", "abcd"} << "abcdefghij"
            << "<sensitive>ij";
        QTest::newRow("comma in secret") << QStringList{"s3cr,et"} << "pw=s3cr,et"
                                         << "pw=<sensitive>";
        QTest::newRow("case sensitive") << QStringList{"Secret1"} << "secret1 Secret1"
                                        << "secret1 <sensitive>";
        QTest::newRow("empty secret ignored") << QStringList{""} << "text"
                                              << "text";
        QTest::newRow("unicode word boundary") << QStringList{"é"} << "café é"
                                               << "café <sensitive>";
        QTest::newRow("empty text") << QStringList{"abcd"} << ""
                                    << "";
    }

    void scrub()
    {
        QFETCH(QStringList, secrets);
        QFETCH(QString, text);
        QFETCH(QString, scrubbed);
        SecretFilter f;
        f.add(secrets);
        QCOMPARE(f.scrub(text), scrubbed);
    }

    void isEmpty()
    {
        SecretFilter f;
        QVERIFY(f.isEmpty());
        f.add(QString());
        QVERIFY(f.isEmpty());
        f.add(QStringLiteral("x"));
        QVERIFY(!f.isEmpty());
    }

    void privateKeyLineByLine()
    {
        const QString key = QStringLiteral(
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            "QyNTUxOQAAACBhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGZhc2RmYXNkZgAAAJgAAAAA\n"
            "abc\n"
            "-----END OPENSSH PRIVATE KEY-----\n");
        SecretFilter f;
        f.add(key);
        // Whole key at once.
        QCOMPARE(f.scrub(QStringLiteral("key:\n") + key), QStringLiteral("key:\n<sensitive>"));
        // A command echoing the key reaches the filter one line at a time.
        QCOMPARE(f.scrub(QStringLiteral(
                     "QyNTUxOQAAACBhc2RmYXNkZmFzZGZhc2RmYXNkZmFzZGZhc2RmYXNkZgAAAJgAAAAA")),
            QStringLiteral("<sensitive>"));
        QCOMPARE(f.scrub(QStringLiteral(
                     "  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\r")),
            QStringLiteral("  <sensitive>\r"));
        // The framing lines and a short line are not secrets on their own.
        QCOMPARE(f.scrub(QStringLiteral("-----END OPENSSH PRIVATE KEY-----")),
            QStringLiteral("-----END OPENSSH PRIVATE KEY-----"));
        QCOMPARE(f.scrub(QStringLiteral("abc abcdef")), QStringLiteral("abc abcdef"));
    }

    void crlfKeyLines()
    {
        SecretFilter f;
        f.add(QStringLiteral("line-one-secret\r\nline-two-secret\r\n"));
        QCOMPARE(f.scrub(QStringLiteral("got line-two-secret")), QStringLiteral("got <sensitive>"));
    }

    void machineReadableValueWithComma()
    {
        auto f = std::make_shared<SecretFilter>();
        f->add(QStringLiteral("p,a,s,s"));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        kiln::output::MachineReadableWriter w(
            std::make_shared<kiln::output::OutputStream>(&buffer), f);
        w.machine(QStringLiteral("n"), QStringLiteral("error"),
            {QStringLiteral("bad p,a,s,s, try again")});
        const QString line = QString::fromUtf8(buffer.data()).section(QLatin1Char(','), 1);
        QCOMPARE(line, QStringLiteral("n,error,bad <sensitive>%!(PACKER_COMMA) try again\n"));
    }

    // Secrets that look like (parts of) the placeholder, or like nothing at all.
    void placeholderSafety()
    {
        SecretFilter f;
        f.add(QStringLiteral("password1"));
        f.add(QStringLiteral("sensitive"));
        // The placeholder the first secret left is not matched again by the second.
        QCOMPARE(f.scrub(QStringLiteral("pw password1")), QStringLiteral("pw <sensitive>"));

        SecretFilter g;
        g.add(QStringLiteral("pass"));
        g.add(QStringLiteral(">"));
        // A punctuation secret never touches the '>' closing a placeholder.
        QCOMPARE(g.scrub(QStringLiteral("pass")), QStringLiteral("<sensitive>"));

        SecretFilter h;
        h.add(QStringLiteral(" "));
        // A white-space "secret" (an empty-looking variable given a space) is ignored
        // rather than blanking every space of every log line.
        QCOMPARE(h.scrub(QStringLiteral("a b")), QStringLiteral("a b"));
    }

    void concurrentAddAndScrub()
    {
        SecretFilter f;
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&f, t] {
                for (int i = 0; i < 200; ++i) {
                    f.add(QStringLiteral("secret-%1-%2").arg(t).arg(i));
                    const QString text = QStringLiteral("x secret-%1-%2 y").arg(t).arg(i);
                    if (f.scrub(text) != QLatin1String("x <sensitive> y"))
                        qFatal("secret added by this thread not scrubbed");
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(f.scrub(QStringLiteral("secret-7-199")), QStringLiteral("<sensitive>"));
    }
};

QTEST_GUILESS_MAIN(TestSecretFilter)
#include "tst_secretfilter.moc"
