// Kiln's accept/reject of real templates must equal Packer's. The expectations
// are recorded here, never computed by running packer: they come from Packer's
// own Go tests (command/validate_test.go, hcl2template/*_test.go: which fixtures
// must fail) and from running Debian's `packer validate` 1.6.6 on the fixtures
// whose features 1.6.6 has (the line of its first error). Fixtures needing
// Packer's test-only mock plugins or HCP are left out.
//
// Each row runs what `kiln validate` runs: parse, initialize with the builtin
// registry, then select every build with schema checks.

#include "components/Builtins.h"
#include "engine/template/BuildSelector.h"
#include "engine/template/TemplateLoader.h"

#include <QDir>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl;

namespace {

struct Outcome
{
    bool accepted = false;
    hcl::Diagnostic firstError;
    hcl::Diagnostics all;
};

Outcome validate(const QString &path, const QList<VarSetting> &vars = {})
{
    static registry::Registry reg;
    static bool filled = false;
    if (!filled) {
        components::registerBuiltins(reg);
        filled = true;
    }
    Outcome o;
    LoadOptions opts;
    opts.path = path;
    opts.varSettings = vars;
    opts.environment = QStringList();
    opts.warnOnUndeclaredVar = true;
    Template tpl = TemplateLoader::parse(opts, o.all);
    if (!o.all.hasErrors()) {
        InitializeOptions init;
        init.registry = &reg;
        o.all += TemplateLoader::initialize(tpl, init);
    }
    if (!o.all.hasErrors()) {
        BuildSelectionOptions sel;
        sel.registry = &reg;
        BuildSelector::select(tpl, sel, o.all);
    }
    o.accepted = !o.all.hasErrors();
    for (const hcl::Diagnostic &d : o.all) {
        if (d.severity == hcl::Severity::Error) {
            o.firstError = d;
            break;
        }
    }
    return o;
}

int lineOf(const hcl::Diagnostic &d)
{
    if (d.subject)
        return d.subject->start.line;
    if (d.context)
        return d.context->start.line;
    return 0;
}

QString describe(const hcl::Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags)
        out << QStringLiteral("%1 (line %2): %3").arg(d.summary).arg(lineOf(d)).arg(d.detail.left(200));
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT

private slots:
    void packerFixtures_data()
    {
        QTest::addColumn<QString>("path"); // relative to the corpus
        QTest::addColumn<bool>("accept");
        QTest::addColumn<int>("line"); // line of the first error; 0: not located
        QTest::addColumn<QString>("summary"); // first error's summary; empty: not checked

        const QString c = QStringLiteral("packer-v1.9.5/command/test-fixtures/");
        const QString h = QStringLiteral("packer-v1.9.5/hcl2template/testdata/");
        auto ok = [](const QString &p) { QTest::newRow(qPrintable(p)) << p << true << 0 << QString(); };
        auto bad = [](const QString &p, int line, const QString &summary) {
            QTest::newRow(qPrintable(p)) << p << false << line << summary;
        };

        // command/validate_test.go (TestValidateCommand) and 1.6.6 runs.
        ok(c + "validate/build.pkr.hcl");
        ok(c + "validate/build_with_vars.pkr.hcl");
        bad(c + "validate-invalid/missing_build_block.pkr.hcl", 0, QString());
        bad(c + "validate/var_foo_with_no_default.pkr.hcl", 2, "Unset variable \"foo\"");
        bad(c + "version_req/base_failure", 2, "Unsupported Packer Core version");
        ok(c + "version_req/base_success");
        bad(c + "version_req/wrong_field_name", 2, "Unsupported argument");
        bad(c + "validate/invalid_packer_block.pkr.hcl", 2, "Unsupported argument");
        bad(c + "validate/circular_error.pkr.hcl", 3, QString());
        ok(c + "validate/var-file-tests/basic.pkr.hcl");
        // Builds, names, only/except, overrides (1.6.6 accepts them all).
        ok(c + "build-name-and-type/all.pkr.hcl");
        ok(c + "build-name-and-type/buildname.pkr.hcl");
        ok(c + "build-only/template.pkr.hcl");
        ok(c + "hcl-only-except/build.pkr.hcl");
        ok(c + "hcl/build-var-in-pp.pkr.hcl");
        ok(c + "hcl/dynamic/build.pkr.hcl");
        ok(c + "hcl/force.pkr.hcl");
        ok(c + "hcl/provisioner-override.pkr.hcl");
        ok(c + "hcl/recipes");
        ok(c + "hcl/recursive_local_with_input/locals.pkr.hcl");
        ok(c + "hcl/reprepare/shell-local.pkr.hcl");
        ok(c + "hcl/reprepare/shell-local-windows.pkr.hcl");
        ok(c + "hcl/test_except_manifest.pkr.hcl");
        // Packer's GetBuilds: "Missing build block" (1.6.6 did not check).
        bad(c + "hcl/inspect/virtualbox-builds.pkr.hcl", 0, "Missing build block");
        ok(c + "provisioners/provisioner-only-except.pkr.hcl");
        bad(c + "var-arg/map.pkr.hcl", 0, "Missing build block");
        ok(c + "fmt/formatted.pkr.hcl");
        // Since Packer 1.7 a build needs a source.
        bad(c + "hcl/build_no_source.pkr.hcl", 1, "missing source reference");
        bad(c + "hcl/empty_object/var.pkr.hcl", 15, "Unsupported attribute");
        // Variables in build names and post-processor settings: 1.6.6 rejects them
        // ("Variables not allowed"); later Packer (command/build_test.go) accepts.
        ok(c + "hcl/var-in-pp-name.pkr.hcl");
        ok(c + "hcl/vars-in-build-block.pkr.hcl");
        bad(c + "hcl/inspect/fruit_string.pkr.hcl", 0, QString());
        bad(c + "hcl/variables/list_of_string/var.pkr.hcl", 0, QString());
        bad(c + "hcl/variables/untyped_var/var.pkr.hcl", 0, QString());
        bad(c + "hcl-inspect-with-sensitive-vars/vars.pkr.hcl", 0, QString());
        bad(c + "var-arg/fruit_builder.pkr.hcl", 0, "Unset variable \"fruit\"");
        bad(c + "fmt/unformatted.pkr.hcl", 0, QString());
        bad(c + "hcl/validation/wrong_pause_before.pkr.hcl", 0, QString());

        // hcl2template testdata.
        ok(h + "sources/basic.pkr.hcl");
        // The communicator block is accepted; the file has no build.
        bad(h + "communicator/basic.pkr.hcl", 0, "Missing build block");
        ok(h + "variables/empty.pkr.hcl");
        ok(h + "variables/foo-string.variable.pkr.hcl");
        ok(h + "variables/validation/valid.pkr.hcl");
        bad(h + "sources/duplicate.pkr.hcl", 3, "Duplicate source block");
        bad(h + "sources/unnamed.pkr.hcl", 2, "Missing name for source");
        bad(h + "sources/untyped.pkr.hcl", 2, "Missing type for source");
        bad(h + "unknown/block_type.pkr.hcl", 2, "Unsupported block type");
        bad(h + "build/invalid_source_reference.pkr.hcl", 2, "Invalid source reference");
        bad(h + "build/invalid_build_name_variable.pkr.hcl", 2, "Invalid type specification");
        bad(h + "build/two-error-cleanup-provisioner.pkr.hcl", 0, QString());
        bad(h + "variables/duplicate_variables.pkr.hcl", 7, "Duplicate variable");
        bad(h + "variables/duplicate_variable.pkr.hcl", 0, "Duplicate variable");
        bad(h + "variables/invalid_default.pkr.hcl", 5, "Invalid default value for variable");
        bad(h + "variables/unknown_key.pkr.hcl", 3, "Unsupported argument");
        bad(h + "variables/unset_unused_string_variable.pkr.hcl", 0, "Unset variable \"foo\"");
        bad(h + "variables/unset_used_string_variable.pkr.hcl", 0, "Unset variable \"foo\"");
        bad(h + "variables/validation/invalid_default.pkr.hcl", 0, "Invalid value for default variable");
        bad(h + "variables/validation/valid_map", 0, "Invalid value for varfile variable");
        bad(h + "variables/duplicate_locals", 0, "Duplicate local definition");
        bad(h + "variables/recursive_locals.pkr.hcl", 0, "failed to prepare execution graph");
        bad(h + "init/duplicate_required_plugins/packer.pkr.hcl", 8, "Attribute redefined");
    }

