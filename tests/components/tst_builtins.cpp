#include "components/BuiltinDescriptions.h"
#include "components/Builtins.h"
#include "engine/build/Builder.h"
#include "engine/build/ComponentSettings.h"
#include "engine/build/DataSource.h"
#include "engine/build/PostProcessor.h"
#include "engine/build/Provisioner.h"
#include "engine/registry/Registry.h"

#include <QSet>
#include <QTest>

using namespace kiln::registry;

namespace {

const Registry &builtins()
{
    static Registry *registry = [] {
        auto *r = new Registry;
        kiln::components::registerBuiltins(*r);
        return r;
    }();
    return *registry;
}

const ConfigSchema &schemaOf(ComponentKind kind, const char *type)
{
    const ComponentDescriptor *d = builtins().find(kind, QString::fromLatin1(type));
    if (!d)
        qFatal("component %s is not registered", type);
    return d->schema;
}

// Walks a schema and its nested blocks, reporting every structural defect as "path: problem".
void collectDefects(const ConfigSchema &schema, const QString &path, QStringList &defects)
{
    for (const QString &dup : schema.duplicateKeys())
        defects << path + dup + ": declared twice";
    for (const Field &f : schema) {
        const QString where = path + f.key();
        if (f.key().isEmpty())
            defects << path + "<empty key>";
        if (f.help().trimmed().isEmpty())
            defects << where + ": no help text";
        if (f.type() == FieldType::Enum && f.enumValues().isEmpty())
            defects << where + ": enum without values";
        if ((f.type() == FieldType::List || f.type() == FieldType::Map) && !f.element())
            defects << where + ": collection without element type";
        if (f.element() && f.element()->type() == FieldType::Enum
            && f.element()->enumValues().isEmpty())
            defects << where + ": enum elements without values";
        if (f.type() == FieldType::Block) {
            if (!f.nested() || f.nested()->isEmpty())
                defects << where + ": block without fields";
            else
                collectDefects(*f.nested(), where + ".", defects);
        }
    }
    for (const ExclusiveGroup &g : schema.exclusiveGroups()) {
        if (g.keys.size() < 2)
            defects << path + "group " + g.keys.join(',') + ": fewer than two keys";
        for (const QString &k : g.keys) {
            if (!schema.contains(k))
                defects << path + "group mentions unknown key " + k;
            else if (g.rule == ExclusiveGroup::Rule::ExactlyOne && schema.field(k)->isRequired())
                defects << path + k + ": required and also one of an exactly-one group";
        }
    }
}

} // namespace

