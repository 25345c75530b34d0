#include "app/models/document/SnapshotBuilder.h"

#include "engine/template/Template.h"
#include "engine/template/legacy/LegacyTemplate.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace kiln::models {

namespace {

// (file, header start byte) -> the block's whole range, from the native trees.
class BlockExtents
{
public:
    explicit BlockExtents(const tmpl::Template &tpl)
    {
        for (qsizetype i = 0; i < tpl.configFileCount && i < tpl.files.size(); ++i)
            if (auto body = tpl.files.at(i).nativeBody())
                index(tpl.files.at(i).filename, *body, 0);
    }

    hcl::SourceRange extent(const hcl::SourceRange &header) const
    {
        return m_ranges.value(key(header.filename, header.start.byte), header);
    }
    // The type of the block around the one with this header ("post-processors" for a chain member).
    QString parentType(const hcl::SourceRange &header) const
    {
        return m_parents.value(key(header.filename, header.start.byte));
    }

private:
    static QString key(const QString &file, int byte)
    {
        return file + QLatin1Char('@') + QString::number(byte);
    }

    void index(
        const QString &file, const hcl::syntax::Body &body, int depth, const QString &parent = {})
    {
        for (const hcl::syntax::Block &b : body.blocks) {
            m_ranges.insert(key(file, b.typeRange.start.byte), b.range);
            m_parents.insert(key(file, b.typeRange.start.byte), parent);
            // build { post-processors { post-processor {} } } is the deepest nesting we show.
            if (b.body && depth < 2)
                index(file, *b.body, depth + 1, b.type);
        }
        // `locals { x = 1 }` entries are attributes; their range is already whole.
    }

    QHash<QString, hcl::SourceRange> m_ranges;
    QHash<QString, QString> m_parents;
};

hcl::SourceRange mapped(hcl::SourceRange r, const SnapshotBuilder::FileMapper &mapFile)
{
    r.filename = mapFile(r.filename);
    return r;
}

PipelineNode blockNode(NodeKind kind, const QString &type, const QString &name,
    const tmpl::BlockRef &ref, const BlockExtents &extents,
    const SnapshotBuilder::FileMapper &mapFile)
{
    PipelineNode n;
    n.kind = kind;
    n.type = type;
    n.name = name;
    n.defRange = mapped(ref.defRange, mapFile);
    n.range = mapped(extents.extent(ref.defRange), mapFile);
    n.file = n.range.filename;
    return n;
}

// A build lane read from syntax alone: block types and labels, `name` and
// `sources` when they are literal. Used for builds the loader could not decode.
QString literalString(const hcl::syntax::Body &body, const QString &name, const QByteArray &source)
{
    const hcl::syntax::Attribute *a = body.attribute(name);
    if (!a)
        return {};
    const hcl::SourceRange &r = a->expr->range;
    QString text = QString::fromUtf8(source.mid(r.start.byte, r.end.byte - r.start.byte)).trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"'))
        && !text.contains(QLatin1String("${")))
        return text.mid(1, text.size() - 2);
    return {};
}

PipelineNode syntaxNode(NodeKind kind, const hcl::syntax::Block &blk, const QByteArray &source,
    const SnapshotBuilder::FileMapper &mapFile)
{
    PipelineNode n;
    n.kind = kind;
    n.type = blk.labels.value(0);
    if (blk.body)
        n.name = literalString(*blk.body, QStringLiteral("name"), source);
    n.defRange = mapped(blk.defRange(), mapFile);
    n.range = mapped(blk.range, mapFile);
    n.file = n.range.filename;
    return n;
}

