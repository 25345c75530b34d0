#include "engine/template/BuildGlob.h"

namespace kiln::tmpl {

std::optional<BuildGlob> BuildGlob::compile(const QString &pattern, QString *error)
{
    QString re = QStringLiteral("\\A(?:");
    int braceDepth = 0;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == QLatin1Char('\\')) {
            if (i + 1 >= pattern.size()) {
                if (error)
                    *error = QStringLiteral("unexpected end of input");
                return std::nullopt;
            }
            re += QRegularExpression::escape(QString(pattern[++i]));
        } else if (c == QLatin1Char('*')) {
            re += QStringLiteral(".*");
        } else if (c == QLatin1Char('?')) {
            re += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            qsizetype end = pattern.indexOf(QLatin1Char(']'), i + 1);
            if (end < 0) {
                if (error)
                    *error = QStringLiteral("unexpected end of input");
                return std::nullopt;
            }
            QString body = pattern.mid(i + 1, end - i - 1);
            QString cls = QStringLiteral("[");
            if (body.startsWith(QLatin1Char('!'))) {
                cls += QLatin1Char('^');
                body = body.mid(1);
            }
            for (QChar b : body)
                cls += (b == QLatin1Char('-')) ? QString(b) : QRegularExpression::escape(QString(b));
            re += cls + QLatin1Char(']');
            i = end;
        } else if (c == QLatin1Char('{')) {
            ++braceDepth;
            re += QStringLiteral("(?:");
        } else if (c == QLatin1Char('}') && braceDepth > 0) {
            --braceDepth;
            re += QLatin1Char(')');
        } else if (c == QLatin1Char(',') && braceDepth > 0) {
            re += QLatin1Char('|');
        } else {
            re += QRegularExpression::escape(QString(c));
        }
    }
    if (braceDepth > 0) {
        if (error)
            *error = QStringLiteral("unexpected end of input");
        return std::nullopt;
    }
    re += QStringLiteral(")\\z");
    BuildGlob g;
    g.m_pattern = pattern;
    g.m_re = QRegularExpression(re, QRegularExpression::DotMatchesEverythingOption);
    if (!g.m_re.isValid()) {
        if (error)
            *error = g.m_re.errorString();
        return std::nullopt;
    }
    return g;
}

bool BuildGlob::match(const QString &name) const
{
    return m_re.match(name).hasMatch();
}

} // namespace kiln::tmpl
