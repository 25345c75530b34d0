#include "engine/template/edit/JsonPipelineDocument.h"

#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/json/JsonBody.h"
#include "engine/hcl/json/JsonParser.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::JsonTextEditor;
using hcl::json::JsonValue;

namespace {

hcl::SourceRange memberRange(const hcl::json::JsonMember &m)
{
    hcl::SourceRange r = m.keyRange;
    r.end = m.value.range().end;
    return r;
}

QString keyFor(BlockAddress::Kind kind)
{
    switch (kind) {
    case BlockAddress::Kind::Provisioner:
        return QStringLiteral("provisioner");
    case BlockAddress::Kind::PostProcessor:
        return QStringLiteral("post-processor");
    case BlockAddress::Kind::ErrorCleanupProvisioner:
        return QStringLiteral("error-cleanup-provisioner");
    default:
        return {};
    }
}

} // namespace

JsonPipelineDocument::JsonPipelineDocument(QString fileName, QString text)
    : PipelineDocument(std::move(fileName), std::move(text))
{
    auto parsed = hcl::json::JsonParser::parse(source().bytes(), this->fileName());
    if (parsed.diagnostics.hasErrors())
        setParseError(describe(parsed.diagnostics));
    else if (!parsed.value.isObject())
        setParseError(QStringLiteral("%1: the root of a JSON template must be an object")
                          .arg(this->fileName()));
    m_root = std::move(parsed.value);
}

QString JsonPipelineDocument::checkParses(const QByteArray &bytes) const
{
    hcl::Diagnostics diags;
    hcl::json::parseJsonConfig(bytes, fileName(), diags);
    return describe(diags);
}

QList<const JsonValue *> JsonPipelineDocument::builds() const
{
    QList<const JsonValue *> out;
    for (const auto &m : m_root.members()) {
        if (m.key != QLatin1String("build"))
            continue;
        if (m.value.isObject())
            out.append(&m.value);
        else if (m.value.isArray())
            for (const auto &e : m.value.elements())
                if (e.isObject())
                    out.append(&e);
    }
    return out;
}

QList<JsonPipelineDocument::Entry> JsonPipelineDocument::entries(
    const JsonValue &build, const QString &key) const
{
    QList<Entry> out;
    for (const auto &m : build.members()) {
        if (m.key != key)
            continue;
        if (m.value.isArray()) {
            for (int i = 0; i < int(m.value.elements().size()); ++i)
                for (const auto &typed : m.value.elements()[size_t(i)].members())
                    out.append({typed.key, &typed.value, &m.value, i,
                        m.value.elements()[size_t(i)].range()});
        } else if (m.value.isObject()) {
            for (int i = 0; i < int(m.value.members().size()); ++i) {
                const auto &typed = m.value.members()[size_t(i)];
                out.append({typed.key, &typed.value, &m.value, i, memberRange(typed)});
            }
        }
    }
    return out;
}

QList<JsonPipelineDocument::Entry> JsonPipelineDocument::entriesFor(
    int build, Kind kind, QString *error) const
{
    const auto all = builds();
    if (build < 0 || build >= all.size()) {
        *error = noBuild(fileName(), build, int(all.size()));
        return {};
    }
    if (kind == Kind::ChainPostProcessor) {
        *error = QStringLiteral("Post-processor chains are not editable in HCL JSON templates");
        return {};
    }
    return entries(*all[build], keyFor(kind));
}

QList<JsonPipelineDocument::Found> JsonPipelineDocument::labelled(
    const QString &blockType, int depth) const
{
    // Walks `"type": {"label1": {"label2": {body}}}`; duplicate keys at any
    // level are separate blocks, as in HCL's JSON syntax.
    struct Level
    {
        const JsonValue *object;
        QStringList labels;
    };
    QList<Found> out;
    for (const auto &top : m_root.members()) {
        if (top.key != blockType || !top.value.isObject())
            continue;
        QList<Level> level{{&top.value, {}}};
        for (int d = 0; d < depth; ++d) {
            QList<Level> next;
            for (const Level &l : level)
                for (int i = 0; i < int(l.object->members().size()); ++i) {
                    const auto &m = l.object->members()[size_t(i)];
                    if (!m.value.isObject())
                        continue;
                    if (d + 1 == depth)
                        out.append(
                            {&m.value, l.object, i, memberRange(m), l.labels + QStringList{m.key}});
                    else
                        next.append({&m.value, l.labels + QStringList{m.key}});
                }
            level = next;
        }
    }
    return out;
}

