#include "engine/template/upgrade/Hcl2Upgrader.h"

#include "engine/hcl/Formatter.h"
#include "engine/template/upgrade/HclValueText.h"
#include "engine/template/upgrade/JsonBodyText.h"
#include "engine/template/upgrade/TemplateTransposer.h"
#include "engine/template/upgrade/UpgradeAnnotations.h"

#include <algorithm>
#include <map>

namespace kiln::tmpl::upgrade {

namespace {

using legacy::LegacyBuilder;
using legacy::LegacyOnlyExcept;
using legacy::LegacyProvisioner;
using legacy::LegacyTemplate;

// command/meta.go knownPluginPrefixes: a component type starting with the
// prefix comes from that plugin.
const std::map<QString, QString> knownPluginPrefixes{
    {"amazon", "github.com/hashicorp/amazon"},
    {"ansible", "github.com/hashicorp/ansible"},
    {"azure", "github.com/hashicorp/azure"},
    {"docker", "github.com/hashicorp/docker"},
    {"googlecompute", "github.com/hashicorp/googlecompute"},
    {"qemu", "github.com/hashicorp/qemu"},
    {"vagrant", "github.com/hashicorp/vagrant"},
    {"virtualbox", "github.com/hashicorp/virtualbox"},
    {"vmware", "github.com/hashicorp/vmware"},
    {"vsphere", "github.com/hashicorp/vsphere"},
};

// The mapstructure keys of the amazon plugin's AccessConfig, which Packer
// copies from the builder into the amazon-ami data source it generates.
const QStringList awsAccessConfigKeys{"access_key", "assume_role", "custom_endpoint_ec2",
    "shared_credentials_file", "decode_authorization_messages", "insecure_skip_tls_verify",
    "max_retries", "mfa_code", "profile", "region", "secret_key", "skip_region_validation",
    "skip_metadata_api_check", "skip_credential_validation", "token", "vault_aws_engine",
    "aws_polling"};

struct Variable
{
    QString key;
    QString defaultValue;
    bool required = false;
};

struct Builder
{
    QString type;
    QString name;
    JsonMap config;
};

QString block(const QString &type, const QStringList &labels, const QString &body)
{
    QString out = type;
    for (const QString &l : labels)
        out += QLatin1Char(' ') + HclValueText::quoted(l);
    return out + QLatin1String(" {\n") + body + QLatin1String("}\n");
}

QString canonical(const JsonMap &m)
{
    QString out;
    for (const auto &[k, v] : m)
        out += HclValueText::quoted(k) + QLatin1Char('=') + HclValueText::value(v)
            + QLatin1Char('\n');
    return out;
}

class Upgrader
{
public:
    Upgrader(const LegacyTemplate &t, const QString &raw, const UpgradeOptions &o)
        : m_t(t)
        , m_raw(raw)
        , m_o(o)
    { }

    UpgradeResult run()
    {
        const QString packer = packerBlock();
        variables();
        builders();
        const QString ami = amazonAmiData();
        const QString sources = sourceBlocks();
        const QString build = buildBlock();
        const QString secrets = secretsData();

        QString out;
        out += annotated(packer, UpgradeAnnotations::packerBlock());
        out += annotated(m_variablesOut, UpgradeAnnotations::inputVariables());
        out += annotated(secrets, UpgradeAnnotations::amazonSecretsManagerData());
        out += annotated(ami, UpgradeAnnotations::amazonAmiData());
        out += localsSection();
        out += annotated(sources, UpgradeAnnotations::sources());
        out += build;

        UpgradeResult r;
        if (m_o.withAnnotations)
            r.output = UpgradeAnnotations::file().toUtf8();
        r.output += hcl::formatHcl(out.toUtf8());
        r.errors = m_errors;
        r.exitCode = m_errors.isEmpty() ? 0 : 1;
        return r;
    }

private:
    QString annotated(const QString &text, const QString &header) const
    {
        if (text.isEmpty())
            return {};
        return (m_o.withAnnotations ? header : QString()) + text;
    }

    void addPlugin(const QString &type, QStringList &plugins) const
    {
        for (const auto &[prefix, plugin] : knownPluginPrefixes)
            if (type.startsWith(prefix) && !plugins.contains(plugin))
                plugins << plugin;
    }

