#include "engine/template/edit/PipelineDocument.h"

#include "engine/template/edit/JsonPipelineDocument.h"
#include "engine/template/edit/LegacyPipelineDocument.h"
#include "engine/template/edit/NativePipelineDocument.h"

namespace kiln::tmpl::edit {

PipelineDocument::PipelineDocument(QString fileName, QString text)
    : m_fileName(std::move(fileName))
    , m_text(std::move(text))
    , m_source(m_text.toUtf8())
{ }

PipelineDocument::~PipelineDocument() = default;

std::unique_ptr<PipelineDocument> PipelineDocument::create(QString fileName, QString text)
{
    const QString lower = fileName.toLower();
    if (lower.endsWith(QLatin1String(".pkr.json")) || lower.endsWith(QLatin1String(".hcl.json")))
        return std::make_unique<JsonPipelineDocument>(std::move(fileName), std::move(text));
    if (lower.endsWith(QLatin1String(".json")))
        return std::make_unique<LegacyPipelineDocument>(std::move(fileName), std::move(text));
    return std::make_unique<NativePipelineDocument>(std::move(fileName), std::move(text));
}

EditResult PipelineDocument::finish(const QList<hcl::edit::ByteEdit> &edits) const
{
    const QByteArray edited = normalize(hcl::edit::applyByteEdits(m_source.bytes(), edits));
    const QString problem = checkParses(edited);
    if (!problem.isEmpty())
        return EditResult::failure(
            QStringLiteral("The edit would leave %1 invalid: %2").arg(m_fileName, problem));
    EditResult r;
    r.text = QString::fromUtf8(edited);
    r.edits = hcl::edit::diffEdits(m_fileName, m_text, r.text);
    return r;
}

EditResult PipelineDocument::unsupported(const QString &operation) const
{
    return EditResult::failure(
        QStringLiteral("%1 is not available for %2").arg(operation, syntaxName()));
}

QString PipelineDocument::describe(const hcl::Diagnostics &diags)
{
    for (const hcl::Diagnostic &d : diags) {
        if (d.severity != hcl::Severity::Error)
            continue;
        QString s = d.subject ? d.subject->toString() + QStringLiteral(": ") : QString();
        s += d.summary;
        if (!d.detail.isEmpty())
            s += QStringLiteral("; ") + d.detail;
        return s;
    }
    return {};
}

QString PipelineDocument::noBuild(const QString &file, int build, int count)
{
    return QStringLiteral("%1 has no build number %2 (it has %3)").arg(file).arg(build).arg(count);
}

QString PipelineDocument::noEntry(const QString &what, int build, int index, int count)
{
    return QStringLiteral("Build %1 has no %2 number %3 (it has %4)")
        .arg(build)
        .arg(what)
        .arg(index)
        .arg(count);
}

EditResult PipelineDocument::addSource(const QString &, const QString &, const Attributes &)
{
    return unsupported(QStringLiteral("Adding a source"));
}

EditResult PipelineDocument::connectSource(int, const QString &)
{
    return unsupported(QStringLiteral("Connecting a source"));
}

EditResult PipelineDocument::disconnectSource(int, const QString &)
{
    return unsupported(QStringLiteral("Disconnecting a source"));
}

EditResult PipelineDocument::moveToBuild(const BlockAddress &from, int toBuild, int toPosition)
{
    if (toBuild == from.build)
        return move(from, toPosition);
    return unsupported(QStringLiteral("Moving a block to another build"));
}

EditResult PipelineDocument::duplicate(const BlockAddress &)
{
    return unsupported(QStringLiteral("Duplicating a block"));
}

QString PipelineDocument::blockText(const BlockAddress &) const
{
    return {};
}

EditResult PipelineDocument::insertBlockText(int, Kind, int, const QString &)
{
    return unsupported(QStringLiteral("Pasting a block"));
}

EditResult PipelineDocument::renameBlock(const BlockAddress &, const QStringList &)
{
    return unsupported(QStringLiteral("Renaming a block"));
}

EditResult PipelineDocument::addBuild(const QString &)
{
    return unsupported(QStringLiteral("Adding a build"));
}

EditResult PipelineDocument::addVariable(const QString &, const QString &, const QString &)
{
    return unsupported(QStringLiteral("Adding a variable"));
}

} // namespace kiln::tmpl::edit
