// Input variables: declaration, precedence of every value source, type
// conversion errors, validation rules, sensitivity, undeclared values.

#include "engine/template/TemplateLoader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl;

namespace {

QString fixture(const QString &rel)
{
    return QStringLiteral(KILN_FIXTURES_DIR "/template/") + rel;
}

QStringList summaries(const hcl::Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << d.summary;
    return out;
}

struct Loaded
{
    Template tpl;
    hcl::Diagnostics diags;
};

Loaded loadText(const QByteArray &text, QList<VarSetting> settings = {}, QStringList env = {},
                bool warnUndeclared = true, const QByteArray &autoVars = {})
{
    static QTemporaryDir dir;
    static int n = 0;
    const QString sub = dir.filePath(QString::number(++n));
    QDir().mkpath(sub);
    QFile f(sub + QStringLiteral("/t.pkr.hcl"));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    f.close();
    if (!autoVars.isEmpty()) {
        QFile a(sub + QStringLiteral("/x.auto.pkrvars.hcl"));
        a.open(QIODevice::WriteOnly);
        a.write(autoVars);
    }
    LoadOptions opts;
    opts.path = sub;
    opts.varSettings = settings;
    opts.environment = env;
    opts.warnOnUndeclaredVar = warnUndeclared;
    Loaded l;
    l.tpl = TemplateLoader::parse(opts, l.diags);
    if (!l.diags.hasErrors())
        l.diags += TemplateLoader::initialize(l.tpl);
    return l;
}

QString str(const Template &tpl, const QString &name)
{
    return tpl.inputVariables.value(name).rawValue().asString();
}

} // namespace

class TestVariables : public QObject
{
    Q_OBJECT

private slots:
    void precedence()
    {
        LoadOptions opts;
        opts.path = fixture(QStringLiteral("precedence"));
        opts.environment = QStringList{QStringLiteral("PKR_VAR_a=env"), QStringLiteral("PKR_VAR_b=env"),
                                       QStringLiteral("PKR_VAR_undeclared=x"), QStringLiteral("OTHER=1")};
        opts.varSettings = {{VarSetting::Kind::Var, QStringLiteral("d"), QStringLiteral("cmd-first")},
                            {VarSetting::Kind::File, QString(), fixture(QStringLiteral("precedence.pkrvars.hcl"))},
                            {VarSetting::Kind::Var, QStringLiteral("n"), QStringLiteral("42")}};
        hcl::Diagnostics diags;
        Template tpl = TemplateLoader::parse(opts, diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(summaries(diags).join('\n')));
        QCOMPARE(str(tpl, "a"), QStringLiteral("env")); // env over default
        QCOMPARE(str(tpl, "b"), QStringLiteral("auto1")); // auto file over env
        QCOMPARE(str(tpl, "c"), QStringLiteral("auto2")); // later auto file (lexical order) wins
        QCOMPARE(str(tpl, "d"), QStringLiteral("varfile")); // -var-file after -var wins
        QCOMPARE(tpl.inputVariables.value("n").rawValue().asNumber().toInt64(), std::optional<qint64>(42));
        QCOMPARE(tpl.inputVariables.value("d").values.size(), 3);
        QCOMPARE(tpl.inputVariables.value("d").values.last().from, QStringLiteral("varfile"));
        QCOMPARE(tpl.inputVariables.value("n").values.last().from, QStringLiteral("cmd"));
    }

    void commandLineOrder()
    {
        Loaded l = loadText("variable \"x\" {\n  default = \"d\"\n}\n",
                            {{VarSetting::Kind::Var, QStringLiteral("x"), QStringLiteral("one")},
                             {VarSetting::Kind::Var, QStringLiteral("x"), QStringLiteral("two")}});
        QCOMPARE(str(l.tpl, "x"), QStringLiteral("two"));
    }

    void typedValueFromCommandLine()
    {
        Loaded l = loadText("variable \"l\" {\n  type = list(string)\n}\n",
                            {{VarSetting::Kind::Var, QStringLiteral("l"), QStringLiteral("[\"a\", \"b\"]")}});
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QCOMPARE(l.tpl.inputVariables.value("l").rawValue().length(), 2);
    }

    void invalidCommandLineValue()
    {
        Loaded l = loadText("variable \"n\" {\n  type = number\n}\n",
                            {{VarSetting::Kind::Var, QStringLiteral("n"), QStringLiteral("abc")}});
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Invalid argument value for -var variable")});
        QCOMPARE(l.diags[0].detail, QStringLiteral("The received arg value for n is not compatible with the "
                                                   "variable's type constraint: a number is required."));
    }

    void undefinedCommandLineVariable()
    {
        Loaded l = loadText("variable \"x\" {\n  default = 1\n}\n",
                            {{VarSetting::Kind::Var, QStringLiteral("y"), QStringLiteral("1")}});
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Undefined -var variable")});
    }

    void invalidDefault()
    {
        Loaded l = loadText("variable \"n\" {\n  type    = number\n  default = \"x\"\n}\n");
        QVERIFY(l.diags.hasErrors());
        QCOMPARE(l.diags[0].summary, QStringLiteral("Invalid default value for variable"));
        QCOMPARE(l.diags[0].detail, QStringLiteral("This default value is not compatible with the variable's type "
                                                   "constraint: a number is required."));
        QCOMPARE(l.diags[0].subject->start.line, 3);
    }

