#include "engine/template/legacy/Interpolator.h"
#include "engine/template/legacy/PackerTemplateFunctions.h"

#include <QDir>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace kiln::tmpl::legacy;

namespace {

// What `packer console` on a legacy template gives a `{{ }}` expression.
InterpolateContext consoleContext()
{
    InterpolateContext ctx;
    ctx.userVariables = QMap<QString, QString>();
    ctx.templatePath = QStringLiteral("/tmp/lg/k.json");
    ctx.initTime = QDateTime(QDate(2026, 11, 25), QTime(18, 17, 47, 911), Qt::UTC);
    return ctx;
}

} // namespace

class TestLegacyInterpolate : public QObject
{
    Q_OBJECT

private slots:
    void oracle_data();
    void oracle();
    void errorPosition();
    void contextData();
    void structData();
    void buildFunction();
    void userVariables();
    void envFunction();
    void timeFunctions();
    void uuidFormat();
    void templateDirAndPwd();
    void rangeAndWith();
    void renderRepeats();
    void renderRegexKeepsFields();
    void validateOnlyParses();
    void secretsWithoutServers();
};

// Outputs and messages recorded from packer 1.6.6's `packer console`.
void TestLegacyInterpolate::oracle_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("error");
    QTest::newRow("oracle 0") << QStringLiteral("{{split \"a,b,c\" \",\" 1}}") << QStringLiteral("b") << QStringLiteral("");
    QTest::newRow("oracle 1") << QStringLiteral("{{split \"abc\" \"\" 2}}") << QStringLiteral("c") << QStringLiteral("");
    QTest::newRow("oracle 2") << QStringLiteral("{{replace \"a\" \"b\" 1 \"aaa\"}}") << QStringLiteral("baa") << QStringLiteral("");
    QTest::newRow("oracle 3") << QStringLiteral("{{replace_all \"a\" \"b\" \"aaa\"}}") << QStringLiteral("bbb") << QStringLiteral("");
    QTest::newRow("oracle 4") << QStringLiteral("{{replace \"\" \"-\" -1 \"abc\"}}") << QStringLiteral("-a-b-c-") << QStringLiteral("");
    QTest::newRow("oracle 5") << QStringLiteral("{{upper \"abc\" | lower}}") << QStringLiteral("abc") << QStringLiteral("");
    QTest::newRow("oracle 6") << QStringLiteral("{{\"x\" | upper}}") << QStringLiteral("X") << QStringLiteral("");
    QTest::newRow("oracle 7") << QStringLiteral("{{ lower }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <lower>: wrong number of args for lower: want 1 got 0");
    QTest::newRow("oracle 8") << QStringLiteral("{{upper 5}}") << QStringLiteral("") << QStringLiteral("template: root:1:8: executing \"root\" at <5>: expected string; found 5");
    QTest::newRow("oracle 9") << QStringLiteral("{{upper \"a\" \"b\"}}") << QStringLiteral("") << QStringLiteral("template: root:1:2: executing \"root\" at <upper>: wrong number of args for upper: want 1 got 2");
    QTest::newRow("oracle 10") << QStringLiteral("{{ .Foo.Bar }}") << QStringLiteral("<no value>") << QStringLiteral("");
    QTest::newRow("oracle 11") << QStringLiteral("{{ if eq 1 1 }}yes{{ else }}no{{ end }}") << QStringLiteral("yes") << QStringLiteral("");
    QTest::newRow("oracle 12") << QStringLiteral("{{ if \"\" }}yes{{ else if 0 }}zero{{ else }}no{{ end }}") << QStringLiteral("no") << QStringLiteral("");
    QTest::newRow("oracle 13") << QStringLiteral("{{- \" a \" -}}  b") << QStringLiteral(" a b") << QStringLiteral("");
    QTest::newRow("oracle 14") << QStringLiteral("x {{- \"y\" }}  z {{- /* c */ -}} w") << QStringLiteral("xy  zw") << QStringLiteral("");
    QTest::newRow("oracle 15") << QStringLiteral("{{ printf \"%s-%d-%v-%q\" \"a\" 3 true \"q\" }}") << QStringLiteral("a-3-true-\"q\"") << QStringLiteral("");
    QTest::newRow("oracle 16") << QStringLiteral("{{ len \"héllo\" }}") << QStringLiteral("6") << QStringLiteral("");
    QTest::newRow("oracle 17") << QStringLiteral("{{ index \"abc\" 1 }}") << QStringLiteral("98") << QStringLiteral("");
    QTest::newRow("oracle 18") << QStringLiteral("{{ sed \"a\" \"b\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <sed \"a\" \"b\">: error calling sed: template function `sed` is deprecated use `replace` or `replace_all` instead.Documentation: https://www.packer.io/docs/templates/engine");
    QTest::newRow("oracle 19") << QStringLiteral("{{ build \"ID\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <build \"ID\">: error calling build: Error validating build variable: the given variable ID will not be passed into your plugin.");
    QTest::newRow("oracle 20") << QStringLiteral("{{ isotime \"2006\" \"x\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <isotime \"2006\" \"x\">: error calling isotime: too many values, 1 needed: [2006 x]");
    QTest::newRow("oracle 21") << QStringLiteral("{{ $x := \"v\" }}{{ $x }}") << QStringLiteral("v") << QStringLiteral("");
    QTest::newRow("oracle 22") << QStringLiteral("{{ range $i, $e := split \"a\" \"\" 0 }}{{ end }}") << QStringLiteral("") << QStringLiteral("template: root:1:32: executing \"root\" at <0>: range can't iterate over a");
    QTest::newRow("oracle 23") << QStringLiteral("{{ print 1 2 \"a\" 3 }}") << QStringLiteral("1 2a3") << QStringLiteral("");
    QTest::newRow("oracle 24") << QStringLiteral("{{ eq 1 \"a\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <eq 1 \"a\">: error calling eq: incompatible types for comparison");
    QTest::newRow("oracle 25") << QStringLiteral("{{ lt true false }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <lt true false>: error calling lt: invalid type for comparison");
    QTest::newRow("oracle 26") << QStringLiteral("{{ nope }}") << QStringLiteral("") << QStringLiteral("template: root:1: function \"nope\" not defined");
    QTest::newRow("oracle 27") << QStringLiteral("{{ \"unterminated }}") << QStringLiteral("") << QStringLiteral("template: root:1: unterminated quoted string");
    QTest::newRow("oracle 28") << QStringLiteral("{{ end }}") << QStringLiteral("") << QStringLiteral("template: root:1: unexpected {{end}}");
    QTest::newRow("oracle 29") << QStringLiteral("{{ if 1 }}") << QStringLiteral("") << QStringLiteral("template: root:1: unexpected EOF");
    QTest::newRow("oracle 30") << QStringLiteral("{{ user }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <user>: wrong number of args for user: want 1 got 0");
    QTest::newRow("oracle 31") << QStringLiteral("{{ user `a` `b` }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <user>: wrong number of args for user: want 1 got 2");
    QTest::newRow("oracle 32") << QStringLiteral("{{ (upper \"a\") }}") << QStringLiteral("A") << QStringLiteral("");
    QTest::newRow("oracle 33") << QStringLiteral("{{ \"a\" \"b\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <\"a\">: can't give argument to non-function \"a\"");
    QTest::newRow("oracle 34") << QStringLiteral("{{ .X 1 }}") << QStringLiteral("<no value>") << QStringLiteral("");
    QTest::newRow("oracle 35") << QStringLiteral("{{ 3 | upper }}") << QStringLiteral("") << QStringLiteral("template: root:1:7: executing \"root\" at <upper>: wrong type for value; expected string; got int");
    QTest::newRow("oracle 36") << QStringLiteral("{{ split \"a\" \"b\" \"c\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:17: executing \"root\" at <\"c\">: expected integer; found \"c\"");
    QTest::newRow("oracle 37") << QStringLiteral("{{ split \"a\" \"b\" 1.5 }}") << QStringLiteral("") << QStringLiteral("template: root:1:17: executing \"root\" at <1.5>: expected integer; found 1.5");
    QTest::newRow("oracle 38") << QStringLiteral("{{ urlquery \"a b&c\" }}") << QStringLiteral("a+b%26c") << QStringLiteral("");
    QTest::newRow("oracle 39") << QStringLiteral("{{ html \"<a href='x'>\" }}") << QStringLiteral("&lt;a href=&#39;x&#39;&gt;") << QStringLiteral("");
    QTest::newRow("oracle 40") << QStringLiteral("{{ js \"a'b<\" }}") << QStringLiteral("a\\'b\\u003C") << QStringLiteral("");
    QTest::newRow("oracle 41") << QStringLiteral("{{ not 0 }} {{ and 1 0 }} {{ or 0 \"x\" }}") << QStringLiteral("true 0 x") << QStringLiteral("");
    QTest::newRow("oracle 42") << QStringLiteral("{{ index .Missing 1 }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <index .Missing 1>: error calling index: index of untyped nil");
    QTest::newRow("oracle 43") << QStringLiteral("{{ println \"a\" 1 }}") << QStringLiteral("a 1\n") << QStringLiteral("");
    QTest::newRow("oracle 44") << QStringLiteral("{{ 1.5 }} {{ 1e3 }} {{ 0x10 }} {{ 'a' }}") << QStringLiteral("1.5 1000 16 97") << QStringLiteral("");
    QTest::newRow("oracle 45") << QStringLiteral("{{ env \"X\" }}") << QStringLiteral("") << QStringLiteral("template: root:1:3: executing \"root\" at <env \"X\">: error calling env: env vars are not allowed here");
    QTest::newRow("oracle 46") << QStringLiteral("{{ ( }}") << QStringLiteral("") << QStringLiteral("template: root:1: unclosed left paren");
    QTest::newRow("oracle 47") << QStringLiteral("{{ $y }}") << QStringLiteral("") << QStringLiteral("template: root:1: undefined variable \"$y\"");
    QTest::newRow("oracle 48") << QStringLiteral("{{ @ }}") << QStringLiteral("") << QStringLiteral("template: root:1: unexpected \"@\" in command");
    QTest::newRow("oracle 49") << QStringLiteral("{{/* unclosed") << QStringLiteral("") << QStringLiteral("template: root:1: unclosed comment");
    QTest::newRow("oracle 50") << QStringLiteral("{{ \"a\" | printf \"%s-%s\" \"b\" }}") << QStringLiteral("b-a") << QStringLiteral("");
    // From packer 1.6.6 validate on variables with these defaults.
    QTest::newRow("newline in action") << QStringLiteral("{{ upper\n \"a\" }}") << QStringLiteral("A") << QStringLiteral("");
    QTest::newRow("else without end") << QStringLiteral("{{ if 1 }}x{{ else }}y") << QStringLiteral("") << QStringLiteral("template: root:1: unexpected EOF");
    QTest::newRow("constant stage") << QStringLiteral("{{ \"a\" | \"b\" }}") << QStringLiteral("") << QStringLiteral("template: root:1: non executable command in pipeline stage 2");
    QTest::newRow("empty action") << QStringLiteral("{{ }}") << QStringLiteral("") << QStringLiteral("template: root:1: missing value for command");
    QTest::newRow("bad operand") << QStringLiteral("{{ \"a\" @ }}") << QStringLiteral("") << QStringLiteral("template: root:1: unexpected \"@\" in operand");
}

