#include "engine/template/edit/NativePipelineDocument.h"

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"

namespace kiln::tmpl::edit {

using hcl::edit::ByteEdit;
using hcl::edit::NativeBodyEditor;
using hcl::syntax::Block;

NativePipelineDocument::NativePipelineDocument(QString fileName, QString text)
    : PipelineDocument(std::move(fileName), std::move(text))
{
    hcl::Diagnostics diags;
    m_file = hcl::parseConfig(source().bytes(), this->fileName(), diags);
    m_root = m_file.nativeBody();
    if (diags.hasErrors() || !m_root)
        setParseError(describe(diags));
}

QString NativePipelineDocument::checkParses(const QByteArray &bytes) const
{
    hcl::Diagnostics diags;
    hcl::parseConfig(bytes, fileName(), diags);
    return describe(diags);
}

QByteArray NativePipelineDocument::normalize(const QByteArray &bytes) const
{
    if (!m_fmtClean)
        m_fmtClean = hcl::formatHcl(source().bytes()) == source().bytes();
    return *m_fmtClean ? hcl::formatHcl(bytes) : bytes;
}

QString NativePipelineDocument::checkExpression(const QString &expression) const
{
    hcl::Diagnostics diags;
    hcl::parseExpression(expression.toUtf8(), QStringLiteral("<value>"), diags);
    if (expression.trimmed().isEmpty())
        return QStringLiteral("An expression is required");
    if (diags.hasErrors())
        return QStringLiteral("Invalid expression \"%1\": %2").arg(expression, describe(diags));
    return {};
}

NativePipelineDocument::Blocks NativePipelineDocument::blocksOf(
    const hcl::syntax::Body &body, std::initializer_list<const char *> types)
{
    Blocks out;
    for (const Block &b : body.blocks)
        for (const char *t : types)
            if (b.type == QLatin1String(t)) {
                out.append(&b);
                break;
            }
    return out;
}

int NativePipelineDocument::buildCount() const
{
    return m_root ? int(blocksOf(root(), {"build"}).size()) : 0;
}

const Block *NativePipelineDocument::buildBlock(int build, QString *error) const
{
    const Blocks builds = blocksOf(root(), {"build"});
    if (build < 0 || build >= builds.size()) {
        *error = noBuild(fileName(), build, int(builds.size()));
        return nullptr;
    }
    return builds[build];
}

NativePipelineDocument::Blocks NativePipelineDocument::siblings(
    int build, Kind kind, int chain, QString *error) const
{
    switch (kind) {
    case Kind::Source:
        return blocksOf(root(), {"source"});
    case Kind::Build:
        return blocksOf(root(), {"build"});
    case Kind::Variable:
        return blocksOf(root(), {"variable"});
    case Kind::Locals:
        return blocksOf(root(), {"locals"});
    case Kind::Data:
        return blocksOf(root(), {"data"});
    case Kind::Packer:
        return blocksOf(root(), {"packer"});
    case Kind::Local:
        *error = QStringLiteral("Locals are attributes, not blocks");
        return {};
    default:
        break;
    }
    const Block *b = buildBlock(build, error);
    if (!b)
        return {};
    switch (kind) {
    case Kind::Provisioner:
        return blocksOf(*b->body, {"provisioner"});
    case Kind::ErrorCleanupProvisioner:
        return blocksOf(*b->body, {"error-cleanup-provisioner"});
    case Kind::PostProcessor:
        return blocksOf(*b->body, {"post-processor", "post-processors"});
    case Kind::ChainPostProcessor: {
        const Blocks entries = blocksOf(*b->body, {"post-processor", "post-processors"});
        if (chain < 0 || chain >= entries.size()) {
            *error = noEntry(
                QStringLiteral("post-processing entry"), build, chain, int(entries.size()));
            return {};
        }
        if (entries[chain]->type != QLatin1String("post-processors")) {
            *error = QStringLiteral(
                "Post-processing entry %1 of build %2 is a single post-processor, not a chain")
                         .arg(chain)
                         .arg(build);
            return {};
        }
        return blocksOf(*entries[chain]->body, {"post-processor"});
    }
    default:
        return {};
    }
}

int NativePipelineDocument::count(int build, Kind kind, int chain) const
{
    if (!m_root)
        return 0;
    QString error;
    return int(siblings(build, kind, chain, &error).size());
}

const Block *NativePipelineDocument::resolve(const BlockAddress &a, QString *error) const
{
    const auto byLabels = [&](const char *type, const QString &what) -> const Block * {
        for (const Block *b : blocksOf(root(), {type}))
            if (b->labels == a.labels)
                return b;
        *error = QStringLiteral("%1 has no %2 \"%3\"")
                     .arg(fileName(), what, a.labels.join(QLatin1Char('.')));
        return nullptr;
    };
    switch (a.kind) {
    case Kind::Source:
        return byLabels("source", QStringLiteral("source"));
    case Kind::Variable:
        return byLabels("variable", QStringLiteral("variable"));
    case Kind::Data:
        return byLabels("data", QStringLiteral("data source"));
    case Kind::Build:
        return buildBlock(a.build, error);
    case Kind::Packer: {
        const Blocks p = blocksOf(root(), {"packer"});
        if (p.isEmpty())
            *error = QStringLiteral("%1 has no packer block").arg(fileName());
        return p.isEmpty() ? nullptr : p.first();
    }
    case Kind::Locals: {
        const Blocks l = blocksOf(root(), {"locals"});
        if (a.index < 0 || a.index >= l.size()) {
            *error = QStringLiteral("%1 has no locals block number %2 (it has %3)")
                         .arg(fileName())
                         .arg(a.index)
                         .arg(l.size());
            return nullptr;
        }
        return l[a.index];
    }
    case Kind::ErrorCleanupProvisioner: {
        const Blocks e = siblings(a.build, a.kind, -1, error);
        if (e.isEmpty() && error->isEmpty())
            *error = QStringLiteral("Build %1 has no error-cleanup-provisioner").arg(a.build);
        return e.isEmpty() ? nullptr : e.first();
    }
    case Kind::Provisioner:
    case Kind::PostProcessor:
    case Kind::ChainPostProcessor: {
        const int chain = a.kind == Kind::ChainPostProcessor ? a.index : -1;
        const int index = a.kind == Kind::ChainPostProcessor ? a.chainIndex : a.index;
        const Blocks s = siblings(a.build, a.kind, chain, error);
        if (!error->isEmpty())
            return nullptr;
        if (index < 0 || index >= s.size()) {
            const QString what = a.kind == Kind::Provisioner ? QStringLiteral("provisioner")
                : a.kind == Kind::PostProcessor
                ? QStringLiteral("post-processing entry")
                : QStringLiteral("post-processor in chain %1").arg(chain);
            *error = noEntry(what, a.build, index, int(s.size()));
            return nullptr;
        }
        return s[index];
    }
    case Kind::Local:
        *error = QStringLiteral("A local is an attribute, not a block");
        return nullptr;
    }
    return nullptr;
}

const hcl::syntax::Attribute *NativePipelineDocument::resolveLocal(
    const BlockAddress &a, QString *error) const
{
    const QString name = a.labels.value(0);
    for (const Block *l : blocksOf(root(), {"locals"}))
        if (const hcl::syntax::Attribute *attr = l->body->attribute(name))
            return attr;
    *error = QStringLiteral("%1 has no local \"%2\"").arg(fileName(), name);
    return nullptr;
}

std::optional<hcl::SourceRange> NativePipelineDocument::rangeOf(const BlockAddress &address) const
{
    if (!m_root)
        return std::nullopt;
    QString error;
    if (address.kind == Kind::Local) {
        const auto *attr = resolveLocal(address, &error);
        return attr ? std::optional(attr->range) : std::nullopt;
    }
    const Block *b = resolve(address, &error);
    return b ? std::optional(b->range) : std::nullopt;
}

std::optional<BlockAddress> NativePipelineDocument::blockAt(int byte) const
{
    if (!m_root)
        return std::nullopt;
    const auto within = [byte](const Block *b) { return b->range.containsOffset(byte); };
    const auto indexIn = [&](const Blocks &list) -> int {
        for (int i = 0; i < list.size(); ++i)
            if (within(list[i]))
                return i;
        return -1;
    };
    const Blocks builds = blocksOf(root(), {"build"});
    if (const int b = indexIn(builds); b >= 0) {
        const hcl::syntax::Body &body = *builds[b]->body;
        if (const int p = indexIn(blocksOf(body, {"provisioner"})); p >= 0)
            return BlockAddress::provisioner(b, p);
        if (indexIn(blocksOf(body, {"error-cleanup-provisioner"})) >= 0)
            return BlockAddress::errorCleanup(b);
        const Blocks entries = blocksOf(body, {"post-processor", "post-processors"});
        if (const int e = indexIn(entries); e >= 0) {
            if (entries[e]->type == QLatin1String("post-processors"))
                if (const int m = indexIn(blocksOf(*entries[e]->body, {"post-processor"})); m >= 0)
                    return BlockAddress::chainPostProcessor(b, e, m);
            return BlockAddress::postProcessor(b, e);
        }
        return BlockAddress::ofBuild(b);
    }
    for (const Block &b : root().blocks) {
        if (!within(&b))
            continue;
        BlockAddress a;
        a.labels = b.labels;
        if (b.type == QLatin1String("source"))
            a.kind = Kind::Source;
        else if (b.type == QLatin1String("variable"))
            a.kind = Kind::Variable;
        else if (b.type == QLatin1String("data"))
            a.kind = Kind::Data;
        else if (b.type == QLatin1String("packer"))
            a.kind = Kind::Packer;
        else if (b.type == QLatin1String("locals")) {
            for (const auto &attr : b.body->attributes)
                if (attr.range.containsOffset(byte))
                    return BlockAddress::local(attr.name);
            a.kind = Kind::Locals;
            a.labels.clear();
            a.index = int(blocksOf(root(), {"locals"}).indexOf(&b));
        } else
            return std::nullopt;
        return a;
    }
    return std::nullopt;
}

bool NativePipelineDocument::separated(const NativeBodyEditor &body, const Blocks &siblings) const
{
    // Follow the siblings: a chain written without blank lines between its
    // post-processors gets none around a new one either. A lone sibling
    // tells by what is above it: a blank line, or an item written right
    // against it (then the file packs its items tightly).
    if (siblings.isEmpty())
        return true;
    const int first = siblings.size() >= 2 ? 1 : 0;
    const int prev = source().previousLineStart(body.linesOf(siblings[first]->range).start);
    if (prev < 0 || source().isBlankLine(prev))
        return true;
    return first == 0 && source().lastChar(prev) == '{';
}

ByteEdit NativePipelineDocument::place(const NativeBodyEditor &body, const Blocks &siblings,
    int position, const Blocks &followers, const QByteArray &lines) const
{
    const bool separate = separated(body, siblings);
    // Back-to-back siblings: join the one before, so a blank line between
    // two groups stays where it was.
    if (!separate && position > 0 && position < siblings.size())
        return body.insertAfter(body.linesOf(siblings[position - 1]->range), lines, false);
    if (position >= 0 && position < siblings.size())
        return body.insertBefore(body.linesOf(siblings[position]->range), lines, separate);
    if (!siblings.isEmpty())
        return body.insertAfter(body.linesOf(siblings.last()->range), lines, separate);
    // No sibling yet: go before the first block that comes later in a
    // pipeline's reading order, else at the end of the body.
    const Block *first = nullptr;
    for (const Block *f : followers)
        if (!first || f->range.start.byte < first->range.start.byte)
            first = f;
    if (first)
        return body.insertBefore(body.linesOf(first->range), lines, true);
    return body.append(lines, true);
}

std::optional<ByteEdit> NativePipelineDocument::placementInBuild(int build, Kind kind, int chain,
    int position, const std::function<QByteArray(const QByteArray &)> &render, QString *error) const
{
    const Block *b = buildBlock(build, error);
    if (!b)
        return std::nullopt;
    const Blocks sibs = siblings(build, kind, chain, error);
    if (!error->isEmpty())
        return std::nullopt;
    if (kind == Kind::ChainPostProcessor) {
        const Block *chainBlock = blocksOf(*b->body, {"post-processor", "post-processors"})[chain];
        const NativeBodyEditor body(source(), *chainBlock);
        return place(body, sibs, position, {}, render(body.itemIndent()));
    }
    const NativeBodyEditor body(source(), *b);
    Blocks followers;
    if (kind == Kind::Provisioner)
        followers = blocksOf(
            *b->body, {"error-cleanup-provisioner", "post-processor", "post-processors"});
    else if (kind == Kind::ErrorCleanupProvisioner)
        followers = blocksOf(*b->body, {"post-processor", "post-processors"});
    return place(body, sibs, position, followers, render(body.itemIndent()));
}

EditResult NativePipelineDocument::placeInBuild(int build, Kind kind, int chain, int position,
    const std::function<QByteArray(const QByteArray &)> &render) const
{
    QString error;
    const auto edit = placementInBuild(build, kind, chain, position, render, &error);
    return edit ? finish({*edit}) : EditResult::failure(error);
}

ByteEdit NativePipelineDocument::placeTopLevel(
    const QString &type, std::initializer_list<const char *> before, const QByteArray &lines) const
{
    const NativeBodyEditor body(source(), root());
    const QByteArray t = type.toUtf8();
    return place(body, blocksOf(root(), {t.constData()}), -1, blocksOf(root(), before), lines);
}

} // namespace kiln::tmpl::edit
