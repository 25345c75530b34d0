#include "engine/template/legacy/LegacyTemplateParser.h"

#include "engine/hcl/json/JsonParser.h"
#include "engine/template/legacy/GoDecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <initializer_list>

namespace kiln::tmpl::legacy {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::json::JsonMember;
using hcl::json::JsonParser;

namespace {

// The object without the meta keys Packer deletes from a component's config
// (exact, case-sensitive keys, as Go's delete()).
JsonValue withoutKeys(const JsonValue &object, std::initializer_list<const char *> keys)
{
    std::vector<JsonMember> kept;
    for (const JsonMember &m : object.members()) {
        bool drop = false;
        for (const char *k : keys)
            drop = drop || m.key == QLatin1String(k);
        if (!drop)
            kept.push_back(m);
    }
    return JsonValue::makeObject(std::move(kept), object.range());
}

const JsonValue *fieldValue(const JsonValue &object, QStringView key)
{
    const JsonMember *m = GoDecoder::field(object, key);
    return m ? &m->value : nullptr;
}

// Packer's checkForDuplicateFields: depth first, the first repeated key wins.
bool findDuplicate(const JsonValue &v, Diagnostics &diags)
{
    if (v.isObject()) {
        QSet<QString> seen;
        for (const JsonMember &m : v.members()) {
            if (seen.contains(m.key)) {
                diags += Diagnostic::error(QStringLiteral("template has duplicate field: %1").arg(m.key),
                                           {}, m.keyRange);
                return true;
            }
            seen.insert(m.key);
            if (findDuplicate(m.value, diags))
                return true;
        }
    } else if (v.isArray()) {
        for (const JsonValue &e : v.elements())
            if (findDuplicate(e, diags))
                return true;
    }
    return false;
}

void addDecodeErrors(const GoDecoder &d, const QString &prefix, Diagnostics &diags)
{
    for (const GoDecoder::Error &e : d.errors())
        diags += Diagnostic::error(prefix + e.message, {}, e.range);
}

LegacyOnlyExcept decodeOnlyExcept(GoDecoder &d, const JsonValue &object)
{
    LegacyOnlyExcept oe;
    const JsonValue *only = fieldValue(object, u"only");
    const JsonValue *except = fieldValue(object, u"except");
    oe.only = d.stringList(QStringLiteral("Only"), only);
    oe.except = d.stringList(QStringLiteral("Except"), except);
    if (only)
        oe.onlyRange = only->range();
    if (except)
        oe.exceptRange = except->range();
    return oe;
}

// rawTemplate.decodeProvisioner; the error text excludes the caller's prefix.
std::optional<LegacyProvisioner> decodeProvisioner(const JsonValue &raw, const QString &prefix,
                                                   Diagnostics &diags)
{
    const QString decoding = prefix + QStringLiteral("Error decoding provisioner: ");
    if (!raw.isObject()) {
        diags += Diagnostic::error(decoding + QStringLiteral("'' expected a map, got '%1'")
                                                  .arg(raw.isArray() ? QStringLiteral("slice")
                                                                     : GoDecoder::goTypeName(raw)),
                                   {}, raw.range());
        return std::nullopt;
    }
    GoDecoder d(true);
    LegacyProvisioner p;
    p.type = d.string(QStringLiteral("Type"), fieldValue(raw, u"type"));
    p.onlyExcept = decodeOnlyExcept(d, raw);
    const JsonValue *override = fieldValue(raw, u"override");
    if (d.map(QStringLiteral("Override"), override) && override && override->isObject())
        p.override = *override;
    p.pauseBeforeMs = d.durationMs(QStringLiteral("pause_before"), fieldValue(raw, u"pause_before"));
    p.maxRetries = d.string(QStringLiteral("max_retries"), fieldValue(raw, u"max_retries"));
    p.timeoutMs = d.durationMs(QStringLiteral("timeout"), fieldValue(raw, u"timeout"));
    d.map(QStringLiteral("Config"), fieldValue(raw, u"config"));
    if (d.hasErrors()) {
        addDecodeErrors(d, decoding, diags);
        return std::nullopt;
    }
    if (p.type.isEmpty()) {
        diags += Diagnostic::error(prefix + QStringLiteral("Provisioner missing 'type'"), {},
                                   raw.openRange());
        return std::nullopt;
    }
    p.raw = raw;
    p.config = withoutKeys(raw, {"except", "only", "override", "pause_before", "max_retries", "type",
                                 "timeout"});
    return p;
}

class ContentReader
{
public:
    ContentReader(LegacyTemplate &t, Diagnostics &diags)
        : m_t(t)
        , m_diags(diags)
    {
    }

