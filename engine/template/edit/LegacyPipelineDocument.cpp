#include "engine/template/edit/LegacyPipelineDocument.h"

#include "engine/hcl/edit/HclWriter.h"
#include "engine/hcl/json/JsonParser.h"

namespace kiln::tmpl::edit {

using hcl::edit::JsonTextEditor;
using hcl::json::JsonValue;

namespace {

const char *arrayKey(BlockAddress::Kind kind)
{
    switch (kind) {
    case BlockAddress::Kind::Source:
        return "builders";
    case BlockAddress::Kind::Provisioner:
        return "provisioners";
    case BlockAddress::Kind::PostProcessor:
    case BlockAddress::Kind::ChainPostProcessor:
        return "post-processors";
    default:
        return nullptr;
    }
}

QString whatOf(BlockAddress::Kind kind)
{
    return kind == BlockAddress::Kind::Provisioner ? QStringLiteral("provisioner")
                                                   : QStringLiteral("post-processor");
}

} // namespace

LegacyPipelineDocument::LegacyPipelineDocument(QString fileName, QString text)
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

QString LegacyPipelineDocument::checkParses(const QByteArray &bytes) const
{
    const auto parsed = hcl::json::JsonParser::parse(bytes, fileName());
    return describe(parsed.diagnostics);
}

QByteArray LegacyPipelineDocument::jsonValue(const QString &expression)
{
    const QByteArray bytes = expression.trimmed().toUtf8();
    if (!hcl::json::JsonParser::parse(bytes, QStringLiteral("<value>")).diagnostics.hasErrors())
        return bytes;
    return JsonTextEditor::quote(expression);
}

const JsonValue *LegacyPipelineDocument::array(
    int build, Kind kind, int chain, QString *error) const
{
    if (build != 0 && kind != Kind::Source) {
        *error = noBuild(fileName(), build, 1);
        return nullptr;
    }
    const char *key = arrayKey(kind);
    const JsonValue *list = key ? m_root.get(QString::fromLatin1(key)) : nullptr;
    if (!list)
        return nullptr;
    if (!list->isArray()) {
        *error = QStringLiteral("The \"%1\" of %2 are not an array")
                     .arg(QLatin1String(key), fileName());
        return nullptr;
    }
    if (kind != Kind::ChainPostProcessor)
        return list;
    if (chain < 0 || chain >= int(list->elements().size())) {
        *error = noEntry(
            QStringLiteral("post-processing entry"), build, chain, int(list->elements().size()));
        return nullptr;
    }
    const JsonValue &entry = list->elements()[size_t(chain)];
    if (!entry.isArray()) {
        *error = QStringLiteral(
            "Post-processing entry %1 of build %2 is a single post-processor, not a chain")
                     .arg(chain)
                     .arg(build);
        return nullptr;
    }
    return &entry;
}

int LegacyPipelineDocument::count(int build, Kind kind, int chain) const
{
    QString error;
    if (kind == Kind::Build)
        return 1;
    if (kind == Kind::Variable) {
        const JsonValue *vars = m_root.get(QStringLiteral("variables"));
        return vars && vars->isObject() ? int(vars->members().size()) : 0;
    }
    const JsonValue *list = array(kind == Kind::Source ? 0 : build, kind, chain, &error);
    return list ? int(list->elements().size()) : 0;
}

std::optional<LegacyPipelineDocument::Found> LegacyPipelineDocument::find(
    const BlockAddress &a, QString *error) const
{
    switch (a.kind) {
    case Kind::Build:
        if (a.build != 0) {
            *error = noBuild(fileName(), a.build, 1);
            return std::nullopt;
        }
        return Found{&m_root, nullptr, -1, m_root.range()};
    case Kind::Source: {
        const JsonValue *list = array(0, a.kind, -1, error);
        for (int i = 0; list && i < int(list->elements().size()); ++i) {
            const JsonValue &b = list->elements()[size_t(i)];
            const JsonValue *type = b.get(QStringLiteral("type"));
            const JsonValue *name = b.get(QStringLiteral("name"));
            const QString t = type ? type->text() : QString();
            if (QStringList{t, name ? name->text() : t} == a.labels)
                return Found{&b, list, i, b.range()};
        }
        *error = QStringLiteral("%1 has no builder \"%2\"")
                     .arg(fileName(), a.labels.join(QLatin1Char('.')));
        return std::nullopt;
    }
    case Kind::Variable: {
        const JsonValue *vars = m_root.get(QStringLiteral("variables"));
        for (int i = 0; vars && vars->isObject() && i < int(vars->members().size()); ++i) {
            const auto &m = vars->members()[size_t(i)];
            if (m.key == a.labels.value(0)) {
                hcl::SourceRange r = m.keyRange;
                r.end = m.value.range().end;
                return Found{&m.value, vars, i, r};
            }
        }
        *error = QStringLiteral("%1 has no variable \"%2\"").arg(fileName(), a.labels.value(0));
        return std::nullopt;
    }
    case Kind::Provisioner:
    case Kind::PostProcessor:
    case Kind::ChainPostProcessor: {
        const bool inChain = a.kind == Kind::ChainPostProcessor;
        const JsonValue *list = array(a.build, a.kind, inChain ? a.index : -1, error);
        if (!error->isEmpty())
            return std::nullopt;
        const int index = inChain ? a.chainIndex : a.index;
        const int size = list ? int(list->elements().size()) : 0;
        if (index < 0 || index >= size) {
            *error = noEntry(whatOf(a.kind), a.build, index, size);
            return std::nullopt;
        }
        const JsonValue &v = list->elements()[size_t(index)];
        return Found{&v, list, index, v.range()};
    }
    default:
        *error = QStringLiteral("Legacy JSON templates have no such block");
        return std::nullopt;
    }
}

std::optional<hcl::SourceRange> LegacyPipelineDocument::rangeOf(const BlockAddress &address) const
{
    QString error;
    const auto f = find(address, &error);
    return f ? std::optional(f->range) : std::nullopt;
}

std::optional<BlockAddress> LegacyPipelineDocument::blockAt(int byte) const
{
    QString error;
    if (const JsonValue *provs = array(0, Kind::Provisioner, -1, &error))
        for (int i = 0; i < int(provs->elements().size()); ++i)
            if (provs->elements()[size_t(i)].range().containsOffset(byte))
                return BlockAddress::provisioner(0, i);
    if (const JsonValue *pps = array(0, Kind::PostProcessor, -1, &error))
        for (int i = 0; i < int(pps->elements().size()); ++i) {
            const JsonValue &e = pps->elements()[size_t(i)];
            if (!e.range().containsOffset(byte))
                continue;
            for (int j = 0; e.isArray() && j < int(e.elements().size()); ++j)
                if (e.elements()[size_t(j)].range().containsOffset(byte))
                    return BlockAddress::chainPostProcessor(0, i, j);
            return BlockAddress::postProcessor(0, i);
        }
    if (const JsonValue *builders = array(0, Kind::Source, -1, &error))
        for (const JsonValue &b : builders->elements())
            if (b.range().containsOffset(byte)) {
                const JsonValue *type = b.get(QStringLiteral("type"));
                const JsonValue *name = b.get(QStringLiteral("name"));
                const QString t = type ? type->text() : QString();
                return BlockAddress::source(t, name ? name->text() : t);
            }
    return std::nullopt;
}

EditResult LegacyPipelineDocument::addSource(
    const QString &type, const QString &name, const Attributes &attrs)
{
    if (type.isEmpty())
        return EditResult::failure(QStringLiteral("A builder needs a type"));
    QString error;
    if (find(BlockAddress::source(type, name.isEmpty() ? type : name), &error))
        return EditResult::failure(QStringLiteral("%1 already has a builder \"%2\"")
                                       .arg(fileName(), name.isEmpty() ? type : name));
    QList<QPair<QString, QByteArray>> members{
        {QStringLiteral("type"), JsonTextEditor::quote(type)}};
    if (!name.isEmpty() && name != type)
        members.append({QStringLiteral("name"), JsonTextEditor::quote(name)});
    for (const auto &[key, expr] : attrs)
        members.append({key, jsonValue(expr)});
    const JsonTextEditor ed = editor();
    const QByteArray object = ed.object(members, {});
    const JsonValue *builders = m_root.get(QStringLiteral("builders"));
    if (!builders || !builders->isArray())
        return finish({ed.setMember(m_root, QStringLiteral("builders"), "[" + object + "]")});
    return finish({ed.insertElement(*builders, -1, object)});
}

EditResult LegacyPipelineDocument::insertBlock(
    int build, Kind kind, int chain, int position, const QString &type, const Attributes &attrs)
{
    if (kind != Kind::Provisioner && kind != Kind::PostProcessor
        && kind != Kind::ChainPostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors are inserted into a build"));
    if (type.isEmpty())
        return EditResult::failure(QStringLiteral("A component type is required"));
    QString error;
    const JsonValue *list = array(build, kind, chain, &error);
    if (!error.isEmpty())
        return EditResult::failure(error);
    QList<QPair<QString, QByteArray>> members{
        {QStringLiteral("type"), JsonTextEditor::quote(type)}};
    for (const auto &[key, expr] : attrs)
        members.append({key, jsonValue(expr)});
    const JsonTextEditor ed = editor();
    const QByteArray object = ed.object(members, {});
    if (!list) {
        const QByteArray nl = source().newline();
        const QByteArray arrayText = "[" + nl + source().indentUnit()
            + QByteArray(object).replace("\n", "\n" + source().indentUnit()) + nl + "]";
        return finish({ed.setMember(m_root, QLatin1String(arrayKey(kind)), arrayText)});
    }
    return finish({ed.insertElement(*list, position, object)});
}

EditResult LegacyPipelineDocument::move(const BlockAddress &from, int toPosition)
{
    if (from.kind != Kind::Provisioner && from.kind != Kind::PostProcessor
        && from.kind != Kind::ChainPostProcessor)
        return EditResult::failure(
            QStringLiteral("Only provisioners and post-processors can be reordered"));
    QString error;
    const auto f = find(from, &error);
    if (!f)
        return EditResult::failure(error);
    const int last = int(f->container->elements().size()) - 1;
    const int to = toPosition < 0 || toPosition > last ? last : toPosition;
    return finish(editor().moveElement(*f->container, f->index, to));
}

EditResult LegacyPipelineDocument::remove(const BlockAddress &address)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    if (!f->container)
        return EditResult::failure(
            QStringLiteral("The build of a legacy JSON template is the whole file"));
    const JsonTextEditor ed = editor();
    return finish({f->container->isArray() ? ed.removeElement(*f->container, f->index)
                                           : ed.removeMember(*f->container, f->index)});
}

QString LegacyPipelineDocument::blockText(const BlockAddress &address) const
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return {};
    return QString::fromUtf8(editor().valueText(f->range.start.byte, f->range.end.byte));
}

