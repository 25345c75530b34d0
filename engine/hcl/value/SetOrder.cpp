// cty's set element order and hash serialisation (cty/set_internals.go). Packer
// prints sets in this order, so it must match exactly.

#include "engine/hcl/value/GoFormat.h"
#include "engine/hcl/value/NumberData.h"
#include "engine/hcl/value/ValueData.h"

namespace kiln::hcl {

static void appendHashBytes(const Value &v, QByteArray &buf)
{
    // Marks do not take part in the serialisation.
    if (!v.isKnown()) {
        buf += '?';
        return;
    }
    if (v.isNull()) {
        buf += '~';
        return;
    }
    switch (v.type().kind()) {
    case Type::Kind::Number:
        buf += formatBigG(v.asNumber().data()->v, 10).toUtf8(); // big.Float.String()
        return;
    case Type::Kind::Bool:
        buf += v.asBool() ? 'T' : 'F';
        return;
    case Type::Kind::String:
        buf += quoteGo(v.asString()).toUtf8();
        return;
    case Type::Kind::Map:
        buf += '{';
        for (auto it = v.attributes().cbegin(); it != v.attributes().cend(); ++it) {
            buf += quoteGo(it.key()).toUtf8();
            buf += ':';
            appendHashBytes(it.value(), buf);
            buf += ';';
        }
        buf += '}';
        return;
    case Type::Kind::List:
    case Type::Kind::Set:
        buf += '[';
        for (const Value &e : v.elements()) {
            appendHashBytes(e, buf);
            buf += ';';
        }
        buf += ']';
        return;
    case Type::Kind::Object:
    case Type::Kind::Tuple:
        buf += '<';
        for (const Value &e : v.elements()) {
            appendHashBytes(e, buf);
            buf += ';';
        }
        buf += '>';
        return;
    case Type::Kind::Dynamic:
        return;
    }
}

QByteArray setHashBytes(const Value &v)
{
    QByteArray buf;
    appendHashBytes(v, buf);
    return buf;
}

bool setElementLess(const Value &a, const Value &b)
{
    if (a.rawEquals(b))
        return false;
    if (b.isNull() && !a.isNull())
        return true;
    if (a.isNull())
        return false;
    if (a.isKnown() && !b.isKnown())
        return true;
    if (!a.isKnown())
        return false;
    switch (a.type().kind()) {
    case Type::Kind::String:
        return compareCodePoints(a.asString(), b.asString()) < 0;
    case Type::Kind::Bool:
        return b.asBool() || !a.asBool();
    case Type::Kind::Number:
        return mpfr_cmp(a.asNumber().data()->v, b.asNumber().data()->v) < 0;
    default:
        return setHashBytes(a) < setHashBytes(b);
    }
}

} // namespace kiln::hcl
