// yamldecode and yamlencode, as go-cty-yaml (which Packer registers). Parsing
// uses yaml-cpp; scalars are resolved with cty-yaml's rules (YAML 1.1 booleans
// such as yes/no/on/off, ~ and null, ints in 0x/0o, .inf, timestamps normalised
// to RFC 3339), merge keys (<<) are honoured, and every mapping becomes an object.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"
#include "engine/hcl/functions/YamlEmitter.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <yaml-cpp/yaml.h>

namespace kiln::hcl::functions {

namespace {

    struct YamlError
    {
        QString message;
    };

    [[noreturn]] void raise(const YAML::Node &n, const QString &msg)
    {
        const YAML::Mark m = n.Mark();
        throw YamlError {QStringLiteral("on line %1, column %2: %3").arg(m.line + 1).arg(m.column + 1).arg(msg)};
    }

    // cty-yaml's parseTimestamp: only values that look like dates.
    std::optional<QString> parseTimestamp(const QString &s)
    {
        static const QRegularExpression re(QStringLiteral(
            "^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]| )(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})?)?$"));
        const QRegularExpressionMatch m = re.match(s);
        if (!m.hasMatch())
            return std::nullopt;
        const bool hasTime = !m.captured(4).isEmpty();
        const bool spaceSep = hasTime && s.contains(QLatin1Char(' '));
        const QString zone = m.captured(8);
        if (hasTime && !spaceSep && zone.isEmpty())
            return std::nullopt; // "T" forms need a zone in cty-yaml's layouts
        if (spaceSep && !zone.isEmpty())
            return std::nullopt;
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time = hasTime ? QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt()) : QTime(0, 0);
        if (!date.isValid() || !time.isValid())
            return std::nullopt;
        QString offset = QStringLiteral("Z");
        if (!zone.isEmpty() && zone != QLatin1String("Z") && zone != QLatin1String("+00:00") && zone != QLatin1String("-00:00"))
            offset = zone;
        return date.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('T') + time.toString(QStringLiteral("HH:mm:ss")) + offset;
    }

