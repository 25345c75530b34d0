#include "engine/hcl/functions/DoublestarGlob.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace kiln::hcl::functions {

namespace {

    bool hasMagic(const QString &seg)
    {
        for (QChar c : seg)
            if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[') || c == QLatin1Char('{') || c == QLatin1Char('\\'))
                return true;
        return false;
    }

    // One path segment's pattern as an anchored regular expression.
    std::optional<QRegularExpression> segmentRegex(const QString &seg)
    {
        QString re;
        int braces = 0;
        for (qsizetype i = 0; i < seg.size(); ++i) {
            const QChar c = seg[i];
            if (c == QLatin1Char('\\')) {
                if (++i >= seg.size())
                    return std::nullopt;
                re += QRegularExpression::escape(QString(seg[i]));
            } else if (c == QLatin1Char('*')) {
                re += QLatin1String("[^/]*");
            } else if (c == QLatin1Char('?')) {
                re += QLatin1String("[^/]");
            } else if (c == QLatin1Char('[')) {
                const qsizetype close = seg.indexOf(QLatin1Char(']'), i + 2);
                if (close < 0)
                    return std::nullopt;
                QString body = seg.mid(i + 1, close - i - 1);
                QString cls = QStringLiteral("[");
                if (body.startsWith(QLatin1Char('^')) || body.startsWith(QLatin1Char('!'))) {
                    cls += QLatin1Char('^');
                    body = body.mid(1);
                }
                for (QChar b : body) {
                    if (b == QLatin1Char('\\') || b == QLatin1Char('[') || b == QLatin1Char(']') || b == QLatin1Char('^'))
                        cls += QLatin1Char('\\');
                    cls += b;
                }
                re += cls + QLatin1Char(']');
                i = close;
            } else if (c == QLatin1Char('{')) {
                ++braces;
                re += QLatin1String("(?:");
            } else if (c == QLatin1Char('}') && braces > 0) {
                --braces;
                re += QLatin1Char(')');
            } else if (c == QLatin1Char(',') && braces > 0) {
                re += QLatin1Char('|');
            } else {
                re += QRegularExpression::escape(QString(c));
            }
        }
        if (braces != 0)
            return std::nullopt;
        QRegularExpression r(QRegularExpression::anchoredPattern(re));
        if (!r.isValid())
            return std::nullopt;
        return r;
    }

    void walk(const QString &dir, const QStringList &segs, int i, QSet<QString> &seen, QStringList &out)
    {
        if (i == segs.size()) {
            if (!seen.contains(dir)) {
                seen.insert(dir);
                out.append(dir);
            }
            return;
        }
        const QString &seg = segs[i];
        auto child = [&](const QString &name) { return dir == QLatin1String("/") ? QLatin1Char('/') + name : dir + QLatin1Char('/') + name; };
        if (seg == QLatin1String("**")) {
            walk(dir, segs, i + 1, seen, out);
            // `**` also consumes files: a file then only matches when no
            // segments remain.
            const QStringList entries = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
            for (const QString &d : entries)
                walk(child(d), segs, i, seen, out);
            return;
        }
        if (!hasMagic(seg)) {
            const QString p = child(seg);
            if (QFileInfo::exists(p))
                walk(p, segs, i + 1, seen, out);
            return;
        }
        const std::optional<QRegularExpression> re = segmentRegex(seg);
        if (!re)
            return;
        const QStringList names = QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
        for (const QString &n : names)
            if (re->match(n).hasMatch())
                walk(child(n), segs, i + 1, seen, out);
    }

} // namespace

std::optional<QStringList> doublestarGlob(const QString &absolutePattern)
{
    QStringList segs = absolutePattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : segs)
        if (s != QLatin1String("**") && hasMagic(s) && !segmentRegex(s))
            return std::nullopt;
    QStringList out;
    QSet<QString> seen;
    walk(QStringLiteral("/"), segs, 0, seen, out);
    return out;
}

} // namespace kiln::hcl::functions
