#pragma once

#include "engine/template/legacy/GoTemplateNode.h"

#include <QSet>
#include <QString>

#include <memory>

namespace kiln::tmpl::legacy {

// An error from parsing or executing a Go template. `message` is worded as
// Go's text/template does ("template: root:1: function \"foo\" not defined");
// `offset` is the byte offset (in the UTF-8 text) of the place it is about,
// `line` and `column` its 1-based line and 1-based byte column.
struct GoTemplateError
{
    QString message;
    int offset = 0;
    int line = 1;
    int column = 1;
};

// Parses Go text/template syntax (text/template/parse) with "{{" "}}"
// delimiters, trim markers, comments, pipelines, variables, if/else/range/with.
// Function names are checked at parse time, as Go does against its FuncMap.
// `define`, `template` and `block` are not accepted (Packer never defines
// named templates). The template is named "root", as Packer names it.
class GoTemplateParser
{
public:
    struct Result
    {
        std::unique_ptr<GoTemplateNode> root; // a List; null on error
        std::optional<GoTemplateError> error;
    };

    static Result parse(const QString &text, const QSet<QString> &functions);

    // Line/column (as GoTemplateError) of a byte offset in utf8.
    static void locate(const QByteArray &utf8, int offset, int &line, int &column);
};

} // namespace kiln::tmpl::legacy
