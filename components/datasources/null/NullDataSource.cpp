#include "components/datasources/null/NullDataSource.h"

#include "engine/build/ComponentConfig.h"

namespace kiln::components {

using namespace kiln::registry;

build::PrepareResult NullDataSource::prepare(const build::ComponentConfig &config)
{
    build::PrepareResult result;
    m_input = config.string(QStringLiteral("input"));
    if (m_input.isEmpty())
        result.errors << QStringLiteral("The `input` must be specified");
    return result;
}

hcl::Value NullDataSource::execute(const build::CancelTokenPtr &cancel, QString *error)
{
    Q_UNUSED(cancel);
    Q_UNUSED(error);
    return hcl::Value::object({{QStringLiteral("output"), hcl::Value::string(m_input)}});
}

} // namespace kiln::components