PipelineBuild structuralBuild(const hcl::syntax::Block &blk, const QByteArray &source,
    const SnapshotBuilder::FileMapper &mapFile)
{
    PipelineBuild build;
    build.defRange = mapped(blk.defRange(), mapFile);
    build.range = mapped(blk.range, mapFile);
    build.file = build.range.filename;
    if (!blk.body)
        return build;
    build.name = literalString(*blk.body, QStringLiteral("name"), source);
    for (const hcl::syntax::Block &inner : blk.body->blocks) {
        if (inner.type == QLatin1String("provisioner")) {
            build.provisioners << syntaxNode(NodeKind::Provisioner, inner, source, mapFile);
        } else if (inner.type == QLatin1String("error-cleanup-provisioner")) {
            build.errorCleanup
                = syntaxNode(NodeKind::ErrorCleanupProvisioner, inner, source, mapFile);
        } else if (inner.type == QLatin1String("post-processor")) {
            PipelineNode n = syntaxNode(NodeKind::PostProcessor, inner, source, mapFile);
            n.address.kind = tmpl::edit::BlockAddress::Kind::PostProcessor;
            build.chains << QList<PipelineNode>{n};
        } else if (inner.type == QLatin1String("post-processors") && inner.body) {
            QList<PipelineNode> chain;
            for (const hcl::syntax::Block &pp : inner.body->blocks) {
                if (pp.type != QLatin1String("post-processor"))
                    continue;
                PipelineNode n = syntaxNode(NodeKind::PostProcessor, pp, source, mapFile);
                n.address.kind = tmpl::edit::BlockAddress::Kind::ChainPostProcessor;
                chain << n;
            }
            if (!chain.isEmpty())
                build.chains << chain;
        }
    }
    return build;
}

// Lane numbers, node ids and PipelineEditor addresses, once the builds are in file order.
void numberBuilds(PipelineSnapshot &s)
{
    using tmpl::edit::BlockAddress;
    QHash<QString, int> buildsInFile;
    for (int i = 0; i < s.builds.size(); ++i) {
        PipelineBuild &build = s.builds[i];
        build.index = i;
        build.address = BlockAddress::ofBuild(buildsInFile[build.file]++);
        build.address.file = build.file;
        const int inFile = build.address.build;
        const QString prefix = build.id();
        for (int p = 0; p < build.provisioners.size(); ++p) {
            PipelineNode &n = build.provisioners[p];
            n.build = i;
            n.index = p;
            n.id = QStringLiteral("%1.provisioner.%2").arg(prefix).arg(p);
            n.address = BlockAddress::provisioner(inFile, p);
            n.address.file = build.file;
        }
        if (build.errorCleanup) {
            PipelineNode &n = *build.errorCleanup;
            n.build = i;
            n.index = 0;
            n.id = prefix + QStringLiteral(".error-cleanup-provisioner");
            n.address = BlockAddress::errorCleanup(inFile);
            n.address.file = build.file;
        }
        for (int c = 0; c < build.chains.size(); ++c) {
            for (int k = 0; k < build.chains[c].size(); ++k) {
                PipelineNode &n = build.chains[c][k];
                n.build = i;
                n.index = c;
                n.chainPosition = k;
                n.id = QStringLiteral("%1.post-processor.%2.%3").arg(prefix).arg(c).arg(k);
                n.address = n.address.kind == BlockAddress::Kind::ChainPostProcessor
                    ? BlockAddress::chainPostProcessor(inFile, c, k)
                    : BlockAddress::postProcessor(inFile, c);
                n.address.file = build.file;
            }
        }
    }
}

} // namespace

