#include "engine/template/legacy/Interpolator.h"
#include "engine/template/legacy/JsonStringPosition.h"
#include "engine/template/legacy/LegacyTemplateParser.h"
#include "engine/template/legacy/LegacyTemplateValidator.h"
#include "engine/template/legacy/LegacyVariableResolver.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace kiln::hcl;
using namespace kiln::tmpl::legacy;

namespace {

LegacyParseResult parse(const QByteArray &src)
{
    return LegacyTemplateParser::parse(src, QStringLiteral("t.json"));
}

QStringList summaries(const Diagnostics &d)
{
    QStringList out;
    for (const Diagnostic &x : d)
        out << x.summary;
    return out;
}

QString at(const Diagnostic &d)
{
    return d.subject ? QStringLiteral("%1:%2").arg(d.subject->start.line).arg(d.subject->start.column) : QString();
}

} // namespace

class TestLegacyTemplate : public QObject
{
    Q_OBJECT

private slots:
    void corpusMatchesPacker();
    void corpusValidateMatchesPacker();
    void parseErrors_data();
    void parseErrors();
    void fullTemplate();
    void postProcessorForms();
    void provisionerFields();
    void weakTyping();
    void errorPositions();
    void validate_data();
    void validate();
    void minVersion_data();
    void minVersion();
    void interpolationErrorInFile();
};

// Every legacy JSON file of the corpus, against what packer 1.6.6's
// `validate -syntax-only` (template.ParseFile) said about it.
void TestLegacyTemplate::corpusMatchesPacker()
{
    QFile verdicts(QStringLiteral(KILN_FIXTURES_DIR "/legacy/corpus-syntax-verdicts.tsv"));
    QVERIFY(verdicts.open(QIODevice::ReadOnly));
    int checked = 0;
    while (!verdicts.atEnd()) {
        const QString line = QString::fromUtf8(verdicts.readLine()).chopped(1);
        if (line.startsWith(QLatin1Char('#')) || line.isEmpty())
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 3);
        const QString path = QStringLiteral(KILN_CORPUS_DIR "/") + f[1];
        if (!QFile::exists(path))
            continue;
        const LegacyParseResult r = LegacyTemplateParser::parseFile(path);
        if (f[0] == QLatin1String("0")) {
            QVERIFY2(r.diagnostics.isEmpty(), qPrintable(f[1] + QStringLiteral(": ") + summaries(r.diagnostics).join(QStringLiteral("; "))));
            QCOMPARE(r.tmpl.path, QFileInfo(path).absoluteFilePath());
        } else {
            QVERIFY2(r.diagnostics.hasErrors(), qPrintable(f[1]));
            QCOMPARE(r.diagnostics.first().summary, f[2]);
        }
        ++checked;
    }
    QVERIFY(checked >= 70);
}

// The stages after parsing, up to where builders take over, against
// packer 1.6.6's full `validate` (run without -var, as 1.6.6, whose
// packer_version is not available while variables are rendered).
void TestLegacyTemplate::corpusValidateMatchesPacker()
{
    QFile verdicts(QStringLiteral(KILN_FIXTURES_DIR "/legacy/corpus-validate-verdicts.tsv"));
    QVERIFY(verdicts.open(QIODevice::ReadOnly));
    int checked = 0;
    while (!verdicts.atEnd()) {
        const QString line = QString::fromUtf8(verdicts.readLine()).chopped(1);
        if (line.startsWith(QLatin1Char('#')) || line.isEmpty())
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 2);
        const QString path = QStringLiteral(KILN_CORPUS_DIR "/") + f[0];
        if (!QFile::exists(path))
            continue;
        const LegacyParseResult r = LegacyTemplateParser::parseFile(path);
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(f[0]));
        Diagnostics d = LegacyTemplateValidator::validate(r.tmpl, QStringLiteral("1.6.6"));
        if (d.isEmpty()) {
            InterpolateContext ctx;
            ctx.templatePath = r.tmpl.path;
            d = LegacyVariableResolver::resolve(r.tmpl, {}, ctx).diagnostics;
        }
        const QString first = d.isEmpty() ? QString() : d.first().summary;
        QCOMPARE(QStringLiteral("%1: %2").arg(f[0], first), QStringLiteral("%1: %2").arg(f[0], f[1]));
        ++checked;
    }
    QVERIFY(checked >= 60);
}