    void variables(const JsonValue *vars, const QStringList &sensitive)
    {
        if (!vars || !vars->isObject())
            return;
        for (const JsonMember &m : vars->members()) {
            if (!m.value.isNull() && !m.value.isString()) {
                GoDecoder d(false);
                d.string(QString(), &m.value);
                addDecodeErrors(d, QStringLiteral("variable %1: ").arg(m.key), m_diags);
                continue;
            }
            LegacyVariable v;
            v.name = m.key;
            v.required = m.value.isNull();
            v.defaultValue = m.value.text();
            v.sensitive = sensitive.contains(m.key);
            v.keyRange = m.keyRange;
            v.valueRange = m.value.range();
            m_t.variables.append(v);
        }
    }

    void builders(const JsonValue *list)
    {
        if (!list || !list->isArray())
            return;
        int i = 0;
        for (const JsonValue &raw : list->elements()) {
            const QString prefix = QStringLiteral("builder %1: ").arg(++i);
            if (!raw.isObject()) {
                m_diags += Diagnostic::error(prefix + QStringLiteral("'' expected a map, got '%1'")
                                                          .arg(raw.isArray() ? QStringLiteral("slice")
                                                                             : GoDecoder::goTypeName(raw)),
                                             {}, raw.range());
                continue;
            }
            GoDecoder d(true);
            const JsonValue *nameValue = fieldValue(raw, u"name");
            const JsonValue *typeValue = fieldValue(raw, u"type");
            LegacyBuilder b;
            b.name = d.string(QStringLiteral("Name"), nameValue);
            b.type = d.string(QStringLiteral("Type"), typeValue);
            d.map(QStringLiteral("Config"), fieldValue(raw, u"config"));
            if (d.hasErrors()) {
                addDecodeErrors(d, prefix, m_diags);
                continue;
            }
            if (b.type.isEmpty()) {
                m_diags += Diagnostic::error(prefix + QStringLiteral("missing 'type'"), {}, raw.openRange());
                continue;
            }
            b.nameRange = nameValue ? nameValue->range() : typeValue->range();
            if (b.name.isEmpty()) {
                b.name = b.type;
                b.nameDefaulted = true;
                b.nameRange = typeValue->range();
            }
            if (m_t.builder(b.name)) {
                m_diags += Diagnostic::error(
                    prefix + QStringLiteral("builder with name '%1' already exists").arg(b.name), {},
                    b.nameRange);
                continue;
            }
            b.raw = raw;
            b.config = withoutKeys(raw, {"name", "type"});
            m_t.builders.append(b);
        }
    }

