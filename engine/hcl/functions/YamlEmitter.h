#pragma once

#include "engine/hcl/value/Value.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// yamlencode's output: go-cty-yaml drives the Go port of libyaml's emitter, so
// this reproduces that emitter's layout for the events cty-yaml sends: block
// sequences and mappings (indentless sequences under mapping keys, `[]`/`{}` for
// empty ones), strings double-quoted (literal `|` blocks when they contain a
// newline and libyaml allows a block), numbers and bools plain, and the "..."
// document-end marker libyaml writes after an open-ended root scalar.
class YamlEmitter
{
public:
    static std::optional<QByteArray> encode(const Value &v, QString *error);

private:
    enum class Ctx { Root, MappingValue, SequenceItem, MappingKey };

    bool node(const Value &v, int parentIndent, Ctx ctx, QString *error);
    void scalar(const Value &v, int indent, Ctx ctx);
    void doubleQuoted(const QString &s, int indent, bool allowBreaks);
    void literal(const QString &s, int indent);
    void plain(const QByteArray &text, Ctx ctx);

    void put(char c);
    void write(const QByteArray &utf8Char);
    void putBreak();
    void writeIndent(int indent);
    void writeIndicator(const QByteArray &ind, bool needWhitespace, bool isWhitespace, bool isIndention);

    QByteArray out;
    int column = 0;
    bool whitespace = true;
    bool indention = true;
    bool openEnded = false;
};

} // namespace kiln::hcl::functions