// Messages as packer 1.6.6 prints them for the same input.
void TestLegacyTemplate::parseErrors_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("description type") << QByteArray(R"({"description": 5})")
                                      << QStringList{"'Description' expected type 'string', got unconvertible type 'float64', value: '5'"};
    QTest::newRow("root array") << QByteArray("[]") << QStringList{"'' expected a map, got 'slice'"};
    QTest::newRow("bad comment") << QByteArray(R"({"_c": 5, "zz": 1, "builders":[{"type":"null"}]})")
                                 << QStringList{"Failed to cast root level comment value in comment \"_c\" to string."};
    QTest::newRow("unknown keys sorted") << QByteArray(R"({"zeta": 1, "alpha": 2})")
                                         << QStringList{"Unknown root level key in template: 'alpha'", "Unknown root level key in template: 'zeta'"};
    QTest::newRow("builders map") << QByteArray(R"({"builders": {"type":"null"}})")
                                  << QStringList{"'builders': source data must be an array or slice, got map"};
    QTest::newRow("root types") << QByteArray(R"({"provisioners": "x", "variables": [], "sensitive-variables": [1], "push": "x", "description": null, "post-processors": {}})")
                                << QStringList{"'Provisioners': source data must be an array or slice, got string",
                                               "'Push' expected a map, got 'string'",
                                               "'Variables' expected a map, got 'slice'",
                                               "'post-processors': source data must be an array or slice, got map",
                                               "'sensitive-variables[0]' expected type 'string', got unconvertible type 'float64', value: '1'"};
    QTest::newRow("comments type") << QByteArray(R"({"comments": 5})")
                                   << QStringList{"'Comments': source data must be an array or slice, got float64"};
    QTest::newRow("duplicate nested") << QByteArray(R"({"builders":[{"type":"null", "a": {"b":1, "b":2}}]})")
                                      << QStringList{"template has duplicate field: b"};
    QTest::newRow("builder decode") << QByteArray(R"({"builders":[{"type": 5},{"type": {}}, {"type":"null", "name": true, "config": 5}]})")
                                    << QStringList{"builder 2: 'Type' expected type 'string', got unconvertible type 'map[string]interface {}', value: 'map[]'",
                                                   "builder 3: 'Config' expected a map, got 'float64'"};
    QTest::newRow("content") << QByteArray(R"({"Builders": [{"type": "null"}, {"name": "null", "type": "null"}, {"name":"x"}, "str"],
 "variables": {"a": 5, "b": null, "c": "x", "d": true, "e": [1]},
 "provisioners": [{"type": "shell", "pause_before": "bad"}, {"inline": []}, "s"],
 "post-processors": ["a", {"type": "b", "only": ["q"]}, [["x"]], [5], 5, [{"foo": 1}]],
 "error-cleanup-provisioner": {"x": 1}})")
                             << QStringList{
                                    "variable a: '' expected type 'string', got unconvertible type 'float64', value: '5'",
                                    "variable d: '' expected type 'string', got unconvertible type 'bool', value: 'true'",
                                    "variable e: '' expected type 'string', got unconvertible type '[]interface {}', value: '[1]'",
                                    "builder 2: builder with name 'null' already exists",
                                    "builder 3: missing 'type'",
                                    "builder 4: '' expected a map, got 'string'",
                                    "post-processor 3.1: sequence not allowed to be nested in a sequence",
                                    "post-processor 4.1: unknown format",
                                    "post-processor 5: bad format",
                                    "post-processor 6.1: type is required",
                                    "provisioner 1: Error decoding provisioner: error decoding 'pause_before': time: invalid duration \"bad\"",
                                    "provisioner 2: Provisioner missing 'type'",
                                    "provisioner 3: Error decoding provisioner: '' expected a map, got 'string'",
                                    "On Error Cleanup Provisioner error: Provisioner missing 'type'"};
    QTest::newRow("provisioner types") << QByteArray(R"({"builders":[{"type":"null"}], "provisioners":[{"type":"shell-local","only":"null", "max_retries": 3, "pause_before": 5, "timeout": []}, {"type":"x","override": 5}, {"type":"x","only":[1, {}]}]})")
                                       << QStringList{"provisioner 1: Error decoding provisioner: 'timeout' expected type 'time.Duration', got unconvertible type '[]interface {}', value: '[]'",
                                                      "provisioner 2: Error decoding provisioner: 'Override' expected a map, got 'float64'",
                                                      "provisioner 3: Error decoding provisioner: 'Only[1]' expected type 'string', got unconvertible type 'map[string]interface {}', value: 'map[]'"};
    QTest::newRow("post-processor types") << QByteArray(R"({"builders":[{"type":"null"}], "post-processors":[{"type":"manifest","keep_input_artifact":"yes","only":"null","name":5}]})")
                                          << QStringList{"post-processor 1.1: 'Name' expected type 'string', got unconvertible type 'float64', value: '5'",
                                                         "post-processor 1.1: 'Only': source data must be an array or slice, got string",
                                                         "post-processor 1.1: 'keep_input_artifact' expected type 'bool', got unconvertible type 'string', value: 'yes'"};
    QTest::newRow("json syntax") << QByteArray("{\"builders\": [}") << QStringList{"Missing JSON value"};
}

