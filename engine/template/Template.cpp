#include "engine/template/Template.h"

#include "engine/template/TemplateFunctions.h"

#include <QMutex>

#include <map>

namespace kiln::tmpl {

using hcl::Value;

SourceRef SourceRef::fromString(const QString &text)
{
    QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() < 2)
        return {};
    if (parts.size() > 2)
        parts = parts.mid(1);
    return {parts[0], parts[1]};
}

bool OnlyExcept::skip(const QString &name) const
{
    if (!only.isEmpty())
        return !only.contains(name);
    if (!except.isEmpty())
        return except.contains(name);
    return false;
}

const SourceBlock *Template::source(const SourceRef &ref) const
{
    for (const SourceBlock &s : sources)
        if (s.type == ref.type && s.name == ref.name)
            return &s;
    return nullptr;
}

const DataSourceBlock *Template::dataSource(const QString &type, const QString &name) const
{
    for (const DataSourceBlock &d : dataSources)
        if (d.type == type && d.name == name)
            return &d;
    return nullptr;
}

QHash<QString, QByteArray> Template::sourceBytes() const
{
    QHash<QString, QByteArray> out;
    for (const hcl::File &f : files)
        out.insert(f.filename, f.source);
    return out;
}

namespace {

QMap<QString, Value> variableValues(const QMap<QString, Variable> &vars)
{
    // `vars` is sorted: appending at the end costs O(1) per variable, where
    // QMap::insert would search the tree for each of thousands of them.
    std::map<QString, Value> out;
    for (auto it = vars.cbegin(); it != vars.cend(); ++it)
        out.emplace_hint(out.end(), it.key(), it->rawValue());
    return QMap<QString, Value>(std::move(out));
}

} // namespace

struct Template::EvalCache
{
    QMutex mutex;
    // Shallow copies: while the template's map is unchanged it still shares its data
    // with the copy; any write to it detaches, which isSharedWith() notices.
    QMap<QString, Variable> vars[2];
    Value objects[2];
    bool valid[2] = {false, false};
};

Template::Template()
    : m_evalCache(std::make_shared<EvalCache>())
{
}

Value Template::cachedObject(const QMap<QString, Variable> &vars, bool locals) const
{
    if (!m_evalCache) // a moved-from template
        return Value::object(variableValues(vars));
    EvalCache &c = *m_evalCache;
    QMutexLocker lock(&c.mutex);
    const int i = locals ? 1 : 0;
    // Empty maps share no data, so they are always rebuilt (which costs nothing).
    if (!c.valid[i] || !c.vars[i].isSharedWith(vars) || vars.isEmpty()) {
        c.vars[i] = vars;
        c.objects[i] = Value::object(variableValues(vars));
        c.valid[i] = true;
    }
    return c.objects[i];
}

hcl::EvalContext Template::evalContext(BlockContext ctx, const QMap<QString, Value> &extra) const
{
    hcl::EvalContext ectx;
    ectx.functions = templateFunctions(basedir);
    ectx.variables.insert(QStringLiteral("var"), cachedObject(inputVariables, false));
    ectx.variables.insert(QStringLiteral("local"), cachedObject(localVariables, true));
    ectx.variables.insert(QStringLiteral("source"),
                          Value::object({{QStringLiteral("type"), Value::unknown(hcl::Type::string())},
                                         {QStringLiteral("name"), Value::unknown(hcl::Type::string())}}));
    ectx.variables.insert(QStringLiteral("build"), Value::unknown(hcl::Type::object({})));
    QString cwdSlash = cwd;
    QString rootSlash = basedir;
    ectx.variables.insert(QStringLiteral("path"),
                          Value::object({{QStringLiteral("cwd"), Value::string(cwdSlash.replace(QLatin1Char('\\'), QLatin1Char('/')))},
                                         {QStringLiteral("root"), Value::string(rootSlash.replace(QLatin1Char('\\'), QLatin1Char('/')))}}));
    ectx.variables.insert(QStringLiteral("packer"),
                          Value::object({{QStringLiteral("version"), Value::string(coreVersion)},
                                         {QStringLiteral("iterationID"), Value::unknown(hcl::Type::string())},
                                         {QStringLiteral("versionFingerprint"), Value::unknown(hcl::Type::string())}}));
    if (ctx == BlockContext::Local || ctx == BlockContext::Build || ctx == BlockContext::DataSource) {
        // data.<type> is a map of the data sources of that type, by name (as Packer).
        QMap<QString, QMap<QString, Value>> byType;
        for (const DataSourceBlock &d : dataSources)
            if (d.value)
                byType[d.type].insert(d.name, *d.value);
        QMap<QString, Value> data;
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            data.insert(it.key(), Value::map(it.value()));
        ectx.variables.insert(QStringLiteral("data"), Value::object(data));
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        ectx.variables.insert(it.key(), it.value());
    return ectx;
}

QStringList Template::sensitiveVariableNames() const
{
    QStringList out;
    for (const Variable &v : inputVariables)
        if (v.sensitive)
            out << v.name;
    return out;
}

namespace {

void collectStrings(const Value &v, QStringList &out)
{
    if (v.isNull() || !v.isKnown())
        return;
    const hcl::Type &t = v.type();
    if (t.kind() == hcl::Type::Kind::String) {
        if (!v.asString().isEmpty() && !out.contains(v.asString()))
            out << v.asString();
        return;
    }
    if (t.isCollection() || t.isStructural())
        for (const Value &e : v.elements())
            collectStrings(e, out);
}

} // namespace

QStringList Template::secrets() const
{
    QStringList out;
    for (const Variable &v : inputVariables)
        if (v.sensitive)
            collectStrings(v.rawValue().unmarkedDeep(), out);
    for (const Variable &v : localVariables)
        if (v.sensitive)
            collectStrings(v.rawValue().unmarkedDeep(), out);
    return out;
}

} // namespace kiln::tmpl
