#pragma once

#include "app/models/completion/HclOutline.h"

#include <QList>
#include <QString>

namespace kiln::models {

// A name a template declares and an expression can refer to.
struct TemplateSymbol
{
    enum class Kind { Variable, Local, Source, DataSource };
    Kind kind = Kind::Variable;
    QString type; // sources and data sources: the component type
    QString name;
    ByteSpan span; // where it is declared (the label or the attribute name)
    QString description; // variables: their description's source text
    QString typeText; // variables: their type expression's source text
};

// The declarations of one HCL2 template file: variable and variables blocks, locals and
// local blocks, top-level source and data blocks.
class TemplateSymbols
{
public:
    static TemplateSymbols collect(const HclOutline &outline, const QByteArray &utf8);

    const QList<TemplateSymbol> &symbols() const { return m_symbols; }
    // Adds the declarations of another file of the same template (a directory template);
    // their spans refer to that file.
    void append(const TemplateSymbols &other) { m_symbols += other.m_symbols; }
    QList<TemplateSymbol> ofKind(TemplateSymbol::Kind kind) const;
    // Null when not declared; `type` is ignored for variables and locals.
    const TemplateSymbol *find(
        TemplateSymbol::Kind kind, const QString &type, const QString &name) const;

private:
    QList<TemplateSymbol> m_symbols;
};

} // namespace kiln::models