void TestLegacyInterpolate::oracle()
{
    QFETCH(QString, input);
    QFETCH(QString, output);
    QFETCH(QString, error);
    const Interpolator::Result r = Interpolator::renderOnce(input, consoleContext());
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error ? r.error->message : QString()));
        QCOMPARE(r.value, output);
    } else {
        QVERIFY(!r.ok());
        QCOMPARE(r.error->message, error);
    }
}

void TestLegacyInterpolate::errorPosition()
{
    const Interpolator::Result r = Interpolator::renderOnce(QStringLiteral("line one\n  x {{ upper 5 }}"), consoleContext());
    QVERIFY(!r.ok());
    QCOMPARE(r.error->line, 2);
    QCOMPARE(r.error->column, 14);
    QCOMPARE(r.error->offset, 22);
    QCOMPARE(r.error->message, QStringLiteral("template: root:2:13: executing \"root\" at <5>: expected string; found 5"));
    const Interpolator::Result p = Interpolator::renderOnce(QStringLiteral("a\nb\n{{ nope }}"), consoleContext());
    QCOMPARE(p.error->message, QStringLiteral("template: root:3: function \"nope\" not defined"));
    QCOMPARE(p.error->offset, 7);
}

void TestLegacyInterpolate::contextData()
{
    InterpolateContext ctx = consoleContext();
    ctx.data = QVariantMap{{QStringLiteral("HTTPIP"), QStringLiteral("10.0.2.2")}, {QStringLiteral("HTTPPort"), qint64(8080)},
                           {QStringLiteral("Vars"), QStringLiteral("A=1 B=2")}, {QStringLiteral("Path"), QStringLiteral("/tmp/script.sh")}};
    const Interpolator::Result r = Interpolator::renderOnce(QStringLiteral("http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg; {{.Vars}} {{.Path}} [{{ .Missing }}]"), ctx);
    QVERIFY(r.ok());
    QCOMPARE(r.value, QStringLiteral("http://10.0.2.2:8080/ks.cfg; A=1 B=2 /tmp/script.sh [<no value>]"));
}

