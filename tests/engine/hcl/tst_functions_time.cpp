// Time functions: formatdate timeadd timestamp legacy_isotime legacy_strftime
// rfc3339_parse unix_timestamp_parse.

#include "FunctionTestSupport.h"

#include <QRegularExpression>

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestTimeFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("formatdate(\"DD MMM YYYY hh:mm ZZZ\", \"2018-01-02T23:12:01Z\")", "\"02 Jan 2018 23:12 UTC\"");
        row("formatdate(\"EEEE, DD-MMM-YY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01Z\")", "\"Tuesday, 02-Jan-18 23:12:01 UTC\"");
        row("formatdate(\"EEE, DD MMM YYYY hh:mm:ss ZZZ\", \"2018-01-02T23:12:01-08:00\")", "\"Tue, 02 Jan 2018 23:12:01 -0800\"");
        row("formatdate(\"MMMM D, YYYY\", \"2018-01-02T23:12:01Z\")", "\"January 2, 2018\"");
        row("formatdate(\"h:mm AA\", \"2018-01-02T23:12:01Z\")", "\"23:12 PM\"");
        row("formatdate(\"H:mmaa\", \"2018-01-02T00:12:01Z\")", "\"12:12am\"");
        row("formatdate(\"'Date:' YYYY 'o''clock'\", \"2018-01-02T23:12:01Z\")", "\"Date: 2018 o'clock\"");
        row("formatdate(\"Z ZZZZ ZZZZZ\", \"2017-11-22T00:00:00+05:30\")", "\"+05:30 +0530 +05:30\"");
        row("formatdate(\"YYY\", \"2018-01-02T23:12:01Z\")", "ERROR: Invalid value for \"format\" parameter: invalid date format verb \"YYY\": year must either be \"YY\" or \"YYYY\".");
        row("formatdate(\"q\", \"2018-01-02T23:12:01Z\")", "ERROR: Invalid value for \"format\" parameter: invalid date format verb \"q\".");
        row("formatdate(\"'abc\", \"2018-01-02T23:12:01Z\")", "ERROR: Invalid value for \"format\" parameter: unterminated literal '.");
        row("formatdate(\"DD\", \"2017-13-22T00:00:00Z\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: cannot use \"-22T00:00:00Z\" as month.");
        row("formatdate(\"DD\", \"2017-11-22\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'.");
        row("formatdate(\"DD\", \"2017-11-22T10\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: end of string where \":\" is expected.");
        row("formatdate(\"DD\", \"2017-11-22 00:00:00Z\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'.");
        row("formatdate(\"DD\", \"2017-02-30T00:00:00Z\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: day out of range.");
        row("formatdate(\"DD\", \"2017-11-22T1:00:00Z\")", "ERROR: Invalid value for \"time\" parameter: not a valid RFC3339 timestamp: hour must have exactly two digits.");
        row("timeadd(\"2017-11-22T00:00:00Z\", \"10m\")", "\"2017-11-22T00:10:00Z\"");
        row("timeadd(\"2017-11-22T00:00:00Z\", \"10m1.5s\")", "\"2017-11-22T00:10:01Z\"");
        row("timeadd(\"2017-11-22T00:00:00+01:00\", \"-1h\")", "\"2017-11-21T23:00:00+01:00\"");
        row("timeadd(\"2017-11-22T00:00:00Z\", \"1d\")", "ERROR: Call to function \"timeadd\" failed: time: unknown unit \"d\" in duration \"1d\".");
        row("timeadd(\"2017-11-22T00:00:00Z\", \"1\")", "ERROR: Call to function \"timeadd\" failed: time: missing unit in duration \"1\".");
        row("timeadd(\"2017-11-22T00:00:00Z\", \"x\")", "ERROR: Call to function \"timeadd\" failed: time: invalid duration \"x\".");
        row("rfc3339_parse(\"2023-05-14T18:30:00+02:00\").unix", "1684081800");
        row("rfc3339_parse(\"2023-05-14T18:30:00Z\").weekday_name", "\"Sunday\"");
        row("rfc3339_parse(\"2023-01-01T00:00:00Z\").iso_week", "52");
        row("rfc3339_parse(\"nope\")", "ERROR: Invalid value for \"timestamp\" parameter: \"nope\" is not a valid RFC3339 timestamp.");
        row("unix_timestamp_parse(1684081800).rfc3339", "\"2023-05-14T16:30:00Z\"");
        row("unix_timestamp_parse(0).year_day", "1");
        row("unix_timestamp_parse(1.5)", "ERROR: Invalid value for \"unix_timestamp\" parameter: unix_timestamp must be a whole number of seconds representable as a 64-bit integer: value must be a whole number, between -9223372036854775808 and 9223372036854775807.");
        row("legacy_isotime(\"a\", \"b\")", "ERROR: Call to function \"legacy_isotime\" failed: too many values, 1 needed: [cty.StringVal(\"a\") cty.StringVal(\"b\")].");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }

    void currentTime()
    {
        static const QRegularExpression rfc3339(QStringLiteral("^\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"$"));
        QVERIFY(rfc3339.match(run(QStringLiteral("timestamp()"))).hasMatch());
        QVERIFY(rfc3339.match(run(QStringLiteral("legacy_isotime()"))).hasMatch());
        static const QRegularExpression ymd(QStringLiteral("^\"\\d{4}-\\d\\d-\\d\\d \\d\\d\"$"));
        QVERIFY(ymd.match(run(QStringLiteral("legacy_isotime(\"2006-01-02 15\")"))).hasMatch());
        QVERIFY(ymd.match(run(QStringLiteral("legacy_strftime(\"%Y-%m-%d %H\")"))).hasMatch());
        // legacy_* report the same start time on every call.
        QCOMPARE(run(QStringLiteral("legacy_isotime(\"05.000\")")), run(QStringLiteral("legacy_isotime(\"05.000\")")));
    }
};

QTEST_GUILESS_MAIN(TestTimeFunctions)
#include "tst_functions_time.moc"