PipelineSnapshot SnapshotBuilder::fromTemplate(const tmpl::Template &tpl, const FileMapper &mapFile)
{
    PipelineSnapshot s;
    s.structureValid = true;
    s.syntax = TemplateSyntax::Hcl2Native;
    for (qsizetype i = 0; i < tpl.configFileCount && i < tpl.files.size(); ++i)
        if (!tpl.files.at(i).nativeBody())
            s.syntax = TemplateSyntax::Hcl2Json;
    const BlockExtents extents(tpl);

    for (const tmpl::SourceBlock &src : tpl.sources) {
        PipelineNode n = blockNode(NodeKind::Source, src.type, src.name, src.ref, extents, mapFile);
        n.id = QStringLiteral("source.%1.%2").arg(src.type, src.name);
        n.address = tmpl::edit::BlockAddress::source(src.type, src.name);
        n.address.file = n.file;
        n.index = s.sources.size();
        n.connected = false;
        s.sources << n;
    }
    for (const tmpl::BuildBlock &b : tpl.builds) {
        PipelineBuild build;
        build.name = b.name;
        build.defRange = mapped(b.defRange, mapFile);
        build.range = mapped(extents.extent(b.defRange), mapFile);
        build.file = build.range.filename;
        for (const tmpl::SourceUseBlock &use : b.sources) {
            SourceUse u;
            u.ref = use.ref.toString();
            u.localName = use.localName;
            u.range = mapped(use.range, mapFile);
            for (PipelineNode &src : s.sources) {
                if (src.type == use.ref.type && src.name == use.ref.name) {
                    u.source = src.index;
                    src.connected = true;
                }
            }
            build.sources << u;
        }
        for (const tmpl::ProvisionerBlock &p : b.provisioners)
            build.provisioners << blockNode(
                NodeKind::Provisioner, p.type, p.name, p.ref, extents, mapFile);
        if (b.errorCleanupProvisioner) {
            const tmpl::ProvisionerBlock &p = *b.errorCleanupProvisioner;
            build.errorCleanup = blockNode(
                NodeKind::ErrorCleanupProvisioner, p.type, p.name, p.ref, extents, mapFile);
        }
        for (const auto &chain : b.postProcessorLists) {
            QList<PipelineNode> nodes;
            for (const tmpl::PostProcessorBlock &pp : chain) {
                PipelineNode n = blockNode(
                    NodeKind::PostProcessor, pp.type, pp.name, pp.ref, extents, mapFile);
                n.address.kind
                    = extents.parentType(pp.ref.defRange) == QLatin1String("post-processors")
                    ? tmpl::edit::BlockAddress::Kind::ChainPostProcessor
                    : tmpl::edit::BlockAddress::Kind::PostProcessor;
                nodes << n;
            }
            build.chains << nodes;
        }
        s.builds << build;
    }
    // Packer drops a build block whose decoding failed (an unknown source, an unset
    // variable in `sources`); the designer still draws it from the syntax tree so the
    // user sees, and can fix, what is there.
    QSet<QString> decoded;
    for (const PipelineBuild &b : std::as_const(s.builds))
        decoded.insert(b.file + QLatin1Char('@') + QString::number(b.defRange.start.byte));
    QStringList fileOrder;
    for (qsizetype i = 0; i < tpl.configFileCount && i < tpl.files.size(); ++i) {
        const hcl::File &file = tpl.files.at(i);
        fileOrder << mapFile(file.filename);
        const auto body = file.nativeBody();
        if (!body)
            continue;
        for (const hcl::syntax::Block &blk : body->blocks) {
            if (blk.type != QLatin1String("build"))
                continue;
            const QString file2 = mapFile(file.filename);
            if (decoded.contains(
                    file2 + QLatin1Char('@') + QString::number(blk.typeRange.start.byte)))
                continue;
            s.builds << structuralBuild(blk, file.source, mapFile);
        }
    }
    std::stable_sort(s.builds.begin(), s.builds.end(),
        [&fileOrder](const PipelineBuild &a, const PipelineBuild &b) {
            const qsizetype fa = fileOrder.indexOf(a.file);
            const qsizetype fb = fileOrder.indexOf(b.file);
            return fa != fb ? fa < fb : a.defRange.start.byte < b.defRange.start.byte;
        });
    numberBuilds(s);
    for (const tmpl::Variable &v : tpl.inputVariables) {
        PipelineNode n;
        n.kind = NodeKind::Variable;
        n.name = v.name;
        n.type = v.type.friendlyNameForConstraint();
        n.defRange = mapped(v.range, mapFile);
        n.range = mapped(extents.extent(v.range), mapFile);
        n.file = n.range.filename;
        n.id = QStringLiteral("var.") + v.name;
        n.address = tmpl::edit::BlockAddress::variable(v.name);
        n.address.file = n.file;
        s.variables << n;
    }
    for (const tmpl::LocalBlock &l : tpl.localBlocks) {
        PipelineNode n;
        n.kind = NodeKind::Local;
        n.name = l.name;
        n.type = l.sensitive ? QStringLiteral("sensitive") : QString();
        n.defRange = mapped(l.range, mapFile);
        n.range = mapped(extents.extent(l.range), mapFile);
        n.file = n.range.filename;
        n.id = QStringLiteral("local.") + l.name;
        n.address = tmpl::edit::BlockAddress::local(l.name);
        n.address.file = n.file;
        s.locals << n;
    }
    for (const tmpl::DataSourceBlock &d : tpl.dataSources) {
        PipelineNode n = blockNode(NodeKind::DataSource, d.type, d.name, d.ref, extents, mapFile);
        n.id = QStringLiteral("data.%1.%2").arg(d.type, d.name);
        n.address = tmpl::edit::BlockAddress::data(d.type, d.name);
        n.address.file = n.file;
        s.dataSources << n;
    }
    return s;
}

