#pragma once

// Small helpers shared by the function families: building parameter lists and
// reporting errors the way cty's function package does.

#include "engine/hcl/eval/Function.h"
#include "engine/hcl/value/Convert.h"
#include "engine/hcl/value/Value.h"

#include <QString>

#include <optional>

namespace kiln::hcl::functions {

enum ParamFlag : unsigned {
    AllowNull = 1,
    AllowUnknown = 2,
    AllowDynamic = 4,
    AllowMarked = 8,
};

inline FunctionParam param(const QString &name, const Type &type, unsigned flags = 0)
{
    FunctionParam p;
    p.name = name;
    p.type = type;
    p.allowNull = flags & AllowNull;
    p.allowUnknown = flags & AllowUnknown;
    p.allowDynamicType = flags & AllowDynamic;
    p.allowMarked = flags & AllowMarked;
    return p;
}

using Impl = std::function<Value(const QList<Value> &args, const Type &resultType, FunctionError &err)>;
using TypeFn = std::function<std::optional<Type>(const QList<Value> &args, FunctionError &err)>;

// A function with a fixed result type.
Function simpleFunction(const QString &name, const QString &description, const QList<FunctionParam> &params,
                        const Type &returnType, Impl impl);
// A function whose result type depends on the arguments.
Function typedFunction(const QString &name, const QString &description, const QList<FunctionParam> &params,
                       TypeFn typeFor, Impl impl);

inline void add(FunctionTable &table, Function f)
{
    const QString name = f.name;
    table.insert(name, std::move(f));
}

// Records an argument error (argIndex >= 0) or a call error (-1); returns an
// unknown placeholder for the caller to return.
inline Value fail(FunctionError &err, int argIndex, const QString &message)
{
    err = {argIndex, message};
    return Value::dynamicUnknown();
}
inline std::optional<Type> failType(FunctionError &err, int argIndex, const QString &message)
{
    err = {argIndex, message};
    return std::nullopt;
}

// gocty.FromCtyValue into a Go int: a whole number within int64's range, with
// gocty's message otherwise.
std::optional<qint64> toInt(const Value &v, QString *error);

// Go's %q of a string (strconv.Quote): used in many cty messages.
QString goQuote(const QString &s);

// cty's convert.MismatchMessage-like "element N: ..." paths are produced by convert;
// this converts or reports the convert message unchanged.
std::optional<Value> convertOrError(const Value &v, const Type &t, FunctionError &err, int argIndex);

// Shallow unmark collecting the marks (cty's Value.Unmark).
inline Value unmark(const Value &v, QSet<QString> &marks)
{
    marks.unite(v.marks());
    return v.unmarked();
}
inline Value remark(const Value &v, const QSet<QString> &marks)
{
    return marks.isEmpty() ? v : v.withMarks(v.marks() | marks);
}
// A list value, or the empty list of `elementType` when there are no elements.
inline Value listOrEmpty(const QList<Value> &elems, const Type &elementType)
{
    return elems.isEmpty() ? Value::listEmpty(elementType) : Value::list(elems);
}
inline bool isSeqType(const Type &t)
{
    return t.kind() == Type::Kind::List || t.kind() == Type::Kind::Set || t.kind() == Type::Kind::Tuple;
}

// Number of Unicode grapheme clusters as cty counts string length. Kiln counts
// user-perceived characters with QTextBoundaryFinder.
QList<QString> graphemes(const QString &s);
// graphemes(s).size() without building the clusters: `length` runs on every
// string of large templates, and most of them are ASCII.
qsizetype graphemeCount(const QString &s);

} // namespace kiln::hcl::functions
