#pragma once

#include <QList>
#include <QString>

namespace kiln::models {

// One proposal of the completion list.
struct CompletionItem
{
    enum class Kind {
        BlockType, // a top-level or nested block: source, build, provisioner, ...
        Attribute, // an argument of the enclosing block's schema
        ComponentType, // a builder/provisioner/post-processor/data source type name
        EnumValue,
        Variable, // var.<name>
        Local, // local.<name>
        Source, // source.<type>.<name> and its parts
        DataSource, // data.<type>.<name> and its parts
        Function,
        Keyword, // true, false, null, type keywords, root names such as var
    };

    Kind kind = Kind::Keyword;
    QString label; // what the list shows and filters on
    QString insertText; // what replaces the typed prefix
    QString detail; // short: the type ("string", "list(string)") or a signature
    QString documentation; // the help text, may be empty
};

// The proposals for one cursor position: [replaceStart, replaceEnd) is the typed prefix
// (UTF-16 offsets) that an accepted item replaces. Items are sorted by label.
struct CompletionResult
{
    qsizetype replaceStart = 0;
    qsizetype replaceEnd = 0;
    QList<CompletionItem> items;

    QStringList labels() const
    {
        QStringList l;
        for (const auto &i : items)
            l.append(i.label);
        return l;
    }
};

} // namespace kiln::models