void TestLegacyInterpolate::structData()
{
    InterpolateContext ctx = consoleContext();
    ctx.data = QVariantMap{{QStringLiteral("Path"), QStringLiteral("/p")}, {QStringLiteral("Vars"), QStringLiteral("V=1")}};
    ctx.dataStructName = QStringLiteral("*shell.ExecuteCommandTemplate");
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("chmod +x {{ .Path }}; {{ .Vars }} {{ .Path }}"), ctx).value,
             QStringLiteral("chmod +x /p; V=1 /p"));
    const Interpolator::Result r = Interpolator::renderOnce(QStringLiteral("{{ .Foo }}"), ctx);
    QCOMPARE(r.error->message, QStringLiteral("template: root:1:3: executing \"root\" at <.Foo>: can't evaluate field Foo in type *shell.ExecuteCommandTemplate"));
}

void TestLegacyInterpolate::buildFunction()
{
    InterpolateContext ctx = consoleContext();
    ctx.data = QVariantMap{{QStringLiteral("ID"), QStringLiteral("i-123")},
                           {QStringLiteral("Host"), QStringLiteral("To set this dynamically in the Packer template, you must use the `build` function")}};
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ build `ID` }}"), ctx).value, QStringLiteral("i-123"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ build `Host` }}"), ctx).value, QStringLiteral("{{.Host}}"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ build `Nope` }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <build `Nope`>: error calling build: loaded data, but couldnt find Nope in it."));
}