void TestLegacyTemplate::parseErrors()
{
    QFETCH(QByteArray, src);
    QFETCH(QStringList, errors);
    const LegacyParseResult r = parse(src);
    QCOMPARE(summaries(r.diagnostics), errors);
    for (const Diagnostic &d : r.diagnostics) {
        QVERIFY2(d.subject.has_value(), qPrintable(d.summary));
        QCOMPARE(d.subject->filename, QStringLiteral("t.json"));
    }
}

void TestLegacyTemplate::fullTemplate()
{
    const LegacyParseResult r = parse(R"({
  "_comment": "hello",
  "description": "demo",
  "min_packer_version": "1.5.0",
  "variables": {"zone": "eu", "secret": null, "b": "{{user `zone`}}"},
  "sensitive-variables": ["secret", "missing"],
  "builders": [
    {"type": "docker", "image": "debian", "_note": "kept"},
    {"type": "docker", "name": "second", "commit": true}
  ],
  "provisioners": [{"type": "shell", "inline": ["echo"], "except": ["second"]}],
  "error-cleanup-provisioner": {"type": "shell-local", "inline": ["echo cleanup"]},
  "post-processors": ["manifest"]
})");
    QVERIFY2(r.diagnostics.isEmpty(), qPrintable(summaries(r.diagnostics).join(QLatin1Char('\n'))));
    const LegacyTemplate &t = r.tmpl;
    QCOMPARE(t.description, QStringLiteral("demo"));
    QCOMPARE(t.minVersion, QStringLiteral("1.5.0"));
    QCOMPARE(t.comments.size(), 1);
    QCOMPARE(t.comments[0].second, QStringLiteral("hello"));
    QCOMPARE(t.variables.size(), 3);
    QCOMPARE(t.variables[0].name, QStringLiteral("zone"));
    QCOMPARE(t.variables[1].name, QStringLiteral("secret"));
    QVERIFY(t.variables[1].required);
    QVERIFY(t.variables[1].sensitive);
    QVERIFY(!t.variables[0].required);
    QCOMPARE(t.variables[2].defaultValue, QStringLiteral("{{user `zone`}}"));
    QCOMPARE(t.builders.size(), 2);
    QCOMPARE(t.builders[0].name, QStringLiteral("docker"));
    QVERIFY(t.builders[0].nameDefaulted);
    QCOMPARE(t.builders[1].name, QStringLiteral("second"));
    QVERIFY(!t.builders[1].config.get(u"type"));
    QVERIFY(!t.builders[1].config.get(u"name"));
    QVERIFY(t.builders[1].config.get(u"commit")->boolValue());
    QVERIFY(t.builders[0].config.get(u"_note"));
    QVERIFY(t.builders[1].raw.get(u"name"));
    QCOMPARE(t.provisioners.size(), 1);
    QVERIFY(t.provisioners[0].onlyExcept.skip(QStringLiteral("second")));
    QVERIFY(!t.provisioners[0].onlyExcept.skip(QStringLiteral("docker")));
    QVERIFY(!t.provisioners[0].config.get(u"except"));
    QVERIFY(t.cleanupProvisioner.has_value());
    QCOMPARE(t.cleanupProvisioner->type, QStringLiteral("shell-local"));
    QCOMPARE(t.postProcessors.size(), 1);
    QCOMPARE(t.postProcessors[0][0].type, QStringLiteral("manifest"));
    QVERIFY(LegacyTemplateValidator::validate(t, QStringLiteral("1.6.6")).isEmpty());
}

