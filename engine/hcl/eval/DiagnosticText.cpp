#include "engine/hcl/eval/DiagnosticText.h"

#include "engine/hcl/Parser.h"

namespace kiln::hcl {

QString suggestFromUnordered(const QString &given, QStringList candidates)
{
    candidates.sort();
    return nameSuggestion(given, candidates);
}

QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const uint cp : s.toUcs4()) {
        switch (cp) {
        case '"':
            out += QStringLiteral("\\\"");
            continue;
        case '\\':
            out += QStringLiteral("\\\\");
            continue;
        case '\a':
            out += QStringLiteral("\\a");
            continue;
        case '\b':
            out += QStringLiteral("\\b");
            continue;
        case '\f':
            out += QStringLiteral("\\f");
            continue;
        case '\n':
            out += QStringLiteral("\\n");
            continue;
        case '\r':
            out += QStringLiteral("\\r");
            continue;
        case '\t':
            out += QStringLiteral("\\t");
            continue;
        case '\v':
            out += QStringLiteral("\\v");
            continue;
        default:
            break;
        }
        const char32_t c = char32_t(cp);
        if (cp < 0x20 || cp == 0x7f) {
            out += QStringLiteral("\\x%1").arg(cp, 2, 16, QLatin1Char('0'));
        } else if (!QChar::isPrint(c) && cp > 0x7f) {
            if (cp < 0x10000)
                out += QStringLiteral("\\u%1").arg(cp, 4, 16, QLatin1Char('0'));
            else
                out += QStringLiteral("\\U%1").arg(cp, 8, 16, QLatin1Char('0'));
        } else {
            out += QString::fromUcs4(&c, 1);
        }
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace kiln::hcl