std::optional<JsonPipelineDocument::Found> JsonPipelineDocument::find(
    const BlockAddress &a, QString *error) const
{
    const auto byLabels
        = [&](const char *type, int depth, const QString &what) -> std::optional<Found> {
        for (const Found &f : labelled(QLatin1String(type), depth))
            if (f.labels == a.labels)
                return f;
        *error = QStringLiteral("%1 has no %2 \"%3\"")
                     .arg(fileName(), what, a.labels.join(QLatin1Char('.')));
        return std::nullopt;
    };
    switch (a.kind) {
    case Kind::Source:
        return byLabels("source", 2, QStringLiteral("source"));
    case Kind::Variable:
        return byLabels("variable", 1, QStringLiteral("variable"));
    case Kind::Data:
        return byLabels("data", 2, QStringLiteral("data source"));
    case Kind::Build: {
        const auto all = builds();
        if (a.build < 0 || a.build >= all.size()) {
            *error = noBuild(fileName(), a.build, int(all.size()));
            return std::nullopt;
        }
        for (int i = 0; i < int(m_root.members().size()); ++i) {
            const auto &m = m_root.members()[size_t(i)];
            if (&m.value == all[a.build])
                return Found{all[a.build], &m_root, i, memberRange(m), {}};
            if (m.value.isArray())
                for (int j = 0; j < int(m.value.elements().size()); ++j)
                    if (&m.value.elements()[size_t(j)] == all[a.build])
                        return Found{all[a.build], &m.value, j, all[a.build]->range(), {}};
        }
        return std::nullopt;
    }
    case Kind::Provisioner:
    case Kind::PostProcessor:
    case Kind::ErrorCleanupProvisioner: {
        const QList<Entry> list = entriesFor(a.build, a.kind, error);
        const int index = a.kind == Kind::ErrorCleanupProvisioner ? 0 : a.index;
        if (!error->isEmpty())
            return std::nullopt;
        if (index < 0 || index >= list.size()) {
            *error = noEntry(keyFor(a.kind), a.build, index, int(list.size()));
            return std::nullopt;
        }
        const Entry &e = list[index];
        return Found{e.body, e.container, e.indexInContainer, e.range, {e.type}};
    }
    case Kind::Local:
        for (const auto &top : m_root.members())
            if (top.key == QLatin1String("locals") && top.value.isObject())
                for (int i = 0; i < int(top.value.members().size()); ++i)
                    if (top.value.members()[size_t(i)].key == a.labels.value(0)) {
                        const auto &m = top.value.members()[size_t(i)];
                        return Found{&m.value, &top.value, i, memberRange(m), {m.key}};
                    }
        *error = QStringLiteral("%1 has no local \"%2\"").arg(fileName(), a.labels.value(0));
        return std::nullopt;
    case Kind::ChainPostProcessor:
    case Kind::Locals:
    case Kind::Packer:
        break;
    }
    *error = QStringLiteral("This kind of block is not editable in HCL JSON templates");
    return std::nullopt;
}

std::optional<hcl::SourceRange> JsonPipelineDocument::rangeOf(const BlockAddress &address) const
{
    QString error;
    const auto f = find(address, &error);
    return f ? std::optional(f->range) : std::nullopt;
}

std::optional<BlockAddress> JsonPipelineDocument::blockAt(int byte) const
{
    const auto all = builds();
    for (int b = 0; b < all.size(); ++b) {
        if (!all[b]->range().containsOffset(byte))
            continue;
        for (const Kind kind : {Kind::Provisioner, Kind::PostProcessor}) {
            const QList<Entry> list = entries(*all[b], keyFor(kind));
            for (int i = 0; i < list.size(); ++i)
                if (list[i].range.containsOffset(byte))
                    return kind == Kind::Provisioner ? BlockAddress::provisioner(b, i)
                                                     : BlockAddress::postProcessor(b, i);
        }
        return BlockAddress::ofBuild(b);
    }
    for (const auto &[type, depth, kind] : {std::tuple{"source", 2, Kind::Source},
             std::tuple{"variable", 1, Kind::Variable}, std::tuple{"data", 2, Kind::Data}})
        for (const Found &f : labelled(QLatin1String(type), depth))
            if (f.range.containsOffset(byte)) {
                BlockAddress a;
                a.kind = kind;
                a.labels = f.labels;
                return a;
            }
    return std::nullopt;
}

int JsonPipelineDocument::buildCount() const
{
    return int(builds().size());
}

int JsonPipelineDocument::count(int build, Kind kind, int) const
{
    QString error;
    switch (kind) {
    case Kind::Build:
        return buildCount();
    case Kind::Source:
        return int(labelled(QStringLiteral("source"), 2).size());
    case Kind::Variable:
        return int(labelled(QStringLiteral("variable"), 1).size());
    case Kind::Data:
        return int(labelled(QStringLiteral("data"), 2).size());
    case Kind::Provisioner:
    case Kind::PostProcessor:
    case Kind::ErrorCleanupProvisioner:
        return int(entriesFor(build, kind, &error).size());
    default:
        return 0;
    }
}

} // namespace kiln::tmpl::edit
