#include "app/models/completion/TemplateSymbols.h"

namespace kiln::models {

namespace {

QString sourceText(const QByteArray &utf8, ByteSpan span)
{
    return QString::fromUtf8(utf8.mid(span.start, span.end - span.start)).trimmed();
}

// A description is usually one quoted string: show its text, not its source.
QString unquoted(const QString &source)
{
    if (source.size() >= 2 && source.startsWith(u'"') && source.endsWith(u'"')
        && !source.contains(QStringLiteral("${"))) {
        QString text = source.mid(1, source.size() - 2);
        text.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        text.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        return text;
    }
    return source;
}

TemplateSymbol symbol(
    TemplateSymbol::Kind kind, const QString &type, const QString &name, ByteSpan span)
{
    TemplateSymbol s;
    s.kind = kind;
    s.type = type;
    s.name = name;
    s.span = span;
    return s;
}

} // namespace

TemplateSymbols TemplateSymbols::collect(const HclOutline &outline, const QByteArray &utf8)
{
    TemplateSymbols result;
    const auto &blocks = outline.blocks();
    for (int index : outline.topLevel()) {
        const OutlineBlock &b = blocks[index];
        if (b.type == QLatin1String("variable") && b.labels.size() >= 1) {
            TemplateSymbol s
                = symbol(TemplateSymbol::Kind::Variable, {}, b.labels[0], b.labelSpans[0]);
            for (const auto &a : b.attributes) {
                if (a.name == QLatin1String("description"))
                    s.description = unquoted(sourceText(utf8, a.valueSpan));
                else if (a.name == QLatin1String("type"))
                    s.typeText = sourceText(utf8, a.valueSpan);
            }
            result.m_symbols.append(s);
        } else if (b.type == QLatin1String("variables")) {
            for (const auto &a : b.attributes)
                result.m_symbols.append(
                    symbol(TemplateSymbol::Kind::Variable, {}, a.name, a.nameSpan));
        } else if (b.type == QLatin1String("locals")) {
            for (const auto &a : b.attributes)
                result.m_symbols.append(
                    symbol(TemplateSymbol::Kind::Local, {}, a.name, a.nameSpan));
        } else if (b.type == QLatin1String("local") && b.labels.size() >= 1) {
            result.m_symbols.append(
                symbol(TemplateSymbol::Kind::Local, {}, b.labels[0], b.labelSpans[0]));
        } else if ((b.type == QLatin1String("source") || b.type == QLatin1String("data"))
            && b.labels.size() >= 2) {
            const auto kind = b.type == QLatin1String("source") ? TemplateSymbol::Kind::Source
                                                                : TemplateSymbol::Kind::DataSource;
            result.m_symbols.append(symbol(kind, b.labels[0], b.labels[1], b.labelSpans[1]));
        }
    }
    return result;
}

QList<TemplateSymbol> TemplateSymbols::ofKind(TemplateSymbol::Kind kind) const
{
    QList<TemplateSymbol> result;
    for (const auto &s : m_symbols) {
        if (s.kind == kind)
            result.append(s);
    }
    return result;
}

const TemplateSymbol *TemplateSymbols::find(
    TemplateSymbol::Kind kind, const QString &type, const QString &name) const
{
    const bool typed
        = kind == TemplateSymbol::Kind::Source || kind == TemplateSymbol::Kind::DataSource;
    for (const auto &s : m_symbols) {
        if (s.kind == kind && s.name == name && (!typed || s.type == type))
            return &s;
    }
    return nullptr;
}

} // namespace kiln::models
