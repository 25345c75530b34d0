#include "engine/template/legacy/GoTemplateBuiltins.h"

#include "engine/template/legacy/GoDecoder.h"
#include "engine/template/legacy/GoTemplateExecutor.h"

#include <QUrl>

namespace kiln::tmpl::legacy {

namespace {

using F = GoTemplateFunction;
using R = GoTemplateFunction::Result;
using A = GoTemplateFunction::Arg;

bool truth(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::UnknownType: return false;
    case QMetaType::Bool: return v.toBool();
    case QMetaType::LongLong: return v.toLongLong() != 0;
    case QMetaType::Double: return v.toDouble() != 0;
    case QMetaType::QString: return !v.toString().isEmpty();
    case QMetaType::QVariantList: return !v.toList().isEmpty();
    case QMetaType::QVariantMap: return !v.toMap().isEmpty();
    default: return true;
    }
}

bool isString(const QVariant &v)
{
    return v.typeId() == QMetaType::QString;
}

// fmt.Sprint: a space between operands when neither side is a string.
QString sprint(const QVariantList &args)
{
    QString out;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (i > 0 && !isString(args[i]) && !isString(args[i - 1]))
            out += QLatin1Char(' ');
        out += args[i].isValid() ? GoTemplateExecutor::printValue(args[i]) : QStringLiteral("<nil>");
    }
    return out;
}

QString sprintln(const QVariantList &args)
{
    QStringList parts;
    for (const QVariant &a : args)
        parts << (a.isValid() ? GoTemplateExecutor::printValue(a) : QStringLiteral("<nil>"));
    return parts.join(QLatin1Char(' ')) + QLatin1Char('\n');
}

QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QString sprintf(const QString &format, const QVariantList &args)
{
    QString out;
    qsizetype argi = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format[i];
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        qsizetype j = i + 1;
        bool minus = false, zero = false, plus = false;
        for (; j < format.size() && QStringLiteral("-0+ #").contains(format[j]); ++j) {
            minus |= format[j] == QLatin1Char('-');
            zero |= format[j] == QLatin1Char('0');
            plus |= format[j] == QLatin1Char('+');
        }
        int width = 0, prec = -1;
        for (; j < format.size() && format[j].isDigit(); ++j)
            width = width * 10 + format[j].digitValue();
        if (j < format.size() && format[j] == QLatin1Char('.')) {
            prec = 0;
            for (++j; j < format.size() && format[j].isDigit(); ++j)
                prec = prec * 10 + format[j].digitValue();
        }
        if (j >= format.size()) {
            out += QStringLiteral("%!(NOVERB)");
            break;
        }
        const QChar verb = format[j];
        i = j;
        if (verb == QLatin1Char('%')) {
            out += QLatin1Char('%');
            continue;
        }
        if (argi >= args.size()) {
            out += QStringLiteral("%!") + verb + QStringLiteral("(MISSING)");
            continue;
        }
        const QVariant &a = args[argi++];
        QString s;
        const bool num = a.typeId() == QMetaType::LongLong || a.typeId() == QMetaType::Double;
        switch (verb.unicode()) {
        case 'v': s = a.isValid() ? GoTemplateExecutor::printValue(a) : QStringLiteral("<nil>"); break;
        case 's': s = isString(a) ? a.toString() : QStringLiteral("%!s(%1=%2)").arg(GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a)); break;
        case 'q': s = isString(a) ? goQuote(a.toString()) : QStringLiteral("%!q(%1=%2)").arg(GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a)); break;
        case 't': s = a.typeId() == QMetaType::Bool ? GoTemplateExecutor::printValue(a) : QStringLiteral("%!t(%1=%2)").arg(GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a)); break;
        case 'd':
            s = a.typeId() == QMetaType::LongLong ? QString::number(a.toLongLong()) : QStringLiteral("%!d(%1=%2)").arg(GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a));
            if (plus && a.typeId() == QMetaType::LongLong && a.toLongLong() >= 0)
                s.prepend(QLatin1Char('+'));
            break;
        case 'x':
        case 'X':
            if (a.typeId() == QMetaType::LongLong)
                s = QString::number(a.toLongLong(), 16);
            else if (isString(a))
                s = QString::fromLatin1(a.toString().toUtf8().toHex());
            else
                s = QStringLiteral("%!x(%1=%2)").arg(GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a));
            if (verb == QLatin1Char('X'))
                s = s.toUpper();
            break;
        case 'f':
        case 'e':
        case 'g':
            if (num) {
                const double d = a.toDouble();
                s = verb == QLatin1Char('g') && prec < 0 ? GoDecoder::goFloat(d, 'g') : QString::number(d, verb.toLatin1(), prec < 0 ? 6 : prec);
            } else {
                s = QStringLiteral("%!%1(%2=%3)").arg(verb, GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a));
            }
            break;
        default:
            s = QStringLiteral("%!%1(%2=%3)").arg(verb, GoTemplateExecutor::goTypeName(a), GoTemplateExecutor::printValue(a));
        }
        if (prec >= 0 && (verb == QLatin1Char('s') || verb == QLatin1Char('v')) && isString(a))
            s = s.left(prec);
        if (s.size() < width)
            s = minus ? s.leftJustified(width) : s.rightJustified(width, zero && num ? QLatin1Char('0') : QLatin1Char(' '));
        out += s;
    }
    if (argi < args.size()) {
        QStringList extra;
        for (qsizetype k = argi; k < args.size(); ++k)
            extra << GoTemplateExecutor::goTypeName(args[k]) + QLatin1Char('=') + GoTemplateExecutor::printValue(args[k]);
        out += QStringLiteral("%!(EXTRA ") + extra.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    return out;
}