PipelineSnapshot SnapshotBuilder::fromLegacy(
    const tmpl::legacy::LegacyTemplate &tpl, const QString &file)
{
    using namespace tmpl::legacy;
    PipelineSnapshot s;
    s.structureValid = true;
    s.syntax = TemplateSyntax::LegacyJson;
    auto at = [&file](SourceRange r) {
        r.filename = file;
        return r;
    };
    // A legacy template has one implicit build that every builder feeds.
    PipelineBuild build;
    build.file = file;
    for (const LegacyBuilder &b : tpl.builders) {
        PipelineNode n;
        n.kind = NodeKind::Source;
        n.type = b.type;
        n.name = b.name;
        n.range = at(b.raw.range());
        n.defRange = at(b.nameRange);
        n.file = file;
        n.index = s.sources.size();
        n.id = QStringLiteral("source.%1.%2").arg(b.type, b.name);
        n.address = tmpl::edit::BlockAddress::source(b.type, b.name);
        n.address.file = file;
        build.sources << SourceUse{n.index, b.type + QLatin1Char('.') + b.name, {}, n.range};
        s.sources << n;
    }
    for (const LegacyProvisioner &p : tpl.provisioners) {
        PipelineNode n;
        n.kind = NodeKind::Provisioner;
        n.type = p.type;
        n.range = at(p.raw.range());
        n.defRange = n.range;
        n.file = file;
        n.build = 0;
        n.index = build.provisioners.size();
        n.id = QStringLiteral("build.0.provisioner.%1").arg(n.index);
        n.address = tmpl::edit::BlockAddress::provisioner(0, n.index);
        n.address.file = file;
        build.provisioners << n;
    }
    if (tpl.cleanupProvisioner) {
        PipelineNode n;
        n.kind = NodeKind::ErrorCleanupProvisioner;
        n.type = tpl.cleanupProvisioner->type;
        n.range = at(tpl.cleanupProvisioner->raw.range());
        n.defRange = n.range;
        n.file = file;
        n.build = 0;
        n.index = 0;
        n.id = QStringLiteral("build.0.error-cleanup-provisioner");
        n.address = tmpl::edit::BlockAddress::errorCleanup(0);
        n.address.file = file;
        build.errorCleanup = n;
    }
    for (const auto &chain : tpl.postProcessors) {
        QList<PipelineNode> nodes;
        for (const LegacyPostProcessor &pp : chain) {
            PipelineNode n;
            n.kind = NodeKind::PostProcessor;
            n.type = pp.type;
            n.name = pp.name == pp.type ? QString() : pp.name;
            n.range = at(pp.range);
            n.defRange = n.range;
            n.file = file;
            n.build = 0;
            n.index = build.chains.size();
            n.chainPosition = nodes.size();
            n.id = QStringLiteral("build.0.post-processor.%1.%2").arg(n.index).arg(n.chainPosition);
            // A JSON array in the list is a chain; one of a single member is found
            // by placeJsonBlocks, which sees the text.
            n.address = chain.size() > 1
                ? tmpl::edit::BlockAddress::chainPostProcessor(0, n.index, n.chainPosition)
                : tmpl::edit::BlockAddress::postProcessor(0, n.index);
            n.address.file = file;
            nodes << n;
        }
        build.chains << nodes;
    }
    if (!tpl.builders.isEmpty()) {
        build.range = at(tpl.builders.first().raw.range());
        build.defRange = build.range;
    }
    build.address = tmpl::edit::BlockAddress::ofBuild(0);
    build.address.file = file;
    s.builds << build;
    for (const LegacyVariable &v : tpl.variables) {
        PipelineNode n;
        n.kind = NodeKind::Variable;
        n.name = v.name;
        n.type = v.required ? QStringLiteral("required") : QStringLiteral("string");
        n.range = at(hcl::SourceRange::between(v.keyRange, v.valueRange));
        n.defRange = at(v.keyRange);
        n.file = file;
        n.id = QStringLiteral("var.") + v.name;
        n.address = tmpl::edit::BlockAddress::variable(v.name);
        n.address.file = file;
        s.variables << n;
    }
    return s;
}

hcl::Diagnostics SnapshotBuilder::mapDiagnostics(
    const hcl::Diagnostics &diags, const FileMapper &mapFile)
{
    hcl::Diagnostics out = diags;
    for (hcl::Diagnostic &d : out) {
        if (d.subject)
            d.subject->filename = mapFile(d.subject->filename);
        if (d.context)
            d.context->filename = mapFile(d.context->filename);
    }
    return out;
}

} // namespace kiln::models