void TestLegacyInterpolate::userVariables()
{
    InterpolateContext ctx = consoleContext();
    ctx.userVariables = QMap<QString, QString>{{QStringLiteral("a"), QStringLiteral("x")}};
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{user `a`}}-{{user `b`}}"), ctx).value, QStringLiteral("x-"));
    ctx.enableEnv = true;
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{user `b`}}"), ctx).error->message,
             QStringLiteral("template: root:1:2: executing \"root\" at <user `b`>: error calling user: Error: variable not set: b"));
    ctx.userVariables.reset();
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{user `a`}}"), ctx).error->message,
             QStringLiteral("template: root:1:2: executing \"root\" at <user `a`>: error calling user: test"));
}

void TestLegacyInterpolate::envFunction()
{
    InterpolateContext ctx = consoleContext();
    ctx.getenv = [](const QString &name) { return name == QLatin1String("HOME") ? QStringLiteral("/home/k") : QString(); };
    QVERIFY(!Interpolator::renderOnce(QStringLiteral("{{env `HOME`}}"), ctx).ok());
    ctx.enableEnv = true;
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{env `HOME`}}|{{env `UNSET`}}"), ctx).value, QStringLiteral("/home/k|"));
}

void TestLegacyInterpolate::timeFunctions()
{
    const InterpolateContext ctx = consoleContext();
    // Packer 1.6.6 printed these for the same layouts.
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{isotime}}"), ctx).value, QStringLiteral("2026-11-25T18:17:47Z"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{isotime \"Mon Jan _2 2006 .000 15:04:05 Z07:00 MST PM 002\"}}"), ctx).value,
             QStringLiteral("Wed Nov 25 2026 .911 18:17:47 Z UTC PM 329"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{strftime \"%Y-%m-%d %H:%M:%S %j %f %L %% x %Z %z %e %q\"}}"), ctx).value,
             QStringLiteral("2026-11-25 18:17:47 %j %f .911 % x UTC +0000 %e %q"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{strftime \"a%Y%%%%Y%\"}}"), ctx).value, QStringLiteral("a2026%%Y%"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{timestamp}}"), ctx).value, QString::number(ctx.initTime->toSecsSinceEpoch()));
}

