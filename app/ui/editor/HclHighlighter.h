#pragma once

#include <QByteArray>
#include <QList>

namespace kiln::ui {

// Style numbers of the HCL lexer (Scintilla style ids).
enum class HclStyle : char {
    Default = 0,
    Comment,
    BlockType,
    Attribute, // argument names and object keys
    Label, // block labels
    String,
    Interpolation, // ${ %{ } delimiters of template sequences
    Heredoc, // <<EOT and the closing EOT
    Number,
    Keyword, // true false null, for in if, template directive words
    Operator,
    Function,
    Reference, // identifiers in expressions: var, local, names after dots
    Escape, // \n \" $${ %%{
    Count
};

// The scanner state at a line boundary: the stack of open constructs. HCL's lexical
// state can be anything from "inside a heredoc named EOT, inside ${, inside an object"
// so it is a stack, saved per line by the lexer for incremental restyling.
struct HclScanState
{
    enum class Kind : char {
        Body, // a block body (the bottom entry is the file itself)
        Object, // { } in an expression
        Tuple, // [ ]
        Paren, // ( )
        Interp, // ${ ... } or %{ ... } inside a template
        Quoted, // "..."
        Heredoc, // <<EOT ... EOT
        Comment, // /* ... */
    };
    struct Entry
    {
        Kind kind = Kind::Body;
        // Body: 0 statement start, 1 block header, 2 argument value.
        // Object: 0 item start, 1 value. Interp: 1 for a %{ directive.
        char phase = 0;
        QByteArray delimiter; // Heredoc
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    QList<Entry> stack{Entry{}};

    // Nesting that folds: block bodies, objects, tuples, heredocs and block comments.
    int foldDepth() const;
    friend bool operator==(const HclScanState &, const HclScanState &) = default;
};

// Styles HCL native syntax one line at a time. Pure logic over bytes (UTF-8); the
// QsciLexerCustom subclass feeds it the document's lines.
class HclHighlighter
{
public:
    // Styles `line` (one line including its line terminator, if any) starting in
    // `state`; writes one style per byte into `styles` and leaves `state` as it is at
    // the start of the next line.
    static void styleLine(const QByteArray &line, HclScanState &state, QByteArray &styles);
};

} // namespace kiln::ui
