#include "engine/template/edit/PipelineEditor.h"

#include "engine/template/edit/PipelineDocument.h"

namespace kiln::tmpl::edit {

PipelineEditor::PipelineEditor(QString fileName, QString text)
    : d(PipelineDocument::create(std::move(fileName), std::move(text)))
{ }

PipelineEditor::~PipelineEditor() = default;

const QString &PipelineEditor::fileName() const
{
    return d->fileName();
}

const QString &PipelineEditor::text() const
{
    return d->text();
}

QString PipelineEditor::parseError() const
{
    return d->parseError();
}

std::optional<hcl::SourceRange> PipelineEditor::rangeOf(const BlockAddress &address) const
{
    if (!d->parseError().isEmpty())
        return std::nullopt;
    return d->rangeOf(address);
}

std::optional<hcl::edit::TextSpan> PipelineEditor::spanOf(const BlockAddress &address) const
{
    const auto r = rangeOf(address);
    if (!r)
        return std::nullopt;
    return hcl::edit::TextSpan{
        d->source().toUtf16(r->start.byte), d->source().toUtf16(r->end.byte)};
}

std::optional<BlockAddress> PipelineEditor::blockAt(qsizetype offset) const
{
    if (!d->parseError().isEmpty() || offset < 0 || offset > d->text().size())
        return std::nullopt;
    auto a = d->blockAt(d->source().toByte(offset));
    if (a)
        a->file = d->fileName();
    return a;
}

int PipelineEditor::buildCount() const
{
    return d->parseError().isEmpty() ? d->buildCount() : 0;
}

int PipelineEditor::count(int build, BlockAddress::Kind kind, int chain) const
{
    return d->parseError().isEmpty() ? d->count(build, kind, chain) : 0;
}

// Every operation refuses to work on text that does not parse: the tree it
// would edit is only a recovery guess.
#define KILN_REQUIRE_PARSED()                                                                      \
    if (!d->parseError().isEmpty())                                                                \
        return EditResult::failure(d->parseError());

EditResult PipelineEditor::addSource(
    const QString &type, const QString &name, const Attributes &attrs)
{
    KILN_REQUIRE_PARSED();
    return d->addSource(type, name, attrs);
}

EditResult PipelineEditor::connectSource(int build, const QString &sourceRef)
{
    KILN_REQUIRE_PARSED();
    return d->connectSource(build, sourceRef);
}

EditResult PipelineEditor::disconnectSource(int build, const QString &sourceRef)
{
    KILN_REQUIRE_PARSED();
    return d->disconnectSource(build, sourceRef);
}

EditResult PipelineEditor::insertProvisioner(
    int build, int position, const QString &type, const Attributes &attrs)
{
    KILN_REQUIRE_PARSED();
    return d->insertBlock(build, BlockAddress::Kind::Provisioner, -1, position, type, attrs);
}

EditResult PipelineEditor::insertPostProcessor(
    int build, int position, const QString &type, const Attributes &attrs)
{
    KILN_REQUIRE_PARSED();
    return d->insertBlock(build, BlockAddress::Kind::PostProcessor, -1, position, type, attrs);
}

EditResult PipelineEditor::insertIntoChain(
    int build, int chain, int position, const QString &type, const Attributes &attrs)
{
    KILN_REQUIRE_PARSED();
    return d->insertBlock(
        build, BlockAddress::Kind::ChainPostProcessor, chain, position, type, attrs);
}

EditResult PipelineEditor::move(const BlockAddress &from, int toPosition)
{
    KILN_REQUIRE_PARSED();
    return d->move(from, toPosition);
}

EditResult PipelineEditor::moveToBuild(const BlockAddress &from, int toBuild, int toPosition)
{
    KILN_REQUIRE_PARSED();
    return d->moveToBuild(from, toBuild, toPosition);
}

EditResult PipelineEditor::remove(const BlockAddress &address)
{
    KILN_REQUIRE_PARSED();
    return d->remove(address);
}

EditResult PipelineEditor::duplicate(const BlockAddress &address)
{
    KILN_REQUIRE_PARSED();
    return d->duplicate(address);
}

QString PipelineEditor::blockText(const BlockAddress &address) const
{
    return d->parseError().isEmpty() ? d->blockText(address) : QString();
}

EditResult PipelineEditor::insertBlockText(
    int build, BlockAddress::Kind kind, int position, const QString &text)
{
    KILN_REQUIRE_PARSED();
    return d->insertBlockText(build, kind, position, text);
}

EditResult PipelineEditor::setAttribute(
    const BlockAddress &address, const QString &key, const QString &expressionText)
{
    KILN_REQUIRE_PARSED();
    return d->setAttribute(address, key, expressionText);
}

EditResult PipelineEditor::removeAttribute(const BlockAddress &address, const QString &key)
{
    KILN_REQUIRE_PARSED();
    return d->removeAttribute(address, key);
}

EditResult PipelineEditor::renameBlock(const BlockAddress &address, const QStringList &newLabels)
{
    KILN_REQUIRE_PARSED();
    return d->renameBlock(address, newLabels);
}

EditResult PipelineEditor::addBuild(const QString &name)
{
    KILN_REQUIRE_PARSED();
    return d->addBuild(name);
}

EditResult PipelineEditor::addVariable(
    const QString &name, const QString &type, const QString &defaultExpr)
{
    KILN_REQUIRE_PARSED();
    return d->addVariable(name, type, defaultExpr);
}

#undef KILN_REQUIRE_PARSED

} // namespace kiln::tmpl::edit
