#pragma once

#include "engine/template/legacy/GoTemplateFunction.h"
#include "engine/template/legacy/GoTemplateNode.h"
#include "engine/template/legacy/GoTemplateParser.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

namespace kiln::tmpl::legacy {

// Executes a parsed template as text/template's exec.go does, for the value
// kinds Packer passes as data (maps of strings, nil, or a struct described by
// `structName`, whose missing fields are errors rather than "<no value>").
// Besides `functions`, Go's builtins are available: and or not len index
// print printf println eq ne lt le gt ge html js urlquery.
class GoTemplateExecutor
{
public:
    struct Result
    {
        QString output;
        std::optional<GoTemplateError> error;
    };

    static Result execute(const GoTemplateNode &root, const QString &text, const QVariant &data,
                          const GoTemplateFunctions &functions, const QString &structName = {});

    // The names text/template always defines.
    static QStringList builtinNames();
    // fmt's %v of a template value; nil prints as "<no value>".
    static QString printValue(const QVariant &v);
    // The Go type name of a value, for "wrong type" messages.
    static QString goTypeName(const QVariant &v);
};

} // namespace kiln::tmpl::legacy
