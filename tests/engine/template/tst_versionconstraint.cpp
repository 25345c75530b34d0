// SemVersion and VersionConstraint read versions by hand; go-version defines them by
// regular expressions. These tests hold the hand-written reading to go-version's
// patterns over many generated inputs, and check a few constraints against Packer's
// behaviour.

#include "engine/template/VersionConstraint.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace kiln::tmpl;

namespace {

// go-version's version pattern (version.go, VersionRegexpRaw), anchored.
std::optional<SemVersion> byPattern(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^v?([0-9]+(?:\\.[0-9]+)*?)"
                       "(-([0-9]+[0-9A-Za-z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)|(-?([A-Za-z\\-~]+[0-9A-Za-"
                       "z\\-~]*(\\.[0-9A-Za-z\\-~]+)*)))?"
                       "(\\+([0-9A-Za-z\\-~]+(\\.[0-9A-Za-z\\-~]+)*))?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    SemVersion v;
    for (const QString &part : m.captured(1).split(QLatin1Char('.'))) {
        bool ok = false;
        v.segments << part.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    v.specifiedSegments = int(v.segments.size());
    while (v.segments.size() < 3)
        v.segments << 0;
    v.prerelease = !m.captured(3).isEmpty() ? m.captured(3) : m.captured(6);
    return v;
}

// go-version's constraint term pattern (constraint.go), anchored.
bool constraintByPattern(const QString &text)
{
    static const QRegularExpression term(
        QStringLiteral("^\\s*(=|!=|>=|<=|>|<|~>)?\\s*(\\S+)\\s*$"));
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QRegularExpressionMatch m = term.match(part);
        if (!m.hasMatch() || !byPattern(m.captured(2)))
            return false;
    }
    return true;
}

QString randomText(QRandomGenerator &random, const QString &alphabet, int maxLength)
{
    QString s;
    const int n = int(random.bounded(maxLength + 1));
    for (int i = 0; i < n; ++i)
        s += alphabet[int(random.bounded(alphabet.size()))];
    return s;
}

} // namespace

class TestVersionConstraint : public QObject
{
    Q_OBJECT

private slots:
    void versionsReadAsThePatternReadsThem()
    {
        QRandomGenerator random(20261126);
        const QString alphabet = QStringLiteral("v0123456789..--++~~aZb ");
        int valid = 0;
        for (int i = 0; i < 200000; ++i) {
            const QString text = randomText(random, alphabet, 12);
            const std::optional<SemVersion> mine = SemVersion::parse(text);
            const std::optional<SemVersion> theirs = byPattern(text);
            QVERIFY2(mine.has_value() == theirs.has_value(), qPrintable(text));
            if (!mine)
                continue;
            ++valid;
            QVERIFY2(mine->segments == theirs->segments, qPrintable(text));
            QCOMPARE(mine->specifiedSegments, theirs->specifiedSegments);
            QVERIFY2(mine->prerelease == theirs->prerelease, qPrintable(text));
        }
        QVERIFY(valid > 1000); // the generator reaches valid versions, not only garbage
    }

    void constraintsReadAsThePatternReadsThem()
    {
        QRandomGenerator random(11);
        const QString alphabet = QStringLiteral("0123456789.-~a =!<>,, ");
        int valid = 0;
        for (int i = 0; i < 200000; ++i) {
            const QString text = randomText(random, alphabet, 14);
            const bool mine = VersionConstraint::parse(text).has_value();
            QVERIFY2(mine == constraintByPattern(text), qPrintable(text));
            valid += mine;
        }
        QVERIFY(valid > 1000);
    }

    void versions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("segments");
        QTest::addColumn<QString>("prerelease");
        QTest::newRow("plain") << "1.11.0"
                               << "1.11.0"
                               << "";
        QTest::newRow("v prefix, short") << "v1.2"
                                         << "1.2.0"
                                         << "";
        QTest::newRow("pre-release and metadata") << "1.0.0-beta1+abc.1"
                                                  << "1.0.0"
                                                  << "beta1";
        QTest::newRow("pre-release without dash") << "1.0rc1"
                                                  << "1.0.0"
                                                  << "rc1";
        QTest::newRow("numeric pre-release") << "1.2-3.4"
                                             << "1.2.0"
                                             << "3.4";
        QTest::newRow("spaces around") << "  1.6.6 "
                                       << "1.6.6"
                                       << "";
        QTest::newRow("trailing dot") << "1."
                                      << ""
                                      << "";
        QTest::newRow("dot then letters") << "1.0.beta"
                                          << ""
                                          << "";
        QTest::newRow("empty metadata part") << "1.0+a..b"
                                             << ""
                                             << "";
        QTest::newRow("word") << "banana"
                              << ""
                              << "";
    }

    void versions()
    {
        QFETCH(QString, text);
        QFETCH(QString, segments);
        QFETCH(QString, prerelease);
        const std::optional<SemVersion> v = SemVersion::parse(text);
        QCOMPARE(v.has_value(), !segments.isEmpty());
        if (!v)
            return;
        QStringList parts;
        for (qint64 s : v->segments)
            parts << QString::number(s);
        QCOMPARE(parts.join(u'.'), segments);
        QCOMPARE(v->prerelease, prerelease);
    }

    void constraints()
    {
        const SemVersion v1110 = *SemVersion::parse(QStringLiteral("1.11.0"));
        QVERIFY(VersionConstraint::parse(QStringLiteral(">= 1.6.0"))->check(v1110));
        QVERIFY(VersionConstraint::parse(QStringLiteral(">=1.6.0, < 2"))->check(v1110));
        QVERIFY(!VersionConstraint::parse(QStringLiteral("~> 1.10.0"))->check(v1110));
        QVERIFY(VersionConstraint::parse(QStringLiteral("~> 1.10"))->check(v1110));
        QVERIFY(VersionConstraint::parse(QStringLiteral("1.11.0"))->check(v1110));
        QVERIFY(!VersionConstraint::parse(QStringLiteral("!= 1.11.0"))->check(v1110));
        QVERIFY(!VersionConstraint::parse(QStringLiteral(">= 1 .0")));
        QVERIFY(!VersionConstraint::parse(QStringLiteral("=> 1.0")));
        QVERIFY(!VersionConstraint::parse(QStringLiteral(">= 1.0,")));
    }
};

QTEST_GUILESS_MAIN(TestVersionConstraint)
#include "tst_versionconstraint.moc"
