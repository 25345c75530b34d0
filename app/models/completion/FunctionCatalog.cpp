#include "app/models/completion/FunctionCatalog.h"

#include "engine/hcl/eval/TypeExpr.h"
#include "engine/template/TemplateFunctions.h"

#include <algorithm>

namespace kiln::models {

namespace {

QString paramText(const hcl::FunctionParam &p, bool variadic)
{
    const QString type = hcl::typeString(p.type);
    return (variadic ? QStringLiteral("...") : QString()) + p.name + u' ' + type;
}

} // namespace

QString FunctionSignature::text() const
{
    return name + u'(' + params.join(QStringLiteral(", ")) + QStringLiteral(") ") + returnType;
}

std::pair<int, int> FunctionSignature::paramRange(int index) const
{
    if (index < 0 || params.isEmpty())
        return {0, 0};
    if (index >= params.size()) {
        if (!variadic)
            return {0, 0};
        index = int(params.size()) - 1;
    }
    int start = int(name.size()) + 1;
    for (int i = 0; i < index; ++i)
        start += int(params[i].size()) + 2;
    return {start, start + int(params[index].size())};
}

const FunctionCatalog &FunctionCatalog::instance()
{
    static const FunctionCatalog catalog;
    return catalog;
}

FunctionCatalog::FunctionCatalog()
{
    // The base directory only matters when a file function runs; signatures ignore it.
    const auto table = tmpl::templateFunctions(QStringLiteral("."));
    for (auto it = table->cbegin(); it != table->cend(); ++it) {
        const hcl::Function &f = it.value();
        FunctionSignature s;
        s.name = it.key();
        s.description = f.description;
        for (const auto &p : f.params)
            s.params.append(paramText(p, false));
        if (f.varParam) {
            s.params.append(paramText(*f.varParam, true));
            s.variadic = true;
        }
        s.returnType = hcl::typeString(f.returnType);
        m_functions.append(s);
    }
    std::sort(m_functions.begin(), m_functions.end(),
        [](const auto &a, const auto &b) { return a.name < b.name; });
}

const FunctionSignature *FunctionCatalog::find(const QString &name) const
{
    auto it = std::lower_bound(m_functions.cbegin(), m_functions.cend(), name,
        [](const FunctionSignature &s, const QString &n) { return s.name < n; });
    return it != m_functions.cend() && it->name == name ? &*it : nullptr;
}

} // namespace kiln::models