    void postProcessors(const JsonValue *list)
    {
        if (!list || !list->isArray())
            return;
        int i = 0;
        for (const JsonValue &entry : list->elements()) {
            ++i;
            // The three forms: "type", {...}, or a chain [ "type" | {...}, ... ].
            QList<const JsonValue *> configs;
            if (entry.isString() || entry.isObject()) {
                configs << &entry;
            } else if (entry.isArray()) {
                bool bad = false;
                int j = 0;
                for (const JsonValue &inner : entry.elements()) {
                    ++j;
                    if (inner.isString() || inner.isObject()) {
                        configs << &inner;
                        continue;
                    }
                    bad = true;
                    m_diags += Diagnostic::error(
                        QStringLiteral("post-processor %1.%2: %3")
                            .arg(i)
                            .arg(j)
                            .arg(inner.isArray() ? QStringLiteral("sequence not allowed to be nested in a sequence")
                                                 : QStringLiteral("unknown format")),
                        {}, inner.range());
                }
                if (bad)
                    continue;
            } else {
                m_diags += Diagnostic::error(QStringLiteral("post-processor %1: bad format").arg(i), {},
                                             entry.range());
                continue;
            }
            QList<LegacyPostProcessor> chain;
            int j = 0;
            for (const JsonValue *c : configs) {
                const QString prefix = QStringLiteral("post-processor %1.%2: ").arg(i).arg(++j);
                LegacyPostProcessor pp;
                pp.range = c->range();
                if (c->isString()) {
                    pp.type = c->text();
                    pp.config = JsonValue::makeObject({}, c->range());
                } else {
                    GoDecoder d(false);
                    pp.onlyExcept = decodeOnlyExcept(d, *c);
                    pp.name = d.string(QStringLiteral("Name"), fieldValue(*c, u"name"));
                    pp.type = d.string(QStringLiteral("Type"), fieldValue(*c, u"type"));
                    pp.keepInputArtifact
                        = d.boolean(QStringLiteral("keep_input_artifact"), fieldValue(*c, u"keep_input_artifact"));
                    d.map(QStringLiteral("Config"), fieldValue(*c, u"config"));
                    if (d.hasErrors()) {
                        addDecodeErrors(d, prefix, m_diags);
                        continue;
                    }
                    pp.config = withoutKeys(*c, {"except", "only", "keep_input_artifact", "type", "name"});
                }
                if (pp.type.isEmpty()) {
                    m_diags += Diagnostic::error(prefix + QStringLiteral("type is required"), {},
                                                 c->isObject() ? c->openRange() : c->range());
                    continue;
                }
                if (pp.name.isEmpty())
                    pp.name = pp.type;
                chain.append(pp);
            }
            m_t.postProcessors.append(chain);
        }
    }

    void provisioners(const JsonValue *list)
    {
        if (!list || !list->isArray())
            return;
        int i = 0;
        for (const JsonValue &raw : list->elements()) {
            const QString prefix = QStringLiteral("provisioner %1: ").arg(++i);
            if (std::optional<LegacyProvisioner> p = decodeProvisioner(raw, prefix, m_diags))
                m_t.provisioners.append(*p);
        }
    }

