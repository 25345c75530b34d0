#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::models {

// A range of the text in UTF-16 offsets.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// The function call around a cursor, for call tips.
struct CallSite
{
    QString function;
    int argument = 0; // 0-based index of the argument the cursor is in
    qsizetype openParen = 0; // offset of "("
};

// Where a declaration is among several texts (the files of a directory template).
struct Definition
{
    int text = -1; // index into the texts searched
    TextSpan span;
};

// Navigation over the symbols of one HCL2 template text: go-to-definition for var.NAME,
// local.NAME, source.TYPE.NAME (also in a build's sources list and its source "TYPE.NAME"
// blocks) and data.TYPE.NAME; the call surrounding the cursor.
class SymbolNavigator
{
public:
    // The declaring name (variable label, local's argument name, source/data name label)
    // of the reference at `offset`; nullopt when the cursor is on no declared reference.
    static std::optional<TextSpan> definitionAt(const QString &text, qsizetype offset);
    // The same over every file of a directory template: the reference at `offset` of
    // texts[current] is resolved in that text first, then in the others in order (Packer
    // declares variables in one file and uses them in another). References inside `${}`
    // of strings and heredocs are found like any other.
    static std::optional<Definition> definitionIn(
        const QStringList &texts, int current, qsizetype offset);
    // What hovering the word at `offset` explains, as plain text: a variable's type and
    // description, a function's signature and description; empty for anything else.
    static QString describeAt(const QString &text, qsizetype offset);
    // The innermost function call whose argument list contains `offset`.
    static std::optional<CallSite> callAt(const QString &text, qsizetype offset);
};

} // namespace kiln::models
