// regex, regexall and regex_replace, as cty's stdlib regexp.go and
// string_replace.go, on GoRegexp (RE2 semantics over PCRE2).

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/GoRegexp.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    // cty's regexPatternResultType: a string without groups, a tuple for unnamed
    // groups, an object for named ones.
    std::optional<Type> resultTypeFor(const QString &pattern, FunctionError &err)
    {
        GoRegexp::SyntaxError se;
        std::optional<GoRegexp> re = GoRegexp::compile(pattern, &se);
        if (!re)
            return failType(err, 0, QStringLiteral("invalid regexp pattern: %1 in %2").arg(se.code, se.expr));
        const QStringList names = re->groupNames();
        int unnamed = 0;
        QMap<QString, Type> attrs;
        for (const QString &n : names) {
            if (n.isEmpty())
                ++unnamed;
            else
                attrs.insert(n, Type::string());
        }
        if (unnamed == 0 && attrs.isEmpty())
            return Type::string();
        if (unnamed > 0 && !attrs.isEmpty())
            return failType(err, 0, QStringLiteral("invalid regexp pattern: cannot mix both named and unnamed capture groups"));
        if (unnamed > 0)
            return Type::tuple(QList<Type>(unnamed, Type::string()));
        return Type::object(attrs);
    }

    Value matchResult(const GoRegexp &re, const QString &s, const QList<qsizetype> &m, const Type &t)
    {
        auto span = [&](int g) {
            const qsizetype st = m[2 * g];
            return st < 0 ? Value::null(Type::string()) : Value::string(s.mid(st, m[2 * g + 1] - st));
        };
        if (t == Type::string())
            return span(0);
        if (t.kind() == Type::Kind::Tuple) {
            QList<Value> vals;
            for (int g = 1; g < m.size() / 2; ++g)
                vals.append(span(g));
            return Value::tuple(vals);
        }
        QMap<QString, Value> attrs;
        const QStringList names = re.groupNames();
        for (int g = 1; g <= names.size(); ++g)
            attrs.insert(names[g - 1], span(g));
        return Value::object(attrs);
    }

} // namespace

void addRegexFunctions(FunctionTable &t)
{
    const Type str = Type::string();
    const QList<FunctionParam> params {param(QStringLiteral("pattern"), str), param(QStringLiteral("string"), str)};

    add(t, typedFunction(
               QStringLiteral("regex"),
               QStringLiteral("Applies the given regular expression pattern to the given string and returns information about a single match, or raises an error if there is no match."),
               params,
               [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                   if (!a[0].isKnown())
                       return Type::dynamic();
                   return resultTypeFor(a[0].asString(), err);
               },
               [](const QList<Value> &a, const Type &ret, FunctionError &err) {
                   if (ret.isDynamic())
                       return Value::dynamicUnknown();
                   GoRegexp::SyntaxError se;
                   std::optional<GoRegexp> re = GoRegexp::compile(a[0].asString(), &se);
                   if (!re)
                       return fail(err, 0, QStringLiteral("error parsing pattern: %1").arg(se.text()));
                   const QList<QList<qsizetype>> all = re->findAll(a[1].asString(), 1);
                   if (all.isEmpty())
                       return fail(err, -1, QStringLiteral("pattern did not match any part of the given string"));
                   return matchResult(*re, a[1].asString(), all.first(), ret);
               }));

    add(t, typedFunction(
               QStringLiteral("regexall"),
               QStringLiteral("Applies the given regular expression pattern to the given string and returns a list of information about all non-overlapping matches, or an empty list if there are no matches."),
               params,
               [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                   if (!a[0].isKnown())
                       return Type::list(Type::dynamic());
                   std::optional<Type> e = resultTypeFor(a[0].asString(), err);
                   if (!e)
                       return std::nullopt;
                   return Type::list(*e);
               },
               [](const QList<Value> &a, const Type &ret, FunctionError &err) {
                   const Type ety = ret.elementType();
                   if (ety.isDynamic())
                       return Value::dynamicUnknown();
                   GoRegexp::SyntaxError se;
                   std::optional<GoRegexp> re = GoRegexp::compile(a[0].asString(), &se);
                   if (!re)
                       return fail(err, 0, QStringLiteral("error parsing pattern: %1").arg(se.text()));
                   const QString s = a[1].asString();
                   const QList<QList<qsizetype>> all = re->findAll(s);
                   if (all.isEmpty())
                       return Value::listEmpty(ety);
                   QList<Value> elems;
                   for (const auto &m : all)
                       elems.append(matchResult(*re, s, m, ety));
                   return Value::list(elems);
               }));

    add(t, simpleFunction(
               QStringLiteral("regex_replace"),
               QStringLiteral("Applies the given regular expression pattern to the given string and replaces all matches with the given replacement string."),
               {param(QStringLiteral("str"), str), param(QStringLiteral("pattern"), str), param(QStringLiteral("replace"), str)}, str,
               [](const QList<Value> &a, const Type &, FunctionError &err) {
                   GoRegexp::SyntaxError se;
                   std::optional<GoRegexp> re = GoRegexp::compile(a[1].asString(), &se);
                   if (!re)
                       return fail(err, -1, se.text());
                   return Value::string(re->replaceAll(a[0].asString(), a[2].asString()));
               }));
}

} // namespace kiln::hcl::functions
