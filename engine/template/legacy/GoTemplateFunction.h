#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

#include <functional>

namespace kiln::tmpl::legacy {

// A function callable from a Go template, with the Go parameter types that
// text/template checks arguments against. Values are QVariants holding
// QString, qint64, double, bool, QVariantList, QVariantMap, or nothing (nil).
struct GoTemplateFunction
{
    enum class Arg { String, Int, Any };

    struct Result
    {
        QVariant value;
        QString error; // non-empty: the call failed ("error calling f: <error>")
        static Result ok(QVariant v) { return {std::move(v), {}}; }
        static Result fail(QString e) { return {{}, std::move(e)}; }
    };

    QList<Arg> params;
    bool variadic = false; // the last parameter repeats zero or more times
    std::function<Result(const QVariantList &args)> call;
};

using GoTemplateFunctions = QMap<QString, GoTemplateFunction>;

} // namespace kiln::tmpl::legacy