// text/template's basicKind comparison; nullopt with Go's message on error.
std::optional<int> compare(const QVariant &a, const QVariant &b, bool ordered, QString &error)
{
    const int ta = a.typeId(), tb = b.typeId();
    if (ta != tb) {
        error = QStringLiteral("incompatible types for comparison");
        return std::nullopt;
    }
    switch (ta) {
    case QMetaType::Bool:
        if (ordered) {
            error = QStringLiteral("invalid type for comparison");
            return std::nullopt;
        }
        return a.toBool() == b.toBool() ? 0 : 1;
    case QMetaType::LongLong:
        return a.toLongLong() < b.toLongLong() ? -1 : a.toLongLong() > b.toLongLong() ? 1 : 0;
    case QMetaType::Double:
        return a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0;
    case QMetaType::QString:
        return a.toString().compare(b.toString()) < 0 ? -1 : a.toString() == b.toString() ? 0 : 1;
    default:
        if (ordered || ta == QMetaType::UnknownType) {
            error = ta == QMetaType::UnknownType ? QStringLiteral("invalid type for comparison") : QStringLiteral("invalid type for comparison");
            return std::nullopt;
        }
        error = QStringLiteral("non-comparable type %1: %2").arg(GoTemplateExecutor::printValue(a), GoTemplateExecutor::goTypeName(a));
        return std::nullopt;
    }
}

F ordered(std::function<bool(int)> test)
{
    return F{{A::Any, A::Any}, false, [test](const QVariantList &a) {
                 QString err;
                 const std::optional<int> c = compare(a[0], a[1], true, err);
                 return c ? R::ok(test(*c)) : R::fail(err);
             }};
}

QString htmlEscape(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case 0: out += QChar(0xFFFD); break;
        case '"': out += QStringLiteral("&#34;"); break;
        case '\'': out += QStringLiteral("&#39;"); break;
        case '&': out += QStringLiteral("&amp;"); break;
        case '<': out += QStringLiteral("&lt;"); break;
        case '>': out += QStringLiteral("&gt;"); break;
        default: out += c;
        }
    }
    return out;
}

QString jsEscape(const QString &s)
{
    QString out;
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\'': out += QStringLiteral("\\'"); break;
        case '"': out += QStringLiteral("\\\""); break;
        case '<': out += QStringLiteral("\\u003C"); break;
        case '>': out += QStringLiteral("\\u003E"); break;
        case '&': out += QStringLiteral("\\u0026"); break;
        case '=': out += QStringLiteral("\\u003D"); break;
        default:
            if (c.unicode() < ' ')
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper().replace(QStringLiteral("\\U"), QStringLiteral("\\u"));
            else
                out += c;
        }
    }
    return out;
}

} // namespace