    void cleanupProvisioner(const JsonValue *raw)
    {
        if (!raw || raw->isNull())
            return;
        const QString prefix = QStringLiteral("On Error Cleanup Provisioner error: ");
        if (std::optional<LegacyProvisioner> p = decodeProvisioner(*raw, prefix, m_diags))
            m_t.cleanupProvisioner = *p;
    }

private:
    LegacyTemplate &m_t;
    Diagnostics &m_diags;
};

} // namespace

LegacyParseResult LegacyTemplateParser::parse(const QByteArray &source, const QString &filename)
{
    LegacyParseResult r;
    hcl::json::JsonParseResult json = JsonParser::parse(source, filename);
    if (json.diagnostics.hasErrors()) {
        r.diagnostics = json.diagnostics;
        return r;
    }
    const JsonValue &root = json.value;
    if (findDuplicate(root, r.diagnostics))
        return r;
    if (root.isNull())
        return r; // mapstructure decodes nil into the zero template
    if (!root.isObject()) {
        r.diagnostics += Diagnostic::error(QStringLiteral("'' expected a map, got '%1'")
                                               .arg(root.isArray() ? QStringLiteral("slice")
                                                                   : GoDecoder::goTypeName(root)),
                                           {}, root.range());
        return r;
    }

    // The root keys and their Go field names, as mapstructure reports them.
    struct RootField
    {
        const char16_t *key;
        const char *goName;
    };
    static const RootField fields[] = {
        {u"min_packer_version", "min_packer_version"}, {u"description", "Description"},
        {u"builders", "builders"}, {u"comments", "Comments"}, {u"push", "Push"},
        {u"post-processors", "post-processors"}, {u"provisioners", "Provisioners"},
        {u"error-cleanup-provisioner", "error-cleanup-provisioner"}, {u"variables", "Variables"},
        {u"sensitive-variables", "sensitive-variables"},
    };
    GoDecoder d(false);
    QSet<const JsonMember *> used;
    auto take = [&](QStringView key) -> const JsonValue * {
        const JsonMember *m = GoDecoder::field(root, key);
        if (!m)
            return nullptr;
        used.insert(m);
        return &m->value;
    };
    LegacyTemplate &t = r.tmpl;
    for (const RootField &f : fields) {
        const QString goName = QString::fromLatin1(f.goName);
        const JsonValue *v = take(f.key);
        const QStringView key(f.key);
        if (key == u"min_packer_version") {
            t.minVersion = d.string(goName, v);
            if (v)
                t.minVersionRange = v->range();
        } else if (key == u"description") {
            t.description = d.string(goName, v);
        } else if (key == u"push" || key == u"variables") {
            d.map(goName, v);
        } else if (key == u"sensitive-variables") {
            t.sensitiveVariables = d.stringList(goName, v);
        } else if (key == u"comments") {
            if (d.slice(goName, v) && v) {
                int i = 0;
                for (const JsonValue &c : v->elements()) {
                    const QString name = QStringLiteral("Comments[%1]").arg(i++);
                    if (d.map(name, &c) && c.isObject())
                        for (const JsonMember &m : c.members())
                            t.comments.append({m.key, d.string(name + QStringLiteral("[") + m.key + QStringLiteral("]"), &m.value)});
                }
            }
        } else if (key != u"error-cleanup-provisioner") {
            d.slice(goName, v);
        }
    }
    if (d.hasErrors()) {
        addDecodeErrors(d, QString(), r.diagnostics);
        return r;
    }

    // Like mapstructure's Metadata.Unused, Packer walks the unused keys sorted.
    QList<const JsonMember *> unused;
    for (const JsonMember &m : root.members())
        if (!used.contains(&m))
            unused.append(&m);
    std::stable_sort(unused.begin(), unused.end(),
                     [](const JsonMember *a, const JsonMember *b) { return a->key < b->key; });
    for (const JsonMember *m : unused) {
        if (m->key.startsWith(QLatin1Char('_'))) {
            if (!m->value.isString()) {
                r.diagnostics.clear();
                r.diagnostics += Diagnostic::error(
                    QStringLiteral("Failed to cast root level comment value in comment \"%1\" to string.")
                        .arg(m->key),
                    {}, m->value.range());
                return r;
            }
            t.comments.append({m->key, m->value.text()});
            continue;
        }
        r.diagnostics += Diagnostic::error(
            QStringLiteral("Unknown root level key in template: '%1'").arg(m->key), {}, m->keyRange);
    }
    if (r.diagnostics.hasErrors())
        return r;

    ContentReader reader(t, r.diagnostics);
    reader.variables(fieldValue(root, u"variables"), t.sensitiveVariables);
    reader.builders(fieldValue(root, u"builders"));
    reader.postProcessors(fieldValue(root, u"post-processors"));
    reader.provisioners(fieldValue(root, u"provisioners"));
    reader.cleanupProvisioner(fieldValue(root, u"error-cleanup-provisioner"));
    return r;
}

LegacyParseResult LegacyTemplateParser::parseFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        LegacyParseResult r;
        r.diagnostics += Diagnostic::error(QStringLiteral("open %1: %2").arg(path, f.errorString()));
        return r;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    LegacyParseResult r = parse(f.readAll(), path);
    r.tmpl.path = absolute;
    return r;
}

bool LegacyTemplateParser::looksLegacy(const QByteArray &source)
{
    const hcl::json::JsonParseResult json = JsonParser::parse(source, QString());
    return !json.diagnostics.hasErrors() && json.value.isObject()
        && GoDecoder::field(json.value, u"builders") != nullptr;
}

} // namespace kiln::tmpl::legacy
