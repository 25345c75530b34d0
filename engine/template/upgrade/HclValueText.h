#pragma once

#include "engine/hcl/json/JsonValue.h"

#include <QString>
#include <QStringList>

namespace kiln::tmpl::upgrade {

using hcl::json::JsonValue;

// The text hclwrite's TokensForValue produces for the cty value that
// hcl2shim.HCL2ValueFromConfigValue makes of a decoded JSON value: strings
// quoted with "${" and "%{" doubled, numbers in shortest 'f' notation, arrays
// as one-line tuples, objects with one sorted attribute per line. Spacing is
// left to formatHcl, which the whole file goes through at the end.
class HclValueText
{
public:
    static QString value(const JsonValue &v);
    static QString quoted(const QString &s);
    static QString stringList(const QStringList &items);
    // hclsyntax.ValidIdentifier: object keys that pass are written bare.
    static bool validIdentifier(const QString &s);
    // Go's %q, used where Packer formats an error into a comment.
    static QString goQuote(const QString &s);
    // Go's float64 of a JSON number printed by big.Float.Text('f', -1).
    static QString number(const QString &jsonText);
};

} // namespace kiln::tmpl::upgrade
