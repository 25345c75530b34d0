#pragma once

#include "engine/hcl/Ast.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <nlohmann/json.hpp>

namespace kiln::cli {

// Converts native HCL syntax to HCL's JSON syntax (what .pkr.json files hold), without
// a schema: attributes become properties, blocks nest under their type and labels.
// Literal values stay JSON values; any other expression becomes a "${...}" template of
// its own source text, so it means exactly what it meant in native syntax.
class HclJsonWriter
{
public:
    // Called for every block; a non-empty answer is written as the block's "//"
    // comment property (HCL's JSON syntax ignores it).
    using CommentFor = std::function<QString(const QString &type, const QStringList &labels)>;

    explicit HclJsonWriter(CommentFor commentFor = {})
        : m_commentFor(std::move(commentFor))
    { }

    // One or more files' top-level bodies as a single JSON body: blocks of one type
    // from several files are gathered as HCL's JSON syntax allows.
    nlohmann::ordered_json bodies(const QList<const hcl::File *> &files) const;

    // An HCL string with its backslash escapes decoded; `${` and `%{` sequences are left
    // as written since JSON strings are templates too.
    static QString unescapeQuoted(const QString &inner);

private:
    struct Item
    {
        int offset = 0; // source order across attributes and blocks
        const hcl::syntax::Attribute *attribute = nullptr;
        const hcl::syntax::Block *block = nullptr;
        const QByteArray *source = nullptr;
    };

    nlohmann::ordered_json body(const QList<Item> &items, const QString &enclosingBlock) const;
    nlohmann::ordered_json blockBody(
        const hcl::syntax::Block &block, const QByteArray &source) const;
    nlohmann::ordered_json blocksOfType(const QList<Item> &blocks) const;
    nlohmann::ordered_json expression(const hcl::ExprPtr &expr, const QByteArray &source) const;
    nlohmann::ordered_json attributeValue(const hcl::syntax::Attribute &attr,
        const QByteArray &source, const QString &enclosingBlock) const;

    static QList<Item> itemsOf(const hcl::syntax::Body &body, const QByteArray &source);
    static QString text(const hcl::SourceRange &range, const QByteArray &source);

    CommentFor m_commentFor;
};

} // namespace kiln::cli
