// Deliberately broken templates of the kind users write (tests/fixtures/broken-templates):
// `kiln validate` must exit 1 (never by a signal), print exactly one "Error:" whose summary
// says what is wrong, and place it on the right line; the engine's diagnostic for the same
// run must start at the right column. expected.tsv lists, per file: extra validate flags,
// line, column and a substring of the summary.

#include "components/Builtins.h"
#include "engine/registry/Registry.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyTemplateValidator.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

namespace {

const QString fixtureDir = QStringLiteral(KILN_FIXTURES_DIR "/broken-templates");

struct Expected
{
    QString file;
    QStringList args;
    int line = 0;
    int column = 0;
    QString summary;
};

QList<Expected> readExpected()
{
    QList<Expected> out;
    QFile f(fixtureDir + QStringLiteral("/expected.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList cols = line.split(QLatin1Char('\t'));
        if (cols.size() != 5)
            continue;
        Expected e;
        e.file = cols[0];
        e.args = cols[1].split(QLatin1Char(' '), Qt::SkipEmptyParts);
        e.line = cols[2].toInt();
        e.column = cols[3].toInt();
        e.summary = cols[4];
        out << e;
    }
    return out;
}

// The flags validate understands here, for the in-process run.
QList<kiln::tmpl::VarSetting> varSettings(const QStringList &args, QStringList *only)
{
    QList<kiln::tmpl::VarSetting> out;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("-var") && i + 1 < args.size()) {
            const QString v = args[++i];
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            out.append({kiln::tmpl::VarSetting::Kind::Var, v.left(eq), v.mid(eq + 1)});
        } else if (a.startsWith(QLatin1String("-var-file="))) {
            out.append({kiln::tmpl::VarSetting::Kind::File, QString(), a.mid(10)});
        } else if (a.startsWith(QLatin1String("-only="))) {
            *only = a.mid(6).split(QLatin1Char(','));
        }
    }
    return out;
}

// The first error validate reports, found by the same steps validate takes.
std::optional<kiln::hcl::Diagnostic> firstError(const Expected &e)
{
    using namespace kiln;
    auto first = [](const hcl::Diagnostics &diags) -> std::optional<hcl::Diagnostic> {
        for (const hcl::Diagnostic &d : diags)
            if (d.severity == hcl::Severity::Error)
                return d;
        return std::nullopt;
    };
    if (tmpl::TemplateLoader::kindOf(e.file) == tmpl::TemplateKind::LegacyJson) {
        tmpl::legacy::LegacyParseResult parsed = tmpl::legacy::LegacyTemplateParser::parseFile(e.file);
        if (auto d = first(parsed.diagnostics))
            return d;
        return first(tmpl::legacy::LegacyTemplateValidator::validate(parsed.tmpl, QStringLiteral("1.11.0")));
    }
    tmpl::LoadOptions options;
    options.path = e.file;
    QStringList only;
    options.varSettings = varSettings(e.args, &only);
    options.warnOnUndeclaredVar = true;
    hcl::Diagnostics diags;
    tmpl::Template tpl = tmpl::TemplateLoader::parse(options, diags);
    if (auto d = first(diags))
        return d;
    registry::Registry reg;
    components::registerBuiltins(reg);
    tmpl::InitializeOptions init;
    init.registry = &reg;
    if (auto d = first(tmpl::TemplateLoader::initialize(tpl, init)))
        return d;
    tmpl::BuildSelectionOptions select;
    select.only = only;
    select.registry = &reg;
    diags.clear();
    tmpl::BuildSelector::select(tpl, select, diags);
    return first(diags);
}

} // namespace

Q_DECLARE_METATYPE(Expected)

class TestBrokenTemplates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Relative names keep the rendered "on FILE line N" header predictable.
        QVERIFY(QDir::setCurrent(fixtureDir));
    }

    void everyFixtureIsListed()
    {
        QStringList listed;
        for (const Expected &e : readExpected())
            listed << e.file;
        QVERIFY2(listed.size() >= 60, qPrintable(QString::number(listed.size())));
        const QStringList files = QDir(fixtureDir).entryList({QStringLiteral("*.pkr.hcl"), QStringLiteral("*.json")},
                                                             QDir::Files);
        for (const QString &f : files)
            QVERIFY2(listed.contains(f), qPrintable(f + QStringLiteral(" has no line in expected.tsv")));
    }

    void validate_data()
    {
        QTest::addColumn<Expected>("expected");
        for (const Expected &e : readExpected())
            QTest::newRow(qPrintable(e.file)) << e;
    }

    void validate()
    {
        QFETCH(Expected, expected);
        QProcess p;
        p.setProcessEnvironment([] {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("CHECKPOINT_DISABLE"), QStringLiteral("1"));
            return env;
        }());
        p.start(QStringLiteral(KILN_BINARY), QStringList{QStringLiteral("validate")} + expected.args + QStringList{expected.file});
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 1, qPrintable(err));

        // Exactly one error (warnings may accompany it), with the expected summary.
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString all = out + err;
        QCOMPARE(all.count(QLatin1String("Error: ")), 1);
        const qsizetype at = all.indexOf(QLatin1String("Error: "));
        const QString summary = all.mid(at + 7, all.indexOf(QLatin1Char('\n'), at) - at - 7);
        QVERIFY2(summary.contains(expected.summary), qPrintable(summary));

        const std::optional<kiln::hcl::Diagnostic> d = firstError(expected);
        QVERIFY2(d.has_value(), "the engine reports no error");
        QVERIFY2(d->summary.contains(expected.summary), qPrintable(d->summary));
        if (expected.line == 0) {
            // Packer's own errors without a place (legacy JSON, command-line values).
            QVERIFY(!d->subject.has_value());
            QVERIFY(!all.contains(QLatin1String("\n  on ")));
            return;
        }
        QVERIFY2(d->subject.has_value(), "the error has no source range");
        QCOMPARE(d->subject->start.line, expected.line);
        QCOMPARE(d->subject->start.column, expected.column);
        QVERIFY2(all.contains(QStringLiteral("  on %1 line %2").arg(expected.file).arg(expected.line)), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestBrokenTemplates)
#include "tst_brokentemplates.moc"