    void unsetVariable()
    {
        Loaded l = loadText("variable \"foo\" {\n  type = string\n}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Unset variable \"foo\"")});
        QCOMPARE(l.diags[0].context->start.line, 1);
    }

    void duplicateVariable()
    {
        Loaded l = loadText("variable \"a\" {}\nvariable \"a\" {}\n");
        QVERIFY(summaries(l.diags).contains(QStringLiteral("Duplicate variable")));
    }

    void legacyVariablesBlock()
    {
        Loaded l = loadText("variables {\n  a = \"x\"\n  b = 2\n}\n");
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QCOMPARE(str(l.tpl, "a"), QStringLiteral("x"));
        QCOMPARE(l.tpl.inputVariables.value("b").type, hcl::Type::number());
    }

    void undeclaredInVarFileWarns()
    {
        Loaded l = loadText("variable \"a\" {\n  default = 1\n}\n", {}, {}, true, "zzz = 1\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Undefined variable")});
        QCOMPARE(l.diags[0].severity, hcl::Severity::Warning);
        Loaded quiet = loadText("variable \"a\" {\n  default = 1\n}\n", {}, {}, false, "zzz = 1\n");
        QVERIFY(quiet.diags.isEmpty());
    }

    void declarationInVarFile()
    {
        Loaded l = loadText("variable \"a\" {\n  default = 1\n}\n", {}, {}, true, "variable \"a\" {}\n");
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Variable declaration in a .pkrvar file")});
    }

    void varFileWithUnknownExtension()
    {
        Loaded l = loadText("variable \"a\" {\n  default = 1\n}\n",
                            {{VarSetting::Kind::File, QString(), QStringLiteral("vars.txt")}});
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Could not guess format of vars.txt")});
    }

    void validationRule()
    {
        const QByteArray text = "variable \"size\" {\n  type = number\n  default = 5\n  validation {\n"
                                "    condition     = var.size > 10\n    error_message = \"The size must exceed ten.\"\n"
                                "  }\n}\n";
        Loaded l = loadText(text);
        QCOMPARE(summaries(l.diags), QStringList{QStringLiteral("Invalid value for default variable")});
        QVERIFY(l.diags[0].detail.startsWith(QLatin1String("The size must exceed ten.\n\nThis was checked by the "
                                                           "validation rule at ")));
        QCOMPARE(l.diags[0].subject->start.line, 3);
        Loaded ok = loadText(text, {{VarSetting::Kind::Var, QStringLiteral("size"), QStringLiteral("11")}});
        QVERIFY(!ok.diags.hasErrors());
        Loaded cmd = loadText(text, {{VarSetting::Kind::Var, QStringLiteral("size"), QStringLiteral("3")}});
        QCOMPARE(summaries(cmd.diags), QStringList{QStringLiteral("Invalid value for cmd variable")});
    }

    void validationRuleShape_data()
    {
        QTest::addColumn<QByteArray>("validation");
        QTest::addColumn<QString>("summary");
        QTest::newRow("other variable") << QByteArray("condition = var.other == 1\n error_message = \"Bad.\"")
                                        << "Invalid reference in variable validation";
        QTest::newRow("no reference") << QByteArray("condition = true\n error_message = \"Bad.\"")
                                      << "Invalid variable validation condition";
        QTest::newRow("lowercase message") << QByteArray("condition = var.v == 1\n error_message = \"bad.\"")
                                           << "Invalid validation error message";
        QTest::newRow("empty message") << QByteArray("condition = var.v == 1\n error_message = \"\"")
                                       << "Invalid validation error message";
        QTest::newRow("missing message") << QByteArray("condition = var.v == 1") << "Missing required argument";
    }
    void validationRuleShape()
    {
        QFETCH(QByteArray, validation);
        QFETCH(QString, summary);
        Loaded l = loadText("variable \"v\" {\n  default = 1\n  validation {\n" + validation + "\n  }\n}\n");
        QVERIFY2(summaries(l.diags).contains(summary), qPrintable(summaries(l.diags).join('\n')));
    }

    void sensitiveValuesAreMarked()
    {
        Loaded l = loadText("variable \"s\" {\n  default = \"secret\"\n  sensitive = true\n}\n"
                            "variable \"p\" {\n  default = \"plain\"\n}\n");
        QVERIFY(l.tpl.inputVariables.value("s").value().isSensitive());
        QVERIFY(!l.tpl.inputVariables.value("p").value().isSensitive());
        QCOMPARE(l.tpl.secrets(), QStringList{QStringLiteral("secret")});
        QCOMPARE(l.tpl.sensitiveVariableNames(), QStringList{QStringLiteral("s")});
    }

    void typeFromDefault()
    {
        Loaded l = loadText("variable \"m\" {\n  default = {a = 1}\n}\nvariable \"e\" {\n  default = {}\n}\n");
        QCOMPARE(l.tpl.inputVariables.value("m").type.kind(), hcl::Type::Kind::Object);
        QVERIFY(l.tpl.inputVariables.value("e").type.isDynamic());
    }

    void optionalAttributeDefaults()
    {
        Loaded l = loadText("variable \"o\" {\n  type = object({a = string, b = optional(number, 7)})\n"
                            "  default = {a = \"x\"}\n}\n");
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QCOMPARE(l.tpl.inputVariables.value("o").rawValue().attribute("b").asNumber().toInt64(),
                 std::optional<qint64>(7));
    }

    void envOnlyInDefaults()
    {
        Loaded l = loadText("variable \"h\" {\n  default = env(\"KILN_TEST_UNSET_VAR\")\n}\n");
        QVERIFY2(!l.diags.hasErrors(), qPrintable(summaries(l.diags).join('\n')));
        QCOMPARE(str(l.tpl, "h"), QString());
        Loaded other = loadText("variable \"h\" {\n  default = upper(\"x\")\n}\n");
        QCOMPARE(summaries(other.diags), QStringList{QStringLiteral("Call to unknown function")});
    }
};

QTEST_GUILESS_MAIN(TestVariables)
#include "tst_variables.moc"