void TestLegacyInterpolate::uuidFormat()
{
    const QString id = Interpolator::renderOnce(QStringLiteral("{{uuid}}"), consoleContext()).value;
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")).match(id).hasMatch(), qPrintable(id));
    const qint64 t = id.left(8).toLongLong(nullptr, 16);
    QVERIFY(qAbs(t - QDateTime::currentSecsSinceEpoch()) < 5);
    QVERIFY(id != Interpolator::renderOnce(QStringLiteral("{{uuid}}"), consoleContext()).value);
}

void TestLegacyInterpolate::templateDirAndPwd()
{
    InterpolateContext ctx = consoleContext();
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{template_dir}}"), ctx).value, QStringLiteral("/tmp/lg"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{pwd}}"), ctx).value, QDir::currentPath());
    ctx.templatePath.clear();
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{template_dir}}"), ctx).error->message,
             QStringLiteral("template: root:1:2: executing \"root\" at <template_dir>: error calling template_dir: template path not available"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{build_name}}"), ctx).error->message,
             QStringLiteral("template: root:1:2: executing \"root\" at <build_name>: error calling build_name: build_name not available"));
    ctx.buildName = QStringLiteral("web");
    ctx.buildType = QStringLiteral("docker");
    ctx.corePackerVersion = QStringLiteral("1.11.2");
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{build_name}}/{{build_type}}/{{packer_version}}"), ctx).value, QStringLiteral("web/docker/1.11.2"));
}

void TestLegacyInterpolate::rangeAndWith()
{
    InterpolateContext ctx = consoleContext();
    ctx.data = QVariantMap{{QStringLiteral("List"), QVariantList{QStringLiteral("a"), QStringLiteral("b")}},
                           {QStringLiteral("Map"), QVariantMap{{QStringLiteral("y"), qint64(2)}, {QStringLiteral("x"), qint64(1)}}},
                           {QStringLiteral("Empty"), QVariantList{}}};
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{range $i, $e := .List}}{{$i}}={{$e}};{{end}}"), ctx).value, QStringLiteral("0=a;1=b;"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{range $k, $v := .Map}}{{$k}}{{$v}}{{end}}"), ctx).value, QStringLiteral("x1y2"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{range .Empty}}x{{else}}none{{end}}"), ctx).value, QStringLiteral("none"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{with .List}}{{index . 1}}{{end}}{{with .Nope}}x{{else}}-{{end}}"), ctx).value, QStringLiteral("b-"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{range .List}}{{.}}{{$.Map.x}}{{end}}"), ctx).value, QStringLiteral("a1b1"));
}

