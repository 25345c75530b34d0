#pragma once

#include <QHash>
#include <QString>
#include <QVariant>
#include <functional>
#include <optional>

namespace kiln::tmpl::upgrade {

// One function of a text/template FuncMap as hcl2_upgrade declares them:
// params lists each parameter's Go type, 's' for string and 'i' for int;
// variadic means "...string". Calls may fail with an error message.
struct GoFunction
{
    QString params;
    bool variadic = false;
    std::function<QString(const QVariantList &args)> call;
};

using GoFunctions = QHash<QString, GoFunction>;

// Runs a text with Go's text/template the way hcl2_upgrade does: parse with
// the FuncMap, optionally "reTemplate" it (actions that are not a call of a
// known function are printed back verbatim rather than executed), execute
// with nil data. Failures carry the Go error text.
class GoTemplateRunner
{
public:
    struct Result
    {
        QString output;
        std::optional<QString> error;
        QString failedText; // the text the fallback comment is put in front of
    };

    static Result run(const QString &text, const GoFunctions &functions, bool reTemplate);

    // Packer's fixQuoting: rewrites {{ fn \"a\" }} (JSON-escaped quotes as
    // they appear inside an HCL string) into {{ fn "a" }}.
    static QString fixQuoting(const QString &text);
};

} // namespace kiln::tmpl::upgrade