GoTemplateFunctions goTemplateBuiltins()
{
    GoTemplateFunctions f;
    f.insert(QStringLiteral("and"), F{{A::Any, A::Any}, true, [](const QVariantList &a) {
                                          for (const QVariant &v : a)
                                              if (!truth(v))
                                                  return R::ok(v);
                                          return R::ok(a.last());
                                      }});
    f.insert(QStringLiteral("or"), F{{A::Any, A::Any}, true, [](const QVariantList &a) {
                                         for (const QVariant &v : a)
                                             if (truth(v))
                                                 return R::ok(v);
                                         return R::ok(a.last());
                                     }});
    f.insert(QStringLiteral("not"), F{{A::Any}, false, [](const QVariantList &a) { return R::ok(!truth(a[0])); }});
    f.insert(QStringLiteral("len"), F{{A::Any}, false, [](const QVariantList &a) {
                                          const QVariant &v = a[0];
                                          if (isString(v))
                                              return R::ok(qint64(v.toString().toUtf8().size()));
                                          if (v.typeId() == QMetaType::QVariantList)
                                              return R::ok(qint64(v.toList().size()));
                                          if (v.typeId() == QMetaType::QVariantMap)
                                              return R::ok(qint64(v.toMap().size()));
                                          if (!v.isValid())
                                              return R::fail(QStringLiteral("len of nil pointer"));
                                          return R::fail(QStringLiteral("len of type %1").arg(GoTemplateExecutor::goTypeName(v)));
                                      }});
    f.insert(QStringLiteral("index"), F{{A::Any, A::Any}, true, [](const QVariantList &a) {
                                            QVariant v = a[0];
                                            if (!v.isValid())
                                                return R::fail(QStringLiteral("index of untyped nil"));
                                            for (qsizetype i = 1; i < a.size(); ++i) {
                                                if (isString(v)) {
                                                    // Indexing a string yields a byte.
                                                    const QByteArray bytes = v.toString().toUtf8();
                                                    const qint64 k = a[i].toLongLong();
                                                    if (a[i].typeId() != QMetaType::LongLong)
                                                        return R::fail(QStringLiteral("cannot index slice/array with type %1").arg(GoTemplateExecutor::goTypeName(a[i])));
                                                    if (k < 0 || k >= bytes.size())
                                                        return R::fail(QStringLiteral("index out of range: %1").arg(k));
                                                    v = qint64(static_cast<unsigned char>(bytes[k]));
                                                } else if (v.typeId() == QMetaType::QVariantList) {
                                                    if (a[i].typeId() != QMetaType::LongLong)
                                                        return R::fail(QStringLiteral("cannot index slice/array with type %1").arg(GoTemplateExecutor::goTypeName(a[i])));
                                                    const QVariantList l = v.toList();
                                                    const qint64 k = a[i].toLongLong();
                                                    if (k < 0 || k >= l.size())
                                                        return R::fail(QStringLiteral("index out of range: %1").arg(k));
                                                    v = l[k];
                                                } else if (v.typeId() == QMetaType::QVariantMap) {
                                                    if (!isString(a[i]))
                                                        return R::fail(QStringLiteral("value has type %1; should be string").arg(GoTemplateExecutor::goTypeName(a[i])));
                                                    v = v.toMap().value(a[i].toString());
                                                } else {
                                                    return R::fail(QStringLiteral("can't index item of type %1").arg(GoTemplateExecutor::goTypeName(v)));
                                                }
                                            }
                                            return R::ok(v);
                                        }});
    f.insert(QStringLiteral("print"), F{{A::Any}, true, [](const QVariantList &a) { return R::ok(sprint(a)); }});
    f.insert(QStringLiteral("println"), F{{A::Any}, true, [](const QVariantList &a) { return R::ok(sprintln(a)); }});
    f.insert(QStringLiteral("printf"), F{{A::String, A::Any}, true, [](const QVariantList &a) {
                                             return R::ok(sprintf(a[0].toString(), a.mid(1)));
                                         }});
    f.insert(QStringLiteral("eq"), F{{A::Any, A::Any}, true, [](const QVariantList &a) {
                                         for (qsizetype i = 1; i < a.size(); ++i) {
                                             QString err;
                                             const std::optional<int> c = compare(a[0], a[i], false, err);
                                             if (!c)
                                                 return R::fail(err);
                                             if (*c == 0)
                                                 return R::ok(true);
                                         }
                                         return R::ok(false);
                                     }});
    f.insert(QStringLiteral("ne"), F{{A::Any, A::Any}, false, [](const QVariantList &a) {
                                         QString err;
                                         const std::optional<int> c = compare(a[0], a[1], false, err);
                                         return c ? R::ok(*c != 0) : R::fail(err);
                                     }});
    f.insert(QStringLiteral("lt"), ordered([](int c) { return c < 0; }));
    f.insert(QStringLiteral("le"), ordered([](int c) { return c <= 0; }));
    f.insert(QStringLiteral("gt"), ordered([](int c) { return c > 0; }));
    f.insert(QStringLiteral("ge"), ordered([](int c) { return c >= 0; }));
    f.insert(QStringLiteral("html"), F{{A::Any}, true, [](const QVariantList &a) { return R::ok(htmlEscape(sprint(a))); }});
    f.insert(QStringLiteral("js"), F{{A::Any}, true, [](const QVariantList &a) { return R::ok(jsEscape(sprint(a))); }});
    f.insert(QStringLiteral("urlquery"), F{{A::Any}, true, [](const QVariantList &a) {
                                               // url.QueryEscape: space becomes '+'.
                                               QByteArray e = QUrl::toPercentEncoding(sprint(a), " ");
                                               e.replace(' ', '+');
                                               return R::ok(QString::fromLatin1(e));
                                           }});
    return f;
}

} // namespace kiln::tmpl::legacy