    QString packerBlock() const
    {
        QStringList plugins;
        for (const LegacyBuilder &b : m_t.builders)
            addPlugin(b.type, plugins);
        for (const LegacyProvisioner &p : m_t.provisioners)
            addPlugin(p.type, plugins);
        for (const auto &list : m_t.postProcessors)
            for (const auto &pp : list)
                addPlugin(pp.type, plugins);
        std::sort(plugins.begin(), plugins.end());
        if (m_t.minVersion.isEmpty() && plugins.isEmpty())
            return {};
        QString body;
        if (!m_t.minVersion.isEmpty())
            body += QLatin1String("required_version = ")
                + HclValueText::quoted(QLatin1String(">= ") + m_t.minVersion) + QLatin1Char('\n');
        if (!plugins.isEmpty()) {
            QString req;
            for (const QString &p : plugins)
                req += QString(p).replace(QLatin1String("github.com/hashicorp/"), QString())
                    + QLatin1String(" = {\nsource = ") + HclValueText::quoted(p)
                    + QLatin1String("\nversion = \"~> 1\"\n}\n");
            body += block(QStringLiteral("required_plugins"), {}, req);
        }
        return block(QStringLiteral("packer"), {}, body);
    }

    void variables()
    {
        std::map<QString, Variable> vars;
        for (const auto &v : m_t.variables)
            vars[v.name] = Variable{v.name, v.defaultValue, v.required};
        // Variables a var-file could set: referenced but not declared.
        for (const QString &name : TemplateTransposer::referencedUserVariables(m_raw))
            if (!vars.count(name))
                vars[name] = Variable{name, QString(), true};

        QString localsBody;
        for (const auto &[key, v] : vars) {
            bool isLocal = false;
            m_tx.transposeVariable(v.defaultValue, &isLocal);
            const bool sensitive = m_t.sensitiveVariables.contains(key);
            const QString value = HclValueText::quoted(v.defaultValue);
            if (isLocal) {
                m_tx.markLocal(key);
                if (sensitive) {
                    m_localsOut += m_tx.transpose(QLatin1Char('\n')
                        + block(QStringLiteral("local"), {key},
                            QLatin1String("sensitive = true\nexpression = ") + value
                                + QLatin1Char('\n')));
                } else {
                    localsBody += key + QLatin1String(" = ") + value + QLatin1Char('\n');
                }
                continue;
            }
            QString body = QStringLiteral("type = string\n");
            if (!v.defaultValue.isEmpty() || !v.required)
                body += QLatin1String("default = ") + value + QLatin1Char('\n');
            if (sensitive)
                body += QLatin1String("sensitive = true\n");
            m_variablesOut += m_tx.transposeVariable(
                QLatin1Char('\n') + block(QStringLiteral("variable"), {key}, body), nullptr);
        }
        if (!localsBody.isEmpty())
            m_localsOut += m_tx.transpose(
                QLatin1Char('\n') + block(QStringLiteral("locals"), {}, localsBody));
    }

    void builders()
    {
        for (const LegacyBuilder &b : m_t.builders)
            m_builders.push_back(Builder{b.type, b.name, JsonBodyText::toMap(b.config)});
        std::stable_sort(m_builders.begin(), m_builders.end(),
            [](const Builder &a, const Builder &b) { return a.type + a.name < b.type + b.name; });
    }

