// ANSI escapes in command output: SGR sequences become styled runs (16 colours, the 256
// palette, 24-bit colour, bold/faint/italic/underline and their resets), the style carries
// over to the next call, and every other escape (cursor moves, erase, OSC titles) is dropped.
#include "app/models/build/AnsiStyledText.h"

#include <QTest>

using namespace kiln::models;

class TestAnsiStyledText : public QObject
{
    Q_OBJECT

private slots:
    void plainTextIsOneRun()
    {
        AnsiStyle s;
        const QList<AnsiRun> runs = AnsiStyledText::split(u"no colour here", s);
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().text, QStringLiteral("no colour here"));
        QVERIFY(runs.first().style.isPlain());
        QVERIFY(!AnsiStyledText::hasEscapes(u"no colour here"));
    }

    void ansiblesOkLine()
    {
        // What ansible-playbook prints with ANSIBLE_FORCE_COLOR.
        AnsiStyle s;
        const QList<AnsiRun> runs
            = AnsiStyledText::split(u"\x1b[0;32mok: [default]\x1b[0m => changed=0", s);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).text, QStringLiteral("ok: [default]"));
        QCOMPARE(runs.at(0).style.foreground, 2);
        QCOMPARE(runs.at(1).text, QStringLiteral(" => changed=0"));
        QVERIFY(runs.at(1).style.isPlain());
        QVERIFY(s.isPlain());
    }

    void attributesAndResets()
    {
        AnsiStyle s;
        const QList<AnsiRun> runs = AnsiStyledText::split(
            u"\x1b[1;4;91mA\x1b[22mB\x1b[24;39mC\x1b[3mD\x1b[23;2mE", s);
        QCOMPARE(runs.size(), 5);
        QVERIFY(runs.at(0).style.bold && runs.at(0).style.underline);
        QCOMPARE(runs.at(0).style.foreground, 9); // bright red
        QVERIFY(!runs.at(1).style.bold && runs.at(1).style.underline);
        QCOMPARE(runs.at(2).style.foreground, -1);
        QVERIFY(!runs.at(2).style.underline);
        QVERIFY(runs.at(3).style.italic);
        QVERIFY(runs.at(4).style.faint && !runs.at(4).style.italic);
    }

    void paletteAndTrueColour()
    {
        AnsiStyle s;
        QList<AnsiRun> runs = AnsiStyledText::split(u"\x1b[38;5;208morange\x1b[38;2;1;2;3mrgb", s);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).style.foreground, 208);
        QCOMPARE(runs.at(1).style.foreground, 256);
        QCOMPARE(runs.at(1).style.rgb, 0x010203u);
        // A background's arguments are not read as attributes (5 would be "blink", 1 bold).
        s = AnsiStyle();
        runs = AnsiStyledText::split(u"\x1b[48;5;1mbg\x1b[48;2;1;1;1mx", s);
        QCOMPARE(runs.size(), 1);
        QVERIFY(runs.first().style.isPlain());
        QCOMPARE(runs.first().text, QStringLiteral("bgx"));
    }

    void styleCarriesOver()
    {
        AnsiStyle s;
        AnsiStyledText::split(u"\x1b[33mwarning starts", s);
        QCOMPARE(s.foreground, 3);
        const QList<AnsiRun> next = AnsiStyledText::split(u"and goes on\x1b[m.", s);
        QCOMPARE(next.at(0).style.foreground, 3);
        QCOMPARE(next.at(1).text, QStringLiteral("."));
        QVERIFY(s.isPlain()); // "\x1b[m" is a reset too
    }

    void otherSequencesAreDropped()
    {
        QCOMPARE(AnsiStyledText::stripped(u"\x1b[2K\x1b[1Gprogress 50%\x1b[?25l"), QStringLiteral("progress 50%"));
        QCOMPARE(AnsiStyledText::stripped(u"\x1b]0;window title\x07" u"after"), QStringLiteral("after"));
        QCOMPARE(AnsiStyledText::stripped(u"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"), QStringLiteral("link"));
        QCOMPARE(AnsiStyledText::stripped(u"cut off \x1b["), QStringLiteral("cut off "));
        QCOMPARE(AnsiStyledText::stripped(u"\x1b=keypad"), QStringLiteral("keypad"));
    }
};

QTEST_APPLESS_MAIN(TestAnsiStyledText)
#include "tst_ansistyledtext.moc"