    Value resolveScalar(const YAML::Node &n)
    {
        const QString src = QString::fromStdString(n.Scalar());
        const std::string &tag = n.Tag();
        const QString intTag = QStringLiteral("tag:yaml.org,2002:int");
        if (tag == "!")
            return Value::string(src); // quoted scalars are strings
        QString t = QString::fromStdString(tag == "?" ? std::string() : tag);
        static const QSet<QString> resolvable {QString(), QStringLiteral("tag:yaml.org,2002:str"), QStringLiteral("tag:yaml.org,2002:bool"),
                                               intTag, QStringLiteral("tag:yaml.org,2002:float"), QStringLiteral("tag:yaml.org,2002:null"),
                                               QStringLiteral("tag:yaml.org,2002:timestamp"), QStringLiteral("tag:yaml.org,2002:binary")};
        if (!resolvable.contains(t))
            raise(n, QStringLiteral("unsupported tag %1").arg(goQuote(t)));
        static const QHash<QString, Value> table = [] {
            QHash<QString, Value> m;
            for (const char *s : {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})
                m.insert(QLatin1String(s), Value::trueValue());
            for (const char *s : {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})
                m.insert(QLatin1String(s), Value::falseValue());
            for (const char *s : {"", "~", "null", "Null", "NULL"})
                m.insert(QLatin1String(s), Value::dynamicNull());
            for (const char *s : {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})
                m.insert(QLatin1String(s), Value::number(Number::infinity(1)));
            for (const char *s : {"-.inf", "-.Inf", "-.INF"})
                m.insert(QLatin1String(s), Value::number(Number::infinity(-1)));
            return m;
        }();
        const bool isStrTag = t.endsWith(QLatin1String(":str")) || t.endsWith(QLatin1String(":binary"));
        if (!isStrTag) {
            const QChar c0 = src.isEmpty() ? QChar() : src[0];
            const bool hinted = src.isEmpty() || QStringLiteral("+-0123456789yYnNtTfFoO~.").contains(c0);
            if (hinted) {
                auto it = table.constFind(src);
                if (it != table.constEnd())
                    return *it;
                if (t.isEmpty() && (src == QLatin1String(".nan") || src == QLatin1String(".NaN") || src == QLatin1String(".NAN")))
                    raise(n, QStringLiteral("floating point NaN is not supported"));
                if (c0 == QLatin1Char('.')) {
                    if (std::optional<Number> num = Number::parse(src))
                        return Value::number(*num);
                } else if (c0.isDigit() || c0 == QLatin1Char('+') || c0 == QLatin1Char('-')) {
                    if (t.isEmpty() || t.endsWith(QLatin1String(":timestamp")))
                        if (std::optional<QString> ts = parseTimestamp(src))
                            return Value::string(*ts);
                    static const QRegularExpression intRe(QStringLiteral("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"));
                    static const QRegularExpression floatRe(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
                    if (intRe.match(src).hasMatch())
                        t = intTag;
                    else if (floatRe.match(src).hasMatch())
                        t = QStringLiteral("tag:yaml.org,2002:float");
                }
            }
        }
        if (t.isEmpty() || isStrTag)
            return Value::string(src);
        if (t.endsWith(QLatin1String(":bool"))) {
            auto it = table.constFind(src);
            if (it == table.constEnd() || it->type() != Type::boolean())
                raise(n, QStringLiteral("cannot parse %1 as %2").arg(goQuote(src), t));
            return *it;
        }
        if (t.endsWith(QLatin1String(":null")))
            return Value::dynamicNull();
        if (t.endsWith(QLatin1String(":timestamp"))) {
            if (std::optional<QString> ts = parseTimestamp(src))
                return Value::string(*ts);
            raise(n, QStringLiteral("cannot parse %1 as %2").arg(goQuote(src), t));
        }
        QString plainNum = src;
        plainNum.remove(QLatin1Char('_'));
        if (std::optional<Number> num = Number::parse(plainNum))
            return Value::number(*num);
        // strconv.ParseInt(s, 0, 64): 0x, 0o, 0b and leading-0 octal prefixes.
        QString digits = plainNum;
        bool neg = false;
        if (digits.startsWith(QLatin1Char('-')) || digits.startsWith(QLatin1Char('+'))) {
            neg = digits.startsWith(QLatin1Char('-'));
            digits = digits.mid(1);
        }
        int base = 10;
        if (digits.startsWith(QLatin1String("0x")) || digits.startsWith(QLatin1String("0X")))
            base = 16, digits = digits.mid(2);
        else if (digits.startsWith(QLatin1String("0o")) || digits.startsWith(QLatin1String("0O")))
            base = 8, digits = digits.mid(2);
        else if (digits.startsWith(QLatin1String("0b")) || digits.startsWith(QLatin1String("0B")))
            base = 2, digits = digits.mid(2);
        else if (digits.startsWith(QLatin1Char('0')) && digits.size() > 1)
            base = 8, digits = digits.mid(1);
        bool ok = false;
        const qulonglong u = digits.toULongLong(&ok, base);
        if (ok && !digits.isEmpty())
            return Value::number(neg ? -Number::fromInt(qint64(u)) : Number::fromInt(qint64(u)));
        raise(n, QStringLiteral("cannot parse %1 as %2").arg(goQuote(src), t));
    }

    Value toValue(const YAML::Node &n);

    void mergeInto(QMap<QString, Value> &attrs, const YAML::Node &src, const YAML::Node &at)
    {
        const Value v = toValue(src);
        auto mergeObject = [&](const Value &o) {
            for (auto it = o.attributes().constBegin(); it != o.attributes().constEnd(); ++it)
                if (!attrs.contains(it.key()))
                    attrs.insert(it.key(), it.value());
        };
        if (v.type().kind() == Type::Kind::Object) {
            mergeObject(v);
        } else if (v.type().kind() == Type::Kind::Tuple) {
            for (const Value &e : v.elements()) {
                if (e.type().kind() != Type::Kind::Object)
                    raise(at, QStringLiteral("cannot merge %1 (from sequence) into mapping").arg(e.type().friendlyName()));
                mergeObject(e);
            }
        } else {
            raise(at, QStringLiteral("cannot merge %1 into mapping").arg(v.type().friendlyName()));
        }
    }

    Value toValue(const YAML::Node &n)
    {
        switch (n.Type()) {
        case YAML::NodeType::Null:
            if (n.Tag() == "!")
                return Value::string(QString());
            return Value::dynamicNull();
        case YAML::NodeType::Scalar:
            return resolveScalar(n);
        case YAML::NodeType::Sequence: {
            if (n.Tag() != "?" && n.Tag() != "tag:yaml.org,2002:seq" && !n.Tag().empty())
                raise(n, QStringLiteral("can't interpret sequence as %1").arg(QString::fromStdString(n.Tag())));
            QList<Value> elems;
            for (const YAML::Node &e : n)
                elems.append(toValue(e));
            return Value::tuple(elems);
        }
        case YAML::NodeType::Map: {
            if (n.Tag() != "?" && n.Tag() != "tag:yaml.org,2002:map" && !n.Tag().empty())
                raise(n, QStringLiteral("can't interpret mapping as %1").arg(QString::fromStdString(n.Tag())));
            QMap<QString, Value> attrs;
            QList<std::pair<YAML::Node, YAML::Node>> merges;
            for (auto it = n.begin(); it != n.end(); ++it) {
                const YAML::Node key = it->first;
                if (key.IsScalar() && key.Scalar() == "<<" && key.Tag() != "!") {
                    merges.append({it->second, key});
                    continue;
                }
                if (!key.IsScalar() && !key.IsNull())
                    raise(key, QStringLiteral("only strings are allowed as mapping keys"));
                Value k = key.IsNull() ? Value::dynamicNull() : resolveScalar(key);
                if (k.isNull())
                    raise(key, QStringLiteral("mapping key cannot be null"));
                std::optional<Value> ks = convert(k, Type::string());
                if (!ks)
                    raise(key, QStringLiteral("only strings are allowed as mapping keys"));
                attrs.insert(ks->asString(), toValue(it->second));
            }
            // Explicit keys win over merged ones.
            for (const auto &m : merges)
                mergeInto(attrs, m.first, m.second);
            return Value::object(attrs);
        }
        case YAML::NodeType::Undefined:
            break;
        }
        return Value::dynamicNull();
    }

    std::optional<Value> decode(const QString &src, QString *error)
    {
        try {
            const std::vector<YAML::Node> docs = YAML::LoadAll(src.toStdString());
            if (docs.empty()) {
                *error = QStringLiteral("on line 1, column 1: missing start of document");
                return std::nullopt;
            }
            if (docs.size() > 1) {
                raise(docs[1], QStringLiteral("only a single document is allowed"));
            }
            return toValue(docs[0]);
        } catch (const YamlError &e) {
            *error = e.message;
        } catch (const YAML::Exception &e) {
            *error = QStringLiteral("on line %1, column %2: %3").arg(e.mark.line + 1).arg(e.mark.column + 1).arg(QString::fromStdString(e.msg));
        }
        return std::nullopt;
    }

} // namespace

void addYamlFunctions(FunctionTable &t)
{
    add(t, typedFunction(QStringLiteral("yamldecode"), QStringLiteral("Parses the given string as YAML and returns a value corresponding to what the YAML document describes."),
                         {param(QStringLiteral("src"), Type::string())},
                         [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                             if (!a[0].isKnown())
                                 return Type::dynamic();
                             QString why;
                             std::optional<Value> v = decode(a[0].asString(), &why);
                             if (!v)
                                 return failType(err, -1, why);
                             return v->type();
                         },
                         [](const QList<Value> &a, const Type &, FunctionError &err) {
                             QString why;
                             std::optional<Value> v = decode(a[0].asString(), &why);
                             if (!v)
                                 return fail(err, -1, why);
                             return *v;
                         }));
    add(t, simpleFunction(QStringLiteral("yamlencode"), QStringLiteral("Returns a string containing a YAML representation of the given value."),
                          {param(QStringLiteral("value"), Type::dynamic(), AllowNull | AllowDynamic)}, Type::string(),
                          [](const QList<Value> &a, const Type &ret, FunctionError &err) {
                              if (!a[0].isWhollyKnown())
                                  return Value::unknown(ret);
                              QString why;
                              std::optional<QByteArray> y = YamlEmitter::encode(a[0], &why);
                              if (!y)
                                  return fail(err, -1, why);
                              return Value::string(QString::fromUtf8(*y));
                          }));
}

} // namespace kiln::hcl::functions