    QString amazonAmiData()
    {
        QString out;
        std::vector<QString> filters; // canonical text of each generated data source
        for (Builder &b : m_builders) {
            if (!b.type.startsWith(QLatin1String("amazon-")))
                continue;
            const auto it = b.config.find(QStringLiteral("source_ami_filter"));
            if (it == b.config.end())
                continue;
            if (!it->second.isObject() && !it->second.isNull()) {
                m_errors << QStringLiteral("Ignoring following amazonAmiDatasource.Parse error: "
                                           "Failed to write amazon-ami data source: '' expected a "
                                           "map, got '%1'")
                                .arg(JsonValue::kindName(it->second.kind()));
                return out;
            }
            JsonMap filter = JsonBodyText::toMap(it->second);
            for (const QString &k : awsAccessConfigKeys)
                if (const auto a = b.config.find(k); a != b.config.end())
                    filter[k] = a->second;
            const QString key = canonical(filter);
            const auto dup = std::find(filters.begin(), filters.end(), key);
            const qsizetype index
                = dup == filters.end() ? qsizetype(filters.size()) : dup - filters.begin();
            const QString name = QStringLiteral("autogenerated_%1").arg(index + 1);
            b.config.erase(it);
            // Packer's hack: a template call the source transposition turns
            // into a reference to the data source.
            b.config[QStringLiteral("source_ami")] = JsonBodyText::stringValue(
                QStringLiteral("{{ data `amazon-ami.%1.id` }}").arg(name));
            if (dup != filters.end())
                continue;
            filters.push_back(key);
            out += m_tx.transpose(QLatin1Char('\n')
                + block(QStringLiteral("data"), {QStringLiteral("amazon-ami"), name},
                    JsonBodyText::body(filter)));
        }
        return out;
    }

    QString sourceBlocks()
    {
        QString out;
        QStringList unknown;
        for (size_t i = 0; i < m_builders.size(); ++i) {
            Builder &b = m_builders[i];
            if (!m_o.knownBuilders.contains(b.type))
                unknown << b.type;
            if (b.name.isEmpty() || b.name == b.type)
                b.name = QStringLiteral("autogenerated_%1").arg(i + 1);
            b.name = b.name.trimmed().replace(QLatin1Char(' '), QLatin1Char('_'));
            out += m_tx.transpose(QLatin1Char('\n')
                + block(QStringLiteral("source"), {b.type, b.name}, JsonBodyText::body(b.config)));
        }
        if (!unknown.isEmpty())
            m_errors << QStringLiteral("Ignoring following sources.Parse error: unknown builder "
                                       "type(s): [%1]\n")
                            .arg(unknown.join(QLatin1Char(' ')));
        return out;
    }

    static void addOnlyExcept(JsonMap &cfg, const LegacyOnlyExcept &oe)
    {
        if (!oe.except.isEmpty())
            cfg[QStringLiteral("except")] = JsonBodyText::stringListValue(oe.except);
        if (!oe.only.isEmpty())
            cfg[QStringLiteral("only")] = JsonBodyText::stringListValue(oe.only);
    }

    QString provisioner(const QString &blockType, const LegacyProvisioner &p)
    {
        JsonMap cfg = JsonBodyText::toMap(p.config);
        addOnlyExcept(cfg, p.onlyExcept);
        if (!p.maxRetries.isEmpty())
            cfg[QStringLiteral("max_retries")] = JsonBodyText::stringValue(p.maxRetries);
        if (p.timeoutMs > 0)
            cfg[QStringLiteral("timeout")]
                = JsonBodyText::stringValue(Hcl2Upgrader::goDuration(p.timeoutMs));
        if (p.pauseBeforeMs > 0)
            cfg[QStringLiteral("pause_before")]
                = JsonBodyText::stringValue(Hcl2Upgrader::goDuration(p.pauseBeforeMs));
        return m_tx.transpose(
            block(blockType, {p.type}, JsonBodyText::body(cfg)) + QLatin1Char('\n'));
    }

    QString postProcessors()
    {
        QString out;
        for (const auto &list : m_t.postProcessors) {
            if (list.isEmpty())
                continue;
            QString text;
            for (const auto &pp : list) {
                JsonMap cfg = JsonBodyText::toMap(pp.config);
                addOnlyExcept(cfg, pp.onlyExcept);
                if (!pp.name.isEmpty() && pp.name != pp.type)
                    cfg[QStringLiteral("name")] = JsonBodyText::stringValue(pp.name);
                QString body;
                if (pp.keepInputArtifact)
                    body += QLatin1String("keep_input_artifact = ")
                        + (*pp.keepInputArtifact ? QLatin1String("true") : QLatin1String("false"))
                        + QLatin1Char('\n');
                text += block(
                    QStringLiteral("post-processor"), {pp.type}, body + JsonBodyText::body(cfg));
            }
            if (list.size() > 1)
                text = block(QStringLiteral("post-processors"), {}, text);
            out += m_tx.transpose(text);
        }
        return out;
    }

