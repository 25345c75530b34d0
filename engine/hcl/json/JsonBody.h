#pragma once

// The HCL JSON syntax (hcl's json package): a body is a JSON object whose
// properties become attributes or blocks depending on the schema the caller
// asks with. Expressions are turned into the same native expression nodes the
// native syntax produces (strings become templates, arrays tuples, objects
// object constructors), so one evaluator serves both syntaxes.

#include "engine/hcl/Ast.h"
#include "engine/hcl/json/JsonValue.h"

#include <QSet>

namespace kiln::hcl::json {

class JsonBody : public hcl::Body
{
public:
    explicit JsonBody(JsonValue value, QSet<QString> hidden = {});

    BodyContent content(const BodySchema &schema, Diagnostics &diags) const override;
    BodyContent partialContent(const BodySchema &schema, BodyPtr *remain, Diagnostics &diags) const override;
    QList<ContentAttribute> justAttributes(Diagnostics &diags) const override;
    SourceRange missingItemRange() const override;

    const JsonValue &value() const { return m_value; }

private:
    BodyContent partial(const BodySchema &schema, QSet<QString> *used, Diagnostics &diags) const;
    void unpackBlock(const JsonValue &v, const QString &type, const SourceRange &typeRange,
                     QStringList labelsLeft, QStringList labels, QList<SourceRange> labelRanges,
                     QList<ContentBlock> &blocks, Diagnostics &diags) const;

    JsonValue m_value;
    QSet<QString> m_hidden; // attributes already taken by a partialContent()
};

// The expression a JSON value stands for. Strings are parsed as templates
// (interpolation `${...}` and directives), so "${var.x}" means what it means in
// native syntax; a string that is not a valid template yields its diagnostics.
ExprPtr expressionFromJson(const JsonValue &value, Diagnostics &diags);

// Parses a .pkr.json / .hcl.json file. The body is always present; it is empty
// when the root is neither an object nor an array of objects (an error).
File parseJsonConfig(const QByteArray &src, const QString &filename, Diagnostics &diags);

} // namespace kiln::hcl::json
