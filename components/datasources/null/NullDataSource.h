#pragma once

#include "components/datasources/null/NullDataSourceSettings.h"
#include "engine/build/DataSource.h"

#include <QString>

namespace kiln::components {

// data "null": returns its `input` as `output`, as Packer's datasource/null (a test aid and
// a place to hold a value).
class NullDataSource : public build::DataSource
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    hcl::Value execute(const build::CancelTokenPtr &cancel, QString *error) override;

private:
    NullDataSourceSettings m_settings;
};

} // namespace kiln::components
