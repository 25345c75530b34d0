#include "engine/hcl/functions/FunctionSupport.h"

#include <QTextBoundaryFinder>

#include <limits>

namespace kiln::hcl::functions {

Function simpleFunction(const QString &name, const QString &description, const QList<FunctionParam> &params,
                        const Type &returnType, Impl impl)
{
    Function f;
    f.name = name;
    f.description = description;
    f.params = params;
    f.returnType = returnType;
    f.impl = std::move(impl);
    return f;
}

Function typedFunction(const QString &name, const QString &description, const QList<FunctionParam> &params,
                       TypeFn typeFor, Impl impl)
{
    Function f;
    f.name = name;
    f.description = description;
    f.params = params;
    f.typeFor = std::move(typeFor);
    f.impl = std::move(impl);
    return f;
}

std::optional<qint64> toInt(const Value &v, QString *error)
{
    if (v.isNull()) {
        *error = QStringLiteral("null value is not allowed");
        return std::nullopt;
    }
    if (!v.isKnown()) {
        *error = QStringLiteral("value must be known");
        return std::nullopt;
    }
    if (v.type().kind() != Type::Kind::Number) {
        *error = QStringLiteral("number value is required");
        return std::nullopt;
    }
    std::optional<qint64> i = v.asNumber().toInt64();
    if (!i) {
        *error = QStringLiteral("value must be a whole number, between %1 and %2")
                     .arg(std::numeric_limits<qint64>::min())
                     .arg(std::numeric_limits<qint64>::max());
    }
    return i;
}

QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const char32_t c : s.toUcs4()) {
        switch (c) {
        case '\a': out += QStringLiteral("\\a"); break;
        case '\b': out += QStringLiteral("\\b"); break;
        case '\f': out += QStringLiteral("\\f"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '\v': out += QStringLiteral("\\v"); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '"': out += QStringLiteral("\\\""); break;
        default:
            if (c < 0x20 || c == 0x7f)
                out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
            else if (!QChar::isPrint(c) && c > 0x7f)
                out += c > 0xffff ? QStringLiteral("\\U%1").arg(uint(c), 8, 16, QLatin1Char('0'))
                                  : QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
            else
                out += QString::fromUcs4(&c, 1);
        }
    }
    out += QLatin1Char('"');
    return out;
}

std::optional<Value> convertOrError(const Value &v, const Type &t, FunctionError &err, int argIndex)
{
    QString why;
    std::optional<Value> out = convert(v, t, &why);
    if (!out)
        err = {argIndex, why};
    return out;
}

QList<QString> graphemes(const QString &s)
{
    QList<QString> out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
    qsizetype prev = 0;
    while (finder.toNextBoundary() != -1) {
        const qsizetype pos = finder.position();
        if (pos > prev)
            out.append(s.mid(prev, pos - prev));
        prev = pos;
    }
    return out;
}

qsizetype graphemeCount(const QString &s)
{
    // In ASCII every character is its own cluster except CR LF, which is one
    // (Unicode's rule GB3); anything else goes through the full segmentation.
    qsizetype count = 0;
    const QChar *p = s.constData();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i].unicode() >= 0x80) {
            QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, s);
            count = 0;
            qsizetype prev = 0;
            while (finder.toNextBoundary() != -1) {
                if (finder.position() > prev)
                    ++count;
                prev = finder.position();
            }
            return count;
        }
        if (!(p[i] == u'\n' && i > 0 && p[i - 1] == u'\r'))
            ++count;
    }
    return count;
}

} // namespace kiln::hcl::functions
