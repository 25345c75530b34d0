#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace kiln::tmpl::legacy {

// The parse tree of a Go text/template, reduced to what Packer templates can
// use: text, actions, if / range / with with else, pipelines with variable
// declarations, and the operand kinds of text/template/parse. Every node
// remembers its byte offset in the template text (Go's Pos) for messages.
struct GoTemplateNode
{
    enum class Kind {
        List, // children
        Text, // text
        Action, // pipe
        If, // pipe, list, elseList
        Range,
        With,
        Pipe, // decls, commands
        Command, // args
        Identifier, // text = function name
        Field, // fields (".A.B")
        Variable, // text = "$x", fields after it
        Dot,
        Chain, // children[0] = operand, fields
        String, // text = decoded value, quoted = as written
        Number, // quoted = as written
        Bool, // boolValue
        Nil,
    };

    Kind kind = Kind::List;
    int pos = 0;
    QString text;
    QString quoted;
    bool boolValue = false;
    QStringList fields; // for Field, Variable, Chain
    QStringList decls; // for Pipe: declared variables ("$x")
    bool isAssign = false; // Pipe: "=" rather than ":="
    std::vector<std::unique_ptr<GoTemplateNode>> children; // List items, Command args, Pipe commands
    std::unique_ptr<GoTemplateNode> pipe; // Action, If, Range, With
    std::unique_ptr<GoTemplateNode> list;
    std::unique_ptr<GoTemplateNode> elseList;

    // Go's Node.String(), used as the "at <...>" context of exec errors.
    QString toString() const;
};

} // namespace kiln::tmpl::legacy