void TestLegacyInterpolate::renderRepeats()
{
    InterpolateContext ctx = consoleContext();
    ctx.userVariables = QMap<QString, QString>{{QStringLiteral("a"), QStringLiteral("{{user `b`}}")}, {QStringLiteral("b"), QStringLiteral("B")}};
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{user `a`}}"), ctx).value, QStringLiteral("{{user `b`}}"));
    QCOMPARE(Interpolator::render(QStringLiteral("{{user `a`}}"), ctx).value, QStringLiteral("B"));
}

void TestLegacyInterpolate::renderRegexKeepsFields()
{
    InterpolateContext ctx = consoleContext();
    ctx.userVariables = QMap<QString, QString>{{QStringLiteral("v"), QStringLiteral("1")}};
    const QRegularExpression filter(QStringLiteral("{{(\\s|)\\.(.*?)(\\s|)}}"));
    QCOMPARE(Interpolator::renderRegex(QStringLiteral("{{ .HTTPIP }}:{{user `v`}}"), ctx, filter).value, QStringLiteral("{{ .HTTPIP }}:1"));
}

void TestLegacyInterpolate::validateOnlyParses()
{
    const InterpolateContext ctx = consoleContext();
    QVERIFY(!Interpolator::validate(QStringLiteral("{{ env `X` }}"), ctx).has_value());
    QCOMPARE(Interpolator::validate(QStringLiteral("{{ bogus }}"), ctx)->message, QStringLiteral("template: root:1: function \"bogus\" not defined"));
}

void TestLegacyInterpolate::secretsWithoutServers()
{
    // A port nobody listens on: reserve one, then close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    InterpolateContext ctx = consoleContext();
    ctx.enableEnv = true;
    QMap<QString, QString> env{{QStringLiteral("CONSUL_HTTP_ADDR"), QStringLiteral("127.0.0.1:%1").arg(port)}};
    ctx.getenv = [&env](const QString &n) { return env.value(n); };
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ consul_key `app/key` }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <consul_key `app/key`>: error calling consul_key: error reading consul key: "
                            "Get \"http://127.0.0.1:%1/v1/kv/app/key\": dial tcp 127.0.0.1:%1: connect: connection refused").arg(port));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ vault `secret/x` `k` }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <vault `secret/x` `k`>: error calling vault: Must set VAULT_TOKEN env var in order to use vault template function"));
    env[QStringLiteral("VAULT_TOKEN")] = QStringLiteral("t");
    env[QStringLiteral("VAULT_ADDR")] = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ vault `secret/x` `k` }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <vault `secret/x` `k`>: error calling vault: Error reading vault secret: "
                            "Get \"http://127.0.0.1:%1/v1/secret/x\": dial tcp 127.0.0.1:%1: connect: connection refused").arg(port));
    env[QStringLiteral("HOME")] = QStringLiteral("/nonexistent");
    env[QStringLiteral("AWS_CONFIG_FILE")] = QStringLiteral("/nonexistent/config");
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ aws_secretsmanager `s` }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <aws_secretsmanager `s`>: error calling aws_secretsmanager: operation error Secrets Manager: "
                            "GetSecretValue, failed to resolve service endpoint, an AWS region is required, but was not found"));
    QCOMPARE(Interpolator::renderOnce(QStringLiteral("{{ aws_secretsmanager }}"), ctx).error->message,
             QStringLiteral("template: root:1:3: executing \"root\" at <aws_secretsmanager>: error calling aws_secretsmanager: secret name must be provided"));
}

QTEST_GUILESS_MAIN(TestLegacyInterpolate)
#include "tst_legacy_interpolate.moc"