void TestLegacyTemplate::postProcessorForms()
{
    const LegacyParseResult r = parse(R"({"builders":[{"type":"null"}], "post-processors": [
        "compress",
        {"type": "checksum", "name": "sums", "keep_input_artifact": true, "checksum_types": ["sha1"]},
        ["docker-tag", {"type": "docker-push", "only": ["null"], "login": true}]
    ]})");
    QVERIFY(r.diagnostics.isEmpty());
    const auto &pp = r.tmpl.postProcessors;
    QCOMPARE(pp.size(), 3);
    QCOMPARE(pp[0].size(), 1);
    QCOMPARE(pp[0][0].name, QStringLiteral("compress"));
    QVERIFY(!pp[0][0].keepInputArtifact.has_value());
    QCOMPARE(pp[1][0].name, QStringLiteral("sums"));
    QCOMPARE(pp[1][0].keepInputArtifact, std::optional<bool>(true));
    QVERIFY(pp[1][0].config.get(u"checksum_types"));
    QVERIFY(!pp[1][0].config.get(u"keep_input_artifact"));
    QCOMPARE(pp[2].size(), 2);
    QCOMPARE(pp[2][1].type, QStringLiteral("docker-push"));
    QCOMPARE(pp[2][1].onlyExcept.only, QStringList{QStringLiteral("null")});
    QVERIFY(!pp[2][1].config.get(u"only"));
}

void TestLegacyTemplate::provisionerFields()
{
    const LegacyParseResult r = parse(R"({"builders":[{"type":"null"}], "provisioners": [
        {"type": "shell", "pause_before": "1m30s", "max_retries": 3, "timeout": "5m",
         "override": {"null": {"inline": ["x"]}}, "inline": ["y"]}
    ]})");
    QVERIFY(r.diagnostics.isEmpty());
    const LegacyProvisioner &p = r.tmpl.provisioners[0];
    QCOMPARE(p.pauseBeforeMs, qint64(90000));
    QCOMPARE(p.maxRetries, QStringLiteral("3"));
    QCOMPARE(p.timeoutMs, qint64(300000));
    QVERIFY(p.override.get(u"null"));
    QCOMPARE(p.config.members().size(), size_t(1));
    QCOMPARE(p.config.members()[0].key, QStringLiteral("inline"));
}

void TestLegacyTemplate::weakTyping()
{
    // Builders and provisioners are weakly decoded: numbers and bools become strings.
    const LegacyParseResult r = parse(R"({"builders":[{"type": 5, "name": true}], "provisioners":[{"type": "x", "only": "1"}]})");
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.tmpl.builders[0].type, QStringLiteral("5"));
    QCOMPARE(r.tmpl.builders[0].name, QStringLiteral("1"));
    QCOMPARE(r.tmpl.provisioners[0].onlyExcept.only, QStringList{QStringLiteral("1")});
}

void TestLegacyTemplate::errorPositions()
{
    const LegacyParseResult r = parse("{\n  \"builders\": [\n    {\"type\": \"null\"},\n    {\"type\": \"null\"}\n  ],\n  \"bogus\": 1\n}");
    QCOMPARE(r.diagnostics.size(), 1);
    QCOMPARE(at(r.diagnostics[0]), QStringLiteral("6:3"));
    const LegacyParseResult dup = parse("{\n  \"builders\": [\n    {\"type\": \"null\"},\n    {\"type\": \"null\"}\n  ]\n}");
    QCOMPARE(summaries(dup.diagnostics), QStringList{QStringLiteral("builder 2: builder with name 'null' already exists")});
    QCOMPARE(at(dup.diagnostics[0]), QStringLiteral("4:14"));
}