class TestBuiltins : public QObject
{
    Q_OBJECT

private slots:
    void everyRequestedComponentIsRegistered_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("type");
        auto add = [](ComponentKind k, std::initializer_list<const char *> types) {
            for (const char *t : types)
                QTest::addRow("%s %s", qPrintable(componentKindName(k)), t) << int(k) << QString(t);
        };
        add(ComponentKind::Builder,
            {"null", "file", "docker", "qemu", "amazon-ebs", "vmware-iso", "vmware-vmx",
                "virtualbox-iso"});
        add(ComponentKind::Provisioner,
            {"shell", "shell-local", "file", "breakpoint", "sleep", "ansible", "ansible-local",
                "puppet-masterless", "salt-masterless", "chef-solo", "powershell",
                "windows-restart"});
        add(ComponentKind::PostProcessor,
            {"manifest", "checksum", "compress", "shell-local", "artifice", "vagrant",
                "docker-import", "docker-tag", "docker-push", "docker-save"});
        add(ComponentKind::DataSource, {"http", "null"});
    }

    void everyRequestedComponentIsRegistered()
    {
        QFETCH(int, kind);
        QFETCH(QString, type);
        const ComponentDescriptor *d = builtins().find(ComponentKind(kind), type);
        QVERIFY(d);
        QCOMPARE(d->typeName, type);
        QCOMPARE(int(d->kind), kind);
    }

    void descriptorsAreWellFormed()
    {
        int total = 0;
        for (ComponentKind kind : allComponentKinds) {
            for (const ComponentDescriptor *d : builtins().list(kind)) {
                ++total;
                const QString id = componentKindName(kind) + " " + d->typeName;
                QVERIFY2(!d->displayName.isEmpty(), qPrintable(id));
                QVERIFY2(!d->description.isEmpty(), qPrintable(id));
                QVERIFY2(!d->iconName.isEmpty(), qPrintable(id));
                QVERIFY2(!d->schema.isEmpty(), qPrintable(id));
                QStringList defects;
                collectDefects(d->schema, QString(), defects);
                collectDefects(d->outputs, QStringLiteral("outputs."), defects);
                // Only data sources produce a value with attributes.
                QCOMPARE(d->outputs.isEmpty(), kind != ComponentKind::DataSource);
                QVERIFY2(defects.isEmpty(), qPrintable(id + ": " + defects.join("; ")));
            }
        }
        QCOMPARE(total, int(builtins().size()));
    }

    // validate prepares components through their settings (in the kiln executable, which
    // has the descriptions only): every component Kiln can run has them, in both registries,
    // and they say what the component's own prepare() says.
    void everyRunnableComponentHasItsSettings()
    {
        Registry descriptionsOnly;
        kiln::components::registerBuiltinDescriptions(descriptionsOnly);
        int runnable = 0;
        for (ComponentKind kind : allComponentKinds) {
            for (const ComponentDescriptor *d : builtins().list(kind)) {
                const QString id = componentKindName(kind) + " " + d->typeName;
                QCOMPARE(bool(d->settings), bool(d->create));
                const ComponentDescriptor *described = descriptionsOnly.find(kind, d->typeName);
                QVERIFY2(described && bool(described->settings) == bool(d->create), qPrintable(id));
                if (!d->create)
                    continue;
                ++runnable;
                const std::unique_ptr<Component> made = described->settings();
                auto *settings = dynamic_cast<kiln::build::ComponentSettings *>(made.get());
                QVERIFY2(settings, qPrintable(id));
                const std::unique_ptr<Component> component = d->create();
                // An empty configuration: the required settings are missing for some, the
                // defaults apply for the others.
                const kiln::build::ComponentConfig empty;
                const kiln::build::PrepareResult read = settings->read(empty);
                kiln::build::PrepareResult prepared;
                if (auto *b = dynamic_cast<kiln::build::Builder *>(component.get()))
                    prepared = b->prepare(empty);
                else if (auto *p = dynamic_cast<kiln::build::Provisioner *>(component.get()))
                    prepared = p->prepare(empty);
                else if (auto *pp = dynamic_cast<kiln::build::PostProcessor *>(component.get()))
                    prepared = pp->prepare(empty);
                else if (auto *ds = dynamic_cast<kiln::build::DataSource *>(component.get()))
                    prepared = ds->prepare(empty);
                else
                    QFAIL(qPrintable(id + " is no component"));
                QVERIFY2(read.errors == prepared.errors,
                    qPrintable(
                        id + ": " + read.errors.join("; ") + " | " + prepared.errors.join("; ")));
                QCOMPARE(read.warnings, prepared.warnings);
            }
        }
        QVERIFY(runnable >= 30);
    }

    // The registry makes a description when it is first needed, from the kind and type
    // name it was registered under: each must be what the description says.
    void registeredUnderTheirOwnNames()
    {
        QCOMPARE(kiln::components::builtinDescriptions().size(), builtins().size());
        for (const kiln::components::BuiltinDescription &b :
            kiln::components::builtinDescriptions()) {
            const ComponentDescriptor d = b.describe();
            QCOMPARE(int(d.kind), int(b.kind));
            QCOMPARE(d.typeName, QString::fromLatin1(b.typeName));
        }
    }

    void registrationIsIdempotentPerRegistry()
    {
        // A second registerBuiltins on a fresh registry yields the same catalogue: the
        // descriptor functions have no hidden state.
        Registry again;
        kiln::components::registerBuiltins(again);
        for (ComponentKind kind : allComponentKinds)
            QCOMPARE(again.typeNames(kind), builtins().typeNames(kind));
        QCOMPARE(again.find(ComponentKind::Builder, "qemu")->schema.keys(),
            builtins().find(ComponentKind::Builder, "qemu")->schema.keys());
    }

    void dockerBuilder()
    {
        const ConfigSchema &s = schemaOf(ComponentKind::Builder, "docker");
        QCOMPARE(s.field("image")->type(), FieldType::String);
        QCOMPARE(s.field("commit")->type(), FieldType::Bool);
        QCOMPARE(s.field("changes")->type(), FieldType::List);
        QCOMPARE(s.field("changes")->elementType(), FieldType::String);
        QCOMPARE(s.field("volumes")->typeExpression(), QStringLiteral("map(string)"));
        QCOMPARE(s.field("export_path")->type(), FieldType::Path);
        QVERIFY(s.field("login_password")->isSensitive());
        QCOMPARE(s.field("communicator")->defaultText(), QStringLiteral("docker"));
        QVERIFY(s.field("communicator")->enumValues().contains("dockerWindowsContainer"));
        QVERIFY(s.contains("ssh_username")); // the embedded communicator settings
        const ConfigSchema *build = s.nested("build");
        QVERIFY(build);
        QVERIFY(!s.field("build")->isRepeatable());
        QVERIFY(build->field("path")->isRequired());

        bool artifactGroup = false;
        for (const ExclusiveGroup &g : s.exclusiveGroups()) {
            if (g.keys == QStringList{"commit", "discard", "export_path"}) {
                artifactGroup = true;
                QCOMPARE(g.rule, ExclusiveGroup::Rule::ExactlyOne);
                QCOMPARE(g.conflictMessage,
                    QStringLiteral(
                        "Cannot specify more than one of commit, discard, and export_path"));
            }
        }
        QVERIFY(artifactGroup);
    }

    void qemuBuilder()
    {
        const ConfigSchema &s = schemaOf(ComponentKind::Builder, "qemu");
        QCOMPARE(s.field("disk_size")->type(), FieldType::String); // "10G" style sizes
        QVERIFY(s.field("iso_checksum")->isRequired());
        QCOMPARE(s.field("boot_command")->typeExpression(), QStringLiteral("list(string)"));
        QCOMPARE(s.field("boot_wait")->type(), FieldType::Duration);
        QCOMPARE(s.field("boot_wait")->defaultText(), QStringLiteral("10s"));
        QCOMPARE(s.field("qemuargs")->typeExpression(), QStringLiteral("list(list(string))"));
        QCOMPARE(s.field("format")->enumValues(), (QStringList{"qcow2", "raw"}));
        QCOMPARE(s.field("http_directory")->type(), FieldType::Path);
        QCOMPARE(s.field("http_directory")->pathKind(), PathKind::Directory);
        QCOMPARE(s.field("memory")->type(), FieldType::Number);
        QCOMPARE(s.field("shutdown_timeout")->type(), FieldType::Duration);
        QCOMPARE(s.field("ssh_timeout")->defaultText(), QStringLiteral("5m"));
        QVERIFY(s.field("ssh_password")->isSensitive());
        QVERIFY(s.field("vnc_password")->isSensitive());
        QVERIFY(!s.field("vnc_use_password")->isSensitive());
        QVERIFY(s.nested("qemu_img_args"));
        bool isoGroup = false;
        for (const ExclusiveGroup &g : s.exclusiveGroups())
            isoGroup |= g.keys == QStringList{"iso_url", "iso_urls"};
        QVERIFY(isoGroup);
    }

    void amazonEbsBuilder()
    {
        const ConfigSchema &s = schemaOf(ComponentKind::Builder, "amazon-ebs");
        for (const char *k : {"ami_name", "instance_type", "region", "source_ami"})
            QVERIFY2(s.contains(k), k);
        QVERIFY(s.field("ami_name")->isRequired());
        QVERIFY(s.field("secret_key")->isSensitive());
        QVERIFY(s.field("launch_block_device_mappings")->isRepeatable());
        QVERIFY(s.nested("launch_block_device_mappings")->contains("volume_size"));
        QVERIFY(s.nested("source_ami_filter")->contains("most_recent"));
        QCOMPARE(s.field("tags")->typeExpression(), QStringLiteral("map(string)"));
        QVERIFY(s.field("tag")->isRepeatable());
    }

    void virtualboxAndVmware()
    {
        const ConfigSchema &vb = schemaOf(ComponentKind::Builder, "virtualbox-iso");
        QCOMPARE(vb.field("guest_additions_mode")->enumValues(),
            (QStringList{"upload", "attach", "disable"}));
        QCOMPARE(vb.field("vboxmanage")->typeExpression(), QStringLiteral("list(list(string))"));
        QCOMPARE(vb.field("disk_size")->type(), FieldType::Number);
        const ConfigSchema &vm = schemaOf(ComponentKind::Builder, "vmware-iso");
        QCOMPARE(vm.field("vmx_data")->typeExpression(), QStringLiteral("map(string)"));
        QVERIFY(vm.contains("iso_checksum"));
        const ConfigSchema &vmx = schemaOf(ComponentKind::Builder, "vmware-vmx");
        QVERIFY(vmx.field("source_path")->isRequired());
        QVERIFY(!vmx.contains("iso_url"));
    }

    void shellProvisioner()
    {
        const ConfigSchema &s = schemaOf(ComponentKind::Provisioner, "shell");
        QCOMPARE(s.field("inline")->typeExpression(), QStringLiteral("list(string)"));
        QCOMPARE(s.field("script")->type(), FieldType::Path);
        QCOMPARE(s.field("scripts")->element()->type(), FieldType::Path);
        QCOMPARE(s.field("valid_exit_codes")->typeExpression(), QStringLiteral("list(number)"));
        QCOMPARE(s.field("start_retry_timeout")->type(), FieldType::Duration);
        QVERIFY(!s.field("inline")->isRequired());
        const ExclusiveGroup &g = s.exclusiveGroups().first();
        QCOMPARE(g.keys, (QStringList{"inline", "script", "scripts"}));
        QCOMPARE(g.rule, ExclusiveGroup::Rule::ExactlyOne);
        QCOMPARE(g.missingMessage,
            QStringLiteral("Either a script file or inline script must be specified."));
        // Common provisioner options belong to the template layer, not to the schema.
        QVERIFY(!s.contains("pause_before"));
        QVERIFY(!s.contains("only"));
    }

    void otherProvisioners()
    {
        QCOMPARE(schemaOf(ComponentKind::Provisioner, "sleep").keys(), QStringList{"duration"});
        QCOMPARE(schemaOf(ComponentKind::Provisioner, "sleep").field("duration")->type(),
            FieldType::Duration);
        const ConfigSchema &file = schemaOf(ComponentKind::Provisioner, "file");
        QVERIFY(file.field("destination")->isRequired());
        QCOMPARE(file.field("direction")->enumValues(), (QStringList{"upload", "download"}));
        QCOMPARE(schemaOf(ComponentKind::Provisioner, "breakpoint").keys(),
            (QStringList{"note", "disable"}));
        QVERIFY(
            schemaOf(ComponentKind::Provisioner, "ansible").field("playbook_file")->isRequired());
        QVERIFY(schemaOf(ComponentKind::Provisioner, "powershell")
                    .field("elevated_password")
                    ->isSensitive());
        QCOMPARE(schemaOf(ComponentKind::Provisioner, "windows-restart")
                     .field("restart_timeout")
                     ->defaultText(),
            QStringLiteral("5m"));
        QVERIFY(
            schemaOf(ComponentKind::Provisioner, "shell-local").field("command")->isDeprecated());
        QVERIFY(schemaOf(ComponentKind::Provisioner, "chef-solo").contains("cookbook_paths"));
        QVERIFY(
            schemaOf(ComponentKind::Provisioner, "salt-masterless").contains("local_state_tree"));
        QVERIFY(
            schemaOf(ComponentKind::Provisioner, "puppet-masterless").contains("manifest_file"));
    }

    void postProcessorsAndDataSources()
    {
        const ConfigSchema &manifest = schemaOf(ComponentKind::PostProcessor, "manifest");
        QCOMPARE(manifest.field("output")->defaultText(), QStringLiteral("packer-manifest.json"));
        QCOMPARE(manifest.field("custom_data")->typeExpression(), QStringLiteral("map(string)"));
        QCOMPARE(schemaOf(ComponentKind::PostProcessor, "checksum")
                     .field("checksum_types")
                     ->typeExpression(),
            QStringLiteral("list(string)"));
        QCOMPARE(
            schemaOf(ComponentKind::PostProcessor, "compress").field("compression_level")->type(),
            FieldType::Number);
        QVERIFY(schemaOf(ComponentKind::PostProcessor, "artifice").contains("files"));
        QCOMPARE(
            schemaOf(ComponentKind::PostProcessor, "docker-tag").field("tags")->typeExpression(),
            QStringLiteral("list(string)"));
        QVERIFY(schemaOf(ComponentKind::PostProcessor, "docker-push")
                    .field("login_password")
                    ->isSensitive());
        QVERIFY(schemaOf(ComponentKind::PostProcessor, "vagrant").contains("vagrantfile_template"));
        QVERIFY(schemaOf(ComponentKind::DataSource, "http").field("url")->isRequired());
        QCOMPARE(
            schemaOf(ComponentKind::DataSource, "http").field("request_headers")->typeExpression(),
            QStringLiteral("map(string)"));
        QVERIFY(schemaOf(ComponentKind::DataSource, "null").field("input")->isRequired());
        const ComponentDescriptor *http = builtins().find(ComponentKind::DataSource, "http");
        QCOMPARE(http->outputs.keys(), (QStringList{"url", "body", "request_headers"}));
        QCOMPARE(builtins().find(ComponentKind::DataSource, "null")->outputs.keys(),
            QStringList{"output"});
    }

    void didYouMeanOverBuiltins()
    {
        QCOMPARE(builtins().suggest(ComponentKind::Builder, "vmware-isoo"),
            QStringLiteral("vmware-iso"));
        QCOMPARE(builtins().suggest(ComponentKind::Provisioner, "shel"), QStringLiteral("shell"));
        QCOMPARE(
            schemaOf(ComponentKind::Builder, "docker").suggest("imag"), QStringLiteral("image"));
        QCOMPARE(schemaOf(ComponentKind::Builder, "qemu").suggest("disk_sise"),
            QStringLiteral("disk_size"));
    }
};

QTEST_GUILESS_MAIN(TestBuiltins)
#include "tst_builtins.moc"