    void packerFixtures()
    {
        QFETCH(QString, path);
        QFETCH(bool, accept);
        QFETCH(int, line);
        QFETCH(QString, summary);
        const Outcome o = validate(QStringLiteral(KILN_CORPUS_DIR "/") + path);
        QVERIFY2(o.accepted == accept, qPrintable(describe(o.all)));
        if (accept)
            return;
        if (!summary.isEmpty())
            QCOMPARE(o.firstError.summary, summary);
        if (line > 0)
            QCOMPARE(lineOf(o.firstError), line);
    }

    // Packer's TestValidateCommand_VarFile... : -var-file with an undeclared
    // variable warns, and a value for a declared one is taken.
    void varFiles()
    {
        const QString dir = QStringLiteral(KILN_CORPUS_DIR "/packer-v1.9.5/command/test-fixtures/validate/var-file-tests/");
        Outcome o = validate(dir + "basic.pkr.hcl", {{VarSetting::Kind::File, QString(), dir + "undeclared.pkrvars.hcl"}});
        QVERIFY2(o.accepted, qPrintable(describe(o.all)));
        QCOMPARE(o.all.size(), 1);
        QCOMPARE(o.all[0].summary, QStringLiteral("Undefined variable"));
        Outcome basic = validate(dir + "basic.pkr.hcl", {{VarSetting::Kind::File, QString(), dir + "basic.pkrvars.hcl"}});
        QVERIFY2(basic.accepted, qPrintable(describe(basic.all)));
    }