void TestLegacyTemplate::validate_data()
{
    QTest::addColumn<QByteArray>("src");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("no builders") << QByteArray("{}") << QStringList{"at least one builder must be defined"};
    QTest::newRow("only/except") << QByteArray(R"({"builders": [{"type": "null"}, {"name": "n2", "type": "null"}],
 "provisioners": [{"type": "shell-local", "only": ["nope"], "except": ["x"], "override": {"zz": {}}}, {"type": "shell-local", "except": ["zz"]}],
 "post-processors": ["manifest", {"type": "manifest", "only": ["q"]}, [{"type":"manifest", "except": ["n2", "r"], "keep_input_artifact": true}]]})")
                                 << QStringList{"provisioner 1: only one of 'only' or 'except' may be specified",
                                                "provisioner 1: override 'zz' doesn't exist",
                                                "provisioner 2: 'except' specified builder 'zz' not found",
                                                "post-processor 2.1: 'only' specified builder 'q' not found",
                                                "post-processor 3.1: 'except' specified builder 'r' not found"};
    QTest::newRow("corpus dup-builder fixture") << QByteArray(R"({"builders": [{"type": "foo"}], "provisioners": [{"type": "foo", "only": ["bar"]}]})")
                                                << QStringList{"provisioner 1: 'only' specified builder 'bar' not found"};
    QTest::newRow("valid") << QByteArray(R"({"builders": [{"type": "foo", "name": "a"}], "provisioners": [{"type": "foo", "only": ["a"], "override": {"a": {}}}]})")
                           << QStringList{};
}

void TestLegacyTemplate::validate()
{
    QFETCH(QByteArray, src);
    QFETCH(QStringList, errors);
    const LegacyParseResult r = parse(src);
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(summaries(LegacyTemplateValidator::validate(r.tmpl, QStringLiteral("1.6.6"))), errors);
}

void TestLegacyTemplate::minVersion_data()
{
    QTest::addColumn<QString>("minimum");
    QTest::addColumn<QString>("running");
    QTest::addColumn<QString>("error");
    QTest::newRow("higher") << "99.0" << "1.6.6" << "This template requires Packer version 99.0.0 or higher; using 1.6.6";
    QTest::newRow("malformed") << "abc" << "1.6.6" << "min_version is invalid: Malformed version: abc";
    QTest::newRow("equal") << "1.6.6" << "1.6.6" << "";
    QTest::newRow("lower") << "1.0" << "1.11.2" << "";
    QTest::newRow("v prefix") << "v1.12" << "1.11.2" << "This template requires Packer version 1.12.0 or higher; using 1.11.2";
    QTest::newRow("prerelease") << "1.11.2" << "1.11.2-dev" << "This template requires Packer version 1.11.2 or higher; using 1.11.2-dev";
}

void TestLegacyTemplate::minVersion()
{
    QFETCH(QString, minimum);
    QFETCH(QString, running);
    QFETCH(QString, error);
    const LegacyParseResult r = parse(QStringLiteral("{\"builders\":[{\"type\":\"null\"}],\n \"min_packer_version\": \"%1\"}").arg(minimum).toUtf8());
    QVERIFY(r.diagnostics.isEmpty());
    const Diagnostics d = LegacyTemplateValidator::validate(r.tmpl, running);
    QCOMPARE(summaries(d), error.isEmpty() ? QStringList() : QStringList{error});
    if (!d.isEmpty())
        QCOMPARE(at(d[0]), QStringLiteral("2:24"));
}

// A `{{ }}` error inside a JSON string maps back to file:line:col, escapes included.
void TestLegacyTemplate::interpolationErrorInFile()
{
    const QByteArray src = "{\"builders\": [{\"type\": \"null\"}],\n"
                           " \"provisioners\": [{\"type\": \"shell\", \"inline\": [\"a\\n\\u00e9\u00e9 {{ upper 5 }}\"]}]}";
    const LegacyParseResult r = parse(src);
    QVERIFY(r.diagnostics.isEmpty());
    const JsonValue &line = r.tmpl.provisioners[0].config.get(u"inline")->elements()[0];
    QCOMPARE(line.text(), QStringLiteral("a\n\u00e9\u00e9 {{ upper 5 }}"));
    InterpolateContext ctx;
    ctx.userVariables = QMap<QString, QString>();
    const Interpolator::Result rendered = Interpolator::renderOnce(line.text(), ctx);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error->offset, 16); // the "5", in UTF-8 bytes of the decoded text
    const SourcePos p = jsonStringPosition(src, line.range(), rendered.error->offset);
    QCOMPARE(p.line, 2);
    QCOMPARE(src.mid(p.byte, 1), QByteArray("5"));
    QCOMPARE(p.column, 69);
}

QTEST_GUILESS_MAIN(TestLegacyTemplate)
#include "tst_legacy_template.moc"
