#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyVariableResolver.h"

#include <QTest>

using namespace kiln::hcl;
using namespace kiln::tmpl::legacy;

namespace {

LegacyTemplate parse(const QByteArray &src)
{
    LegacyParseResult r = LegacyTemplateParser::parse(src, QStringLiteral("vars.json"));
    if (r.diagnostics.hasErrors())
        qFatal("fixture does not parse: %s", qPrintable(r.diagnostics[0].summary));
    return r.tmpl;
}

InterpolateContext envContext(QMap<QString, QString> env)
{
    InterpolateContext ctx;
    ctx.getenv = [env](const QString &n) { return env.value(n); };
    return ctx;
}

} // namespace

// Each case was run through packer 1.6.6 (build or validate) for the
// expected values and messages.
class TestLegacyVariables : public QObject
{
    Q_OBJECT

private slots:
    void chainsInAnyOrder();
    void cycleFails();
    void missingReferenceFails();
    void packerToleratesFailureWhileOthersChange();
    void requiredVariables();
    void execErrorIsReturnedAsIs();
    void parseErrorIsWrapped();
    void sensitiveValues();
};

void TestLegacyVariables::chainsInAnyOrder()
{
    const LegacyTemplate t = parse(R"({"variables": {"bang": "bang{{user `baz`}}", "baz": "{{user `foo`}}baz", "foo": "bar",
        "home": "{{env `KILN_T`}}", "ip": "{{ .HTTPIP }}-{{user `foo`}}"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {{QStringLiteral("cli"), QStringLiteral("c1")}},
                                                   envContext({{QStringLiteral("KILN_T"), QStringLiteral("hv")}}));
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.values.value(QStringLiteral("bang")), QStringLiteral("bangbarbaz"));
    QCOMPARE(r.values.value(QStringLiteral("home")), QStringLiteral("hv"));
    // Build-time fields stay for the build to fill in.
    QCOMPARE(r.values.value(QStringLiteral("ip")), QStringLiteral("{{ .HTTPIP }}-bar"));
    QCOMPARE(r.values.value(QStringLiteral("cli")), QStringLiteral("c1"));
}

void TestLegacyVariables::cycleFails()
{
    const LegacyTemplate t = parse(R"({"variables": {"a": "{{user `b`}}", "b": "{{user `a`}}"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].summary,
             QStringLiteral("Failed to interpolate \"b\": \"{{user `a`}}\"; error: template: root:1:2: executing \"root\" at <user `a`>: "
                            "error calling user: Error: variable not set: a: Please make sure that the variable you're referencing has "
                            "been defined; Packer treats all variables used to interpolate other user variables as required."));
    QVERIFY(r.diagnostics[0].subject.has_value());
    QCOMPARE(r.diagnostics[0].subject->start.column, 42);
}

void TestLegacyVariables::missingReferenceFails()
{
    const LegacyTemplate t = parse(R"({"variables": {"a": "{{user `nope`}}", "b": "x"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QCOMPARE(r.diagnostics.size(), 1);
    QVERIFY(r.diagnostics[0].summary.startsWith(QStringLiteral("Failed to interpolate \"a\": \"{{user `nope`}}\"; error: ")));
}

void TestLegacyVariables::packerToleratesFailureWhileOthersChange()
{
    // Packer 1.6.6 validates this: "b" keeps re-rendering, so the loop never
    // reports that "a" could not be interpolated.
    const LegacyTemplate t = parse(R"({"variables": {"a": "{{user `nope`}}", "b": "{{user `c`}}", "c": "1"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.values.value(QStringLiteral("b")), QStringLiteral("1"));
    QVERIFY(!r.values.contains(QStringLiteral("a")));
}

void TestLegacyVariables::requiredVariables()
{
    const LegacyTemplate t = parse(R"({"variables": {"r": null, "s": null}, "builders": [{"type": "null"}]})");
    auto r = LegacyVariableResolver::resolve(t, {{QStringLiteral("s"), QStringLiteral("1")}});
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].summary, QStringLiteral("required variable not set: r"));
    r = LegacyVariableResolver::resolve(t, {{QStringLiteral("s"), QStringLiteral("1")}, {QStringLiteral("r"), QStringLiteral("2")}});
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.values.value(QStringLiteral("r")), QStringLiteral("2"));
}

void TestLegacyVariables::execErrorIsReturnedAsIs()
{
    const LegacyTemplate t = parse(R"({"variables": {"a": "{{ upper 5 }}"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].summary, QStringLiteral("template: root:1:9: executing \"root\" at <5>: expected string; found 5"));
}

void TestLegacyVariables::parseErrorIsWrapped()
{
    const LegacyTemplate t = parse(R"({"variables": {"a": "{{ nope }}"}, "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(r.diagnostics[0].summary, QStringLiteral("error interpolating default value for 'a': template: root:1: function \"nope\" not defined"));
}

void TestLegacyVariables::sensitiveValues()
{
    const LegacyTemplate t = parse(R"({"variables": {"pw": "{{user `base`}}!", "base": "s3cret"}, "sensitive-variables": ["pw", "undeclared"],
        "builders": [{"type": "null"}]})");
    const auto r = LegacyVariableResolver::resolve(t, {});
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.secrets, QStringList{QStringLiteral("s3cret!")});
}

QTEST_GUILESS_MAIN(TestLegacyVariables)
#include "tst_legacy_variables.moc"
