#include "engine/template/legacy/GoTimeFormat.h"

#include <QTest>
#include <QTimeZone>

using namespace kiln::tmpl::legacy;

class TestLegacyTimeFormat : public QObject
{
    Q_OBJECT

private slots:
    void layouts_data();
    void layouts();
    void referenceTimeFormatsToItself_data();
    void referenceTimeFormatsToItself();
    void twelveHourClock();
    void strftime_data();
    void strftime();
};

namespace {

// 2026-11-25 18:17:47.911 UTC, a Wednesday, day 329 of the year.
QDateTime sample()
{
    return QDateTime(QDate(2026, 11, 25), QTime(18, 17, 47, 911), QTimeZone::utc());
}

} // namespace

// Expected strings were produced by packer 1.6.6's {{isotime}} (Go's
// time.Format) for the same layouts, at a moment of the same day.
void TestLegacyTimeFormat::layouts_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("expected");
    QTest::newRow("names and numbers") << "January Jan 1 01 Monday Mon 2 _2 02 __2 002 2006 06"
                                       << "November Nov 11 11 Wednesday Wed 25 25 25 329 329 2026 26";
    QTest::newRow("date") << "2006-01-02" << "2026-11-25";
    QTest::newRow("underscore year") << "_2006" << "_2026";
    QTest::newRow("zones in UTC") << "Z07 Z0700 Z07:00 Z070000 Z07:00:00 -07 -0700 -07:00 -070000 -07:00:00 MST"
                                  << "Z Z Z Z Z +00 +0000 +00:00 +000000 +00:00:00 UTC";
    QTest::newRow("fractions") << ".0 .00 .000 ,000" << ".9 .91 .911 ,911";
    QTest::newRow("trimmed fraction") << "T15:04:05.999999999" << "T18:17:47.911";
    QTest::newRow("compact") << "20060102150405" << "20261125181747";
    QTest::newRow("hour 12") << "Jan _2 2006 3" << "Nov 25 2026 6";
    QTest::newRow("single digits") << "1 2 3 4 5 01 02 03" << "11 25 6 17 47 11 25 06";
    QTest::newRow("literal text") << "hello 2006!!" << "hello 2026!!";
    QTest::newRow("Jan before lower case") << "Janu" << "Janu";
    QTest::newRow("Mon before lower case") << "Month" << "Month";
    QTest::newRow("Mo") << "Mo" << "Mo";
    QTest::newRow("pm") << "3pm 3PM" << "6pm 6PM";
    QTest::newRow("RFC3339") << QString::fromLatin1(GoTimeFormat::RFC3339) << "2026-11-25T18:17:47Z";
    // ".000" before a digit is no fraction, and "01" is then the month.
    QTest::newRow("digits after fraction") << ".0001" << ".0011";
    QTest::newRow("empty") << "" << "";
}

void TestLegacyTimeFormat::layouts()
{
    QFETCH(QString, layout);
    QFETCH(QString, expected);
    QCOMPARE(GoTimeFormat::format(sample(), layout), expected);
}

// Go's reference time, rendered in a zone called MST, reproduces any layout.
void TestLegacyTimeFormat::referenceTimeFormatsToItself_data()
{
    QTest::addColumn<QString>("layout");
    QTest::newRow("ANSIC") << "Mon Jan _2 15:04:05 2006";
    QTest::newRow("UnixDate") << "Mon Jan _2 15:04:05 MST 2006";
    QTest::newRow("RFC822Z") << "02 Jan 06 15:04 -0700";
    QTest::newRow("RFC1123") << "Mon, 02 Jan 2006 15:04:05 MST";
    QTest::newRow("RFC3339") << "2006-01-02T15:04:05-07:00";
    QTest::newRow("Kitchen") << "3:04PM";
    QTest::newRow("Stamp") << "Jan _2 15:04:05";
}

void TestLegacyTimeFormat::referenceTimeFormatsToItself()
{
    QFETCH(QString, layout);
    const QTimeZone denver("America/Denver");
    if (!denver.isValid())
        QSKIP("no tz database");
    const QDateTime ref(QDate(2006, 1, 2), QTime(15, 4, 5), denver);
    QString expected = layout;
    if (layout == QLatin1String("Mon Jan _2 15:04:05 2006") || layout.contains(QLatin1String("_2 15")))
        expected.replace(QLatin1String("_2"), QLatin1String(" 2"));
    QCOMPARE(GoTimeFormat::format(ref, layout), expected);
}

void TestLegacyTimeFormat::twelveHourClock()
{
    const QDateTime midnight(QDate(2020, 3, 4), QTime(0, 5, 9), QTimeZone::utc());
    QCOMPARE(GoTimeFormat::format(midnight, QStringLiteral("3:04:05 PM 03 pm")), QStringLiteral("12:05:09 AM 12 am"));
    const QDateTime noon(QDate(2020, 3, 4), QTime(12, 0, 0), QTimeZone::utc());
    QCOMPARE(GoTimeFormat::format(noon, QStringLiteral("3PM .999")), QStringLiteral("12PM "));
    const QDateTime east(QDate(2020, 3, 4), QTime(1, 2, 3), QTimeZone(5 * 3600 + 30 * 60));
    QCOMPARE(GoTimeFormat::format(east, QStringLiteral("Z07:00 -0700 Z07")), QStringLiteral("+05:30 +0530 +05"));
}

void TestLegacyTimeFormat::strftime_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    // From packer 1.6.6's {{strftime}} (jehiah/go-strftime).
    QTest::newRow("common") << "%Y-%m-%d %H:%M:%S" << "2026-11-25 18:17:47";
    QTest::newRow("unsupported pass through") << "%j %f %e %q %c %D %F %T" << "%j %f %e %q %c %D %F %T";
    QTest::newRow("millis and zone") << "%L %Z %z" << ".911 UTC +0000";
    QTest::newRow("names") << "%a %A %b %B %I %p %y" << "Wed Wednesday Nov November 06 PM 26";
    QTest::newRow("percent") << "a%Y%%%%Y%" << "a2026%%Y%";
    QTest::newRow("trailing percent") << "x%" << "x%";
    QTest::newRow("layout letters are literal") << "2006 Jan" << "2006 Jan";
}

void TestLegacyTimeFormat::strftime()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(GoTimeFormat::strftime(sample(), format), expected);
}

QTEST_GUILESS_MAIN(TestLegacyTimeFormat)
#include "tst_legacy_timeformat.moc"
