#pragma once

#include "engine/hcl/json/JsonValue.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <utility>

namespace kiln::cli {

// Pretty JSON text (two-space indent) that keeps what a generic JSON library would lose:
// duplicate object keys (HCL's JSON syntax repeats a block type that way) and numbers as
// written. Pieces already rendered elsewhere are spliced in as text.
class JsonText
{
public:
    using Member = std::pair<QString, QByteArray>; // key, value text rendered at depth 0

    static QByteArray value(const hcl::json::JsonValue &v);
    // An object of members given in order (duplicates allowed).
    static QByteArray object(const QList<Member> &members);
    static QByteArray quoted(const QString &s);
    // Indents every line after the first by `depth` levels, so a value rendered at depth 0
    // can sit inside an object.
    static QByteArray indented(const QByteArray &text, int depth);
};

} // namespace kiln::cli