    // Every HCL2 example Packer 1.6.6 shipped and bento's templates with each
    // OS's variables must load; their builders come from plugins Kiln may not
    // bundle, so only parsing and initialization without a registry are checked.
    void examplesLoad_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("varFile");
        // Packer 1.6.6 itself rejects its example for the unset vCenter credentials.
        QTest::addColumn<QString>("unset");
        QTest::newRow("1.6.6 hcl/linux") << QStringLiteral("packer-1.6.6-examples/hcl/linux") << QString()
                                         << QStringLiteral("Unset variable \"vcenter_user\"");
        const QDir bento(QStringLiteral(KILN_CORPUS_DIR "/bento/os_pkrvars/debian"));
        for (const QString &f : bento.entryList({QStringLiteral("*.pkrvars.hcl")}, QDir::Files))
            QTest::newRow(qPrintable(QStringLiteral("bento debian ") + f))
                << QStringLiteral("bento/packer_templates") << bento.filePath(f) << QString();
    }
    void examplesLoad()
    {
        QFETCH(QString, path);
        QFETCH(QString, varFile);
        QFETCH(QString, unset);
        LoadOptions opts;
        opts.path = QStringLiteral(KILN_CORPUS_DIR "/") + path;
        opts.environment = QStringList();
        if (!varFile.isEmpty())
            opts.varSettings = {{VarSetting::Kind::File, QString(), varFile}};
        hcl::Diagnostics diags;
        Template tpl = TemplateLoader::parse(opts, diags);
        QVERIFY2(!diags.hasErrors(), qPrintable(describe(diags)));
        diags += TemplateLoader::initialize(tpl);
        QVERIFY(!tpl.builds.isEmpty());
        if (unset.isEmpty()) {
            QVERIFY2(!diags.hasErrors(), qPrintable(describe(diags)));
            return;
        }
        bool found = false;
        for (const hcl::Diagnostic &d : diags)
            found = found || d.summary == unset;
        QVERIFY2(found, qPrintable(describe(diags)));
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
