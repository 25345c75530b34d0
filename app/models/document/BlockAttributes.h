#pragma once

#include <QList>
#include <QString>

namespace kiln::models {

// The attributes written in one block, with each value's exact expression text,
// for the inspector. Read from the native syntax tree of the file's current
// text, so what the inspector shows is what the text says.
struct BlockAttribute
{
    QString key;
    QString expression; // exactly as written ("\"ubuntu\"", "var.x", "[\"a\", \"b\"]")
    int line = 0;
};

class BlockAttributes
{
public:
    // The attributes of the block that starts at `blockStartByte` of `text`;
    // nested blocks are not included. Empty if not found. In JSON files (*.json) the
    // block is the object starting there (an HCL JSON wrapper `{"<type>": {...}}` is
    // looked through) and each expression is the member's JSON value as written, which
    // reads as the same value in HCL; a legacy object's "type" is its label, not listed.
    static QList<BlockAttribute> read(
        const QString &fileName, const QString &text, int blockStartByte, const QString &type = {});

    // Literal helpers for typed editors. A plain string literal ("abc", no
    // interpolation) gives its value; anything else is an expression.
    static bool isPlainString(const QString &expression, QString *value = nullptr);
    // The HCL literal for a string value: quotes, escapes, and `${`/`%{` doubled.
    static QString quote(const QString &value);
};

} // namespace kiln::models
