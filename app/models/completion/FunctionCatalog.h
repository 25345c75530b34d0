#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace kiln::models {

// What completion and call tips show for one function of the template language.
struct FunctionSignature
{
    QString name;
    QString description;
    QStringList params; // "name type" each, e.g. "str string"; "...args any" for variadic
    QString returnType; // HCL type expression, "any" for dynamic
    bool variadic = false;

    // "join(separator string, lists ...list(string)) string"
    QString text() const;
    // [start, end) of parameter `index` in text(), for call-tip highlighting; the variadic
    // parameter covers every index past the fixed ones. Empty range when out of bounds.
    std::pair<int, int> paramRange(int index) const;
};

// The functions a Packer HCL2 template may call (HCL's standard library plus Packer's own,
// as engine/template/TemplateFunctions offers them), sorted by name.
class FunctionCatalog
{
public:
    static const FunctionCatalog &instance();

    const QList<FunctionSignature> &functions() const { return m_functions; }
    const FunctionSignature *find(const QString &name) const;

private:
    FunctionCatalog();
    QList<FunctionSignature> m_functions;
};

} // namespace kiln::models
