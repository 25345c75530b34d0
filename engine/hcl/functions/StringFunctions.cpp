// String functions of cty's stdlib (string.go, string_replace.go) and Packer's
// startswith/endswith/strcontains. Go works on UTF-8 bytes and runes; the
// helpers here work on code points so results match for all of Unicode.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QRegularExpression>

#include <algorithm>

namespace kiln::hcl::functions {

namespace {

    const Type str = Type::string();

    Value s(const QString &v) { return Value::string(v); }

    // Go's strings.Split: an empty separator splits after each code point.
    QStringList goSplit(const QString &text, const QString &sep)
    {
        if (!sep.isEmpty())
            return text.split(sep);
        QStringList out;
        for (char32_t c : text.toUcs4())
            out.append(QString::fromUcs4(&c, 1));
        return out;
    }

    // Go's strings.Replace(s, old, new, -1): an empty `old` matches at the start
    // and after each code point.
    QString goReplace(const QString &text, const QString &old, const QString &repl)
    {
        if (!old.isEmpty()) {
            QString out = text;
            return out.replace(old, repl);
        }
        QString out = repl;
        for (char32_t c : text.toUcs4()) {
            out += QString::fromUcs4(&c, 1);
            out += repl;
        }
        return out;
    }

    QString goTrim(const QString &text, const QString &cutset)
    {
        const QList<uint> cut = cutset.toUcs4();
        QList<uint> cps = text.toUcs4();
        qsizetype b = 0, e = cps.size();
        while (b < e && cut.contains(cps[b]))
            ++b;
        while (e > b && cut.contains(cps[e - 1]))
            --e;
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData() + b), e - b);
    }

    // unicode.IsSpace
    bool goIsSpace(char32_t c)
    {
        switch (c) {
        case '\t': case '\n': case '\v': case '\f': case '\r': case ' ': case 0x85: case 0xA0:
            return true;
        default:
            return c > 0xff && QChar::isSpace(c);
        }
    }

    QString goTrimSpace(const QString &text)
    {
        const QList<uint> cps = text.toUcs4();
        qsizetype b = 0, e = cps.size();
        while (b < e && goIsSpace(cps[b]))
            ++b;
        while (e > b && goIsSpace(cps[e - 1]))
            --e;
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData() + b), e - b);
    }

    // strings.Title's word-boundary rule (isSeparator in Go's strings package).
    bool goIsSeparator(char32_t c)
    {
        if (c <= 0x7F) {
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
                return false;
            return true;
        }
        if (QChar::isLetterOrNumber(c))
            return false;
        return goIsSpace(c);
    }

    QString goTitle(const QString &text)
    {
        QString out;
        char32_t prev = ' ';
        for (char32_t c : text.toUcs4()) {
            char32_t o = c;
            if (goIsSeparator(prev))
                o = QChar::toTitleCase(c);
            out += QString::fromUcs4(&o, 1);
            prev = c;
        }
        return out;
    }

    Value substr(const QList<Value> &a, FunctionError &err)
    {
        QString why;
        std::optional<qint64> offset = toInt(a[1], &why);
        if (!offset)
            return fail(err, -1, why);
        std::optional<qint64> length = toInt(a[2], &why);
        if (!length)
            return fail(err, -1, why);
        const QList<QString> clusters = graphemes(a[0].asString());
        const qsizetype total = clusters.size();
        qsizetype start = 0;
        // Follows cty's loop exactly, including its quirk that a zero length
        // only short-cuts for non-negative offsets.
        if (*offset < 0) {
            *offset += total;
        } else if (*length == 0) {
            return s(QString());
        }
        if (*offset > 0) {
            if (*offset > total)
                return s(QString());
            start = *offset;
        }
        qsizetype end = total;
        if (*length > 0)
            end = std::min<qsizetype>(total, start + *length);
        QString out;
        for (qsizetype i = start; i < end; ++i)
            out += clusters[i];
        return s(out);
    }

    Value join(const QList<Value> &a, FunctionError &err)
    {
        const qsizetype nLists = a.size() - 1;
        if (nLists < 1)
            return fail(err, -1, QStringLiteral("at least one list is required"));
        for (qsizetype i = 1; i < a.size(); ++i)
            if (!a[i].isWhollyKnown())
                return Value::unknown(str);
        QStringList items;
        for (qsizetype ai = 1; ai < a.size(); ++ai) {
            int ei = 0;
            for (const Value &v : a[ai].elements()) {
                if (v.isNull()) {
                    if (nLists > 1)
                        return fail(err, int(ai),
                                    QStringLiteral("element %1 of list %2 is null; cannot concatenate null values").arg(ei).arg(ai));
                    return fail(err, int(ai), QStringLiteral("element %1 is null; cannot concatenate null values").arg(ei));
                }
                items.append(v.asString());
                ++ei;
            }
        }
        return s(items.join(a[0].asString()));
    }

    Value sortStrings(const QList<Value> &a, const Type &ret, FunctionError &err)
    {
        const Value &list = a[0];
        if (!list.isWhollyKnown())
            return Value::unknown(ret);
        if (list.length() == 0)
            return list;
        QList<QByteArray> items;
        int i = 0;
        for (const Value &v : list.elements()) {
            if (v.isNull())
                return fail(err, -1, QStringLiteral("given list element %1 is null; a null string cannot be sorted").arg(i));
            items.append(v.asString().toUtf8()); // Go sorts by bytes
            ++i;
        }
        std::sort(items.begin(), items.end());
        QList<Value> out;
        for (const QByteArray &b : items)
            out.append(s(QString::fromUtf8(b)));
        return Value::list(out);
    }

    using StrFn = std::function<QString(const QString &)>;
    Function unary(const QString &name, const QString &desc, StrFn fn, unsigned flags = 0)
    {
        return simpleFunction(name, desc, {param(QStringLiteral("str"), str, flags)}, str,
                              [fn](const QList<Value> &a, const Type &, FunctionError &) { return s(fn(a[0].asString())); });
    }

    using Str2Fn = std::function<Value(const QString &, const QString &)>;
    Function binary(const QString &name, const QString &desc, const QString &p1, const QString &p2, const Type &ret, Str2Fn fn)
    {
        return simpleFunction(name, desc, {param(p1, str), param(p2, str)}, ret,
                              [fn](const QList<Value> &a, const Type &, FunctionError &) { return fn(a[0].asString(), a[1].asString()); });
    }

} // namespace

