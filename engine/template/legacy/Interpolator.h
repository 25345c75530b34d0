#pragma once

#include "engine/template/legacy/GoTemplateFunction.h"
#include "engine/template/legacy/GoTemplateParser.h"
#include "engine/template/legacy/InterpolateContext.h"

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace kiln::tmpl::legacy {

// Renders Packer's `{{ }}` strings (interpolate.I / Render / RenderRegex).
// Errors carry Go's exact text and the byte offset inside the string, so a
// caller holding the string's SourceRange can point at the action.
class Interpolator
{
public:
    struct Result
    {
        QString value;
        std::optional<GoTemplateError> error;
        bool ok() const { return !error.has_value(); }
    };

    // Packer's function map for ctx plus text/template's builtins.
    static GoTemplateFunctions functions(const InterpolateContext &ctx);

    // interpolate.RenderOnce.
    static Result renderOnce(const QString &text, const InterpolateContext &ctx);
    // interpolate.Render: renders again while the result keeps changing.
    static Result render(const QString &text, const InterpolateContext &ctx);
    // interpolate.Validate: parses (function names included) without executing.
    static std::optional<GoTemplateError> validate(const QString &text, const InterpolateContext &ctx);
    // interpolate.RenderRegex: matches of `exclude` are left untouched.
    static Result renderRegex(const QString &text, const InterpolateContext &ctx,
                              const QRegularExpression &exclude);
};

} // namespace kiln::tmpl::legacy
