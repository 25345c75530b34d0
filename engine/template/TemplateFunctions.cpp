#include "engine/template/TemplateFunctions.h"

#include "engine/template/functions/PackerFunctions.h"

#include <QHash>
#include <QMutex>

namespace kiln::tmpl {

namespace {

struct Tables
{
    std::shared_ptr<const hcl::FunctionTable> all;
    std::shared_ptr<const hcl::FunctionTable> defaultsOnly;
};

// Tables are immutable once built; building one is not free, so they are
// shared per base directory (loaders on several threads may ask at once).
Tables tablesFor(const QString &basedir)
{
    static QMutex mutex;
    static QHash<QString, Tables> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(basedir);
    if (it != cache.constEnd())
        return *it;
    const hcl::FunctionTable table = *packerFunctions(basedir);
    Tables t;
    t.all = std::make_shared<const hcl::FunctionTable>(table);
    hcl::FunctionTable env;
    if (table.contains(QStringLiteral("env")))
        env.insert(QStringLiteral("env"), table.value(QStringLiteral("env")));
    t.defaultsOnly = std::make_shared<const hcl::FunctionTable>(env);
    cache.insert(basedir, t);
    return t;
}

} // namespace

std::shared_ptr<const hcl::FunctionTable> templateFunctions(const QString &basedir)
{
    return tablesFor(basedir).all;
}

std::shared_ptr<const hcl::FunctionTable> variableDefaultFunctions(const QString &basedir)
{
    return tablesFor(basedir).defaultsOnly;
}

} // namespace kiln::tmpl