void addStringFunctions(FunctionTable &t)
{
    add(t, unary(QStringLiteral("upper"), QStringLiteral("Returns the given string with all Unicode letters translated to their uppercase equivalents."),
                 [](const QString &v) { return v.toUpper(); }, AllowDynamic));
    add(t, unary(QStringLiteral("lower"), QStringLiteral("Returns the given string with all Unicode letters translated to their lowercase equivalents."),
                 [](const QString &v) { return v.toLower(); }, AllowDynamic));
    add(t, unary(QStringLiteral("strrev"), QStringLiteral("Returns the given string with all of its Unicode characters in reverse order."),
                 [](const QString &v) {
                     QList<QString> g = graphemes(v);
                     std::reverse(g.begin(), g.end());
                     return g.join(QString());
                 }, AllowDynamic));
    add(t, unary(QStringLiteral("chomp"), QStringLiteral("Removes one or more newline characters from the end of the given string."),
                 [](const QString &v) {
                     static const QRegularExpression trailing(QStringLiteral("(?:\\r\\n?|\\n)*\\z"));
                     QString out = v;
                     return out.remove(trailing);
                 }));
    add(t, unary(QStringLiteral("title"), QStringLiteral("Replaces one letter after each non-letter and non-digit character with its uppercase equivalent."),
                 goTitle));
    add(t, unary(QStringLiteral("trimspace"), QStringLiteral("Removes any consecutive space characters (as defined by Unicode) from the start and end of the given string."),
                 goTrimSpace));

    add(t, simpleFunction(QStringLiteral("substr"), QStringLiteral("Extracts a substring from the given string."),
                          {param(QStringLiteral("str"), str, AllowDynamic), param(QStringLiteral("offset"), Type::number(), AllowDynamic),
                           param(QStringLiteral("length"), Type::number(), AllowDynamic)},
                          str, [](const QList<Value> &a, const Type &, FunctionError &err) { return substr(a, err); }));

    Function joinFn = simpleFunction(QStringLiteral("join"),
                                     QStringLiteral("Concatenates together the elements of all given lists with a delimiter, producing a single string."),
                                     {param(QStringLiteral("separator"), str)}, str,
                                     [](const QList<Value> &a, const Type &, FunctionError &err) { return join(a, err); });
    joinFn.varParam = param(QStringLiteral("lists"), Type::list(str));
    add(t, joinFn);

    add(t, simpleFunction(QStringLiteral("sort"), QStringLiteral("Applies a lexicographic sort to the elements of the given list."),
                          {param(QStringLiteral("list"), Type::list(str), AllowUnknown)}, Type::list(str),
                          [](const QList<Value> &a, const Type &ret, FunctionError &err) { return sortStrings(a, ret, err); }));

    add(t, simpleFunction(QStringLiteral("split"), QStringLiteral("Produces a list of one or more strings by splitting the given string at all instances of a given separator substring."),
                          {param(QStringLiteral("separator"), str), param(QStringLiteral("str"), str)}, Type::list(str),
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              const QStringList parts = goSplit(a[1].asString(), a[0].asString());
                              if (parts.isEmpty())
                                  return Value::listEmpty(str);
                              QList<Value> out;
                              for (const QString &p : parts)
                                  out.append(s(p));
                              return Value::list(out);
                          }));

    add(t, simpleFunction(QStringLiteral("indent"), QStringLiteral("Adds a given number of spaces after each newline character in the given string."),
                          {param(QStringLiteral("spaces"), Type::number()), param(QStringLiteral("str"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<qint64> n = toInt(a[0], &why);
                              if (!n)
                                  return fail(err, -1, why);
                              if (*n < 0)
                                  return fail(err, -1, QStringLiteral("panic in function implementation: strings: negative Repeat count"));
                              QString out = a[1].asString();
                              return s(out.replace(QLatin1Char('\n'), QLatin1Char('\n') + QString(*n, QLatin1Char(' '))));
                          }));

    add(t, binary(QStringLiteral("trim"), QStringLiteral("Removes the specified set of characters from the start and end of the given string."),
                  QStringLiteral("str"), QStringLiteral("cutset"), str, [](const QString &a, const QString &b) { return s(goTrim(a, b)); }));
    add(t, binary(QStringLiteral("trimprefix"), QStringLiteral("Removes the given prefix from the start of the given string, if present."),
                  QStringLiteral("str"), QStringLiteral("prefix"), str,
                  [](const QString &a, const QString &b) { return s(a.startsWith(b) ? a.mid(b.size()) : a); }));
    add(t, binary(QStringLiteral("trimsuffix"), QStringLiteral("Removes the given suffix from the start of the given string, if present."),
                  QStringLiteral("str"), QStringLiteral("suffix"), str,
                  [](const QString &a, const QString &b) { return s(a.endsWith(b) ? a.left(a.size() - b.size()) : a); }));
    add(t, binary(QStringLiteral("startswith"), QStringLiteral("Returns true if the given string begins with the given prefix."),
                  QStringLiteral("str"), QStringLiteral("prefix"), Type::boolean(),
                  [](const QString &a, const QString &b) { return Value::boolean(a.startsWith(b)); }));
    add(t, binary(QStringLiteral("endswith"), QStringLiteral("Returns true if the given string ends with the given suffix."),
                  QStringLiteral("str"), QStringLiteral("suffix"), Type::boolean(),
                  [](const QString &a, const QString &b) { return Value::boolean(a.endsWith(b)); }));
    add(t, binary(QStringLiteral("strcontains"), QStringLiteral("Returns true if the given string contains the given substring."),
                  QStringLiteral("str"), QStringLiteral("substr"), Type::boolean(),
                  [](const QString &a, const QString &b) { return Value::boolean(a.contains(b)); }));

    add(t, simpleFunction(QStringLiteral("replace"), QStringLiteral("Replaces all instances of the given substring in the given string with the given replacement string."),
                          {param(QStringLiteral("str"), str), param(QStringLiteral("substr"), str), param(QStringLiteral("replace"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              return s(goReplace(a[0].asString(), a[1].asString(), a[2].asString()));
                          }));
}

} // namespace kiln::hcl::functions