    QString buildBlock()
    {
        if (m_builders.empty())
            return {};
        QString body;
        if (!m_t.description.isEmpty())
            body += QLatin1String("description = ") + HclValueText::quoted(m_t.description)
                + QLatin1String("\n\n");
        QStringList sources;
        for (const Builder &b : m_builders)
            sources << QStringLiteral("source.%1.%2").arg(b.type, b.name);
        body += QLatin1String("sources = ") + HclValueText::stringList(sources)
            + QLatin1String("\n\n");
        for (const LegacyProvisioner &p : m_t.provisioners)
            body += provisioner(QStringLiteral("provisioner"), p);
        if (m_t.cleanupProvisioner)
            body += provisioner(
                QStringLiteral("error-cleanup-provisioner"), *m_t.cleanupProvisioner);
        body += postProcessors();
        return (m_o.withAnnotations ? UpgradeAnnotations::build() : QStringLiteral("\n"))
            + QLatin1String("build {\n") + body + QLatin1String("}\n");
    }

    QString secretsData() const
    {
        QString out;
        for (const auto &[id, ref] : m_tx.secrets()) {
            JsonMap m;
            m[QStringLiteral("name")] = JsonBodyText::stringValue(ref.name);
            if (ref.key)
                m[QStringLiteral("key")] = JsonBodyText::stringValue(*ref.key);
            out += QLatin1Char('\n')
                + block(QStringLiteral("data"), {QStringLiteral("amazon-secretsmanager"), id},
                    JsonBodyText::body(m));
        }
        return out;
    }

    QString localsSection() const
    {
        QString out;
        if (m_tx.usesTimestamp()) {
            out += QLatin1Char('\n');
            if (m_o.withAnnotations)
                out += QLatin1String("# \"timestamp\" template function replacement\n");
            out += QLatin1String(
                "locals { timestamp = regex_replace(timestamp(), \"[- TZ:]\", \"\") }\n");
        }
        if (m_tx.usesIsotime())
            out += QLatin1String(
                "# The \"legacy_isotime\" function has been provided for backwards "
                "compatability, but we recommend switching to the timestamp and "
                "formatdate functions.\n");
        if (m_tx.usesStrftime())
            out += QLatin1String(
                "# The \"legacy_strftime\" function has been provided for backwards "
                "compatability, but we recommend switching to the timestamp and "
                "formatdate functions.\n");
        return out + annotated(m_localsOut, UpgradeAnnotations::locals());
    }

    const LegacyTemplate &m_t;
    const QString &m_raw;
    const UpgradeOptions &m_o;
    TemplateTransposer m_tx;
    std::vector<Builder> m_builders;
    QString m_variablesOut;
    QString m_localsOut;
    QStringList m_errors;
};

} // namespace

UpgradeResult Hcl2Upgrader::upgrade(
    const LegacyTemplate &tmpl, const QString &rawSource, const UpgradeOptions &options)
{
    return Upgrader(tmpl, rawSource, options).run();
}

QString Hcl2Upgrader::fileHeader()
{
    return UpgradeAnnotations::file();
}

QString Hcl2Upgrader::goDuration(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0s");
    QString sign = ms < 0 ? QStringLiteral("-") : QString();
    ms = qAbs(ms);
    if (ms < 1000)
        return sign + QString::number(ms) + QLatin1String("ms");
    const qint64 h = ms / 3600000;
    const qint64 m = (ms / 60000) % 60;
    const qint64 sMs = ms % 60000;
    QString secs = QString::number(sMs / 1000);
    if (sMs % 1000) {
        QString frac = QStringLiteral("%1").arg(sMs % 1000, 3, 10, QLatin1Char('0'));
        while (frac.endsWith(QLatin1Char('0')))
            frac.chop(1);
        secs += QLatin1Char('.') + frac;
    }
    QString out = sign;
    if (h > 0)
        out += QString::number(h) + QLatin1Char('h');
    if (h > 0 || m > 0)
        out += QString::number(m) + QLatin1Char('m');
    return out + secs + QLatin1Char('s');
}

} // namespace kiln::tmpl::upgrade
