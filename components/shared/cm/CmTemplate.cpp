#include "components/shared/cm/CmTemplate.h"

#include "engine/template/legacy/Interpolator.h"

namespace kiln::components {

QString CmTemplate::render(const QString &text, const tmpl::legacy::InterpolateContext &base,
    const QVariantMap &data, const QString &structName, QString *error)
{
    tmpl::legacy::InterpolateContext ic = base;
    ic.data = data;
    ic.dataStructName = structName;
    const auto rendered = tmpl::legacy::Interpolator::render(text, ic);
    if (!rendered.ok()) {
        *error = rendered.error->message;
        return {};
    }
    error->clear();
    return rendered.value;
}

} // namespace kiln::components
