#pragma once

#include "app/models/completion/CompletionItem.h"

#include <QString>
#include <QStringList>

namespace kiln::registry {
class Registry;
}

namespace kiln::models {

struct CursorContext;
class HclOutline;
class TemplateSymbols;
struct BodySchema;

// Completion for HCL2 templates, from the text alone plus the component registry and the
// function library: block types at the top level, component types in block labels,
// arguments of the enclosing block's schema (minus those already set), enum values,
// var./local./source./data. references and functions with their signatures.
//
// Pure logic over a string; the editor widget shows what it returns.
class CompletionEngine
{
public:
    explicit CompletionEngine(const registry::Registry *registry = nullptr)
        : m_registry(registry)
    { }

    void setRegistry(const registry::Registry *registry) { m_registry = registry; }
    // The other files of a directory template: what they declare (variables, locals,
    // sources, data sources) is offered too.
    void setCompanionTexts(const QStringList &texts) { m_companions = texts; }

    // Proposals for the cursor at `offset` (UTF-16) in `text`, filtered by the typed
    // prefix (case-insensitive) and sorted by label.
    CompletionResult complete(const QString &text, qsizetype offset) const;

private:
    QList<CompletionItem> bodyItems(const HclOutline &outline, const CursorContext &ctx) const;
    QList<CompletionItem> labelItems(
        const HclOutline &outline, const TemplateSymbols &symbols, const CursorContext &ctx) const;
    QList<CompletionItem> expressionItems(const HclOutline &outline, const TemplateSymbols &symbols,
        const CursorContext &ctx, QByteArray &prefix) const;
    QList<CompletionItem> referenceItems(
        const TemplateSymbols &symbols, const QStringList &parts) const;

    const registry::Registry *m_registry = nullptr;
    QStringList m_companions;
};

} // namespace kiln::models
