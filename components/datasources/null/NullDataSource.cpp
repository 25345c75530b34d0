#include "components/datasources/null/NullDataSource.h"

#include "engine/build/ComponentConfig.h"

namespace kiln::components {

using namespace kiln::registry;

build::PrepareResult NullDataSource::prepare(const build::ComponentConfig &config)
{
    return m_settings.read(config);
}

hcl::Value NullDataSource::execute(const build::CancelTokenPtr &cancel, QString *error)
{
    Q_UNUSED(cancel);
    Q_UNUSED(error);
    return hcl::Value::object({{QStringLiteral("output"), hcl::Value::string(m_settings.input)}});
}

} // namespace kiln::components