EditResult LegacyPipelineDocument::setAttribute(
    const BlockAddress &address, const QString &key, const QString &expression)
{
    if (expression.trimmed().isEmpty())
        return EditResult::failure(QStringLiteral("An expression is required"));
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    const JsonTextEditor ed = editor();
    if (f->value->isString()
        && address.kind != Kind::Variable) // a post-processor given by type only
        return finish({ed.replace(*f->value,
            ed.object({{QStringLiteral("type"), JsonTextEditor::quote(f->value->text())},
                          {key, jsonValue(expression)}},
                source().indentOf(f->range.start.byte)))});
    if (address.kind == Kind::Variable)
        return finish({ed.replace(*f->value, jsonValue(expression))});
    if (!f->value->isObject())
        return EditResult::failure(QStringLiteral("The block is not written as a JSON object"));
    return finish({ed.setMember(*f->value, key, jsonValue(expression))});
}

EditResult LegacyPipelineDocument::removeAttribute(const BlockAddress &address, const QString &key)
{
    QString error;
    const auto f = find(address, &error);
    if (!f)
        return EditResult::failure(error);
    if (key == QLatin1String("type"))
        return EditResult::failure(QStringLiteral("The type of a component cannot be removed"));
    if (f->value->isObject())
        for (int i = int(f->value->members().size()) - 1; i >= 0; --i)
            if (f->value->members()[size_t(i)].key == key)
                return finish({editor().removeMember(*f->value, i)});
    return EditResult::failure(QStringLiteral("The block has no attribute \"%1\"").arg(key));
}

} // namespace kiln::tmpl::edit
