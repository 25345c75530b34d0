#pragma once

#include "components/datasources/http/HttpDataSourceSettings.h"
#include "engine/build/DataSource.h"

#include <QString>

namespace kiln::components {

// data "http": requests a URL and exposes the response, as Packer's datasource/http.
// Non-2xx answers fail with Packer's "HTTP request error. Response code: N"; a body whose
// Content-Type is not text only draws Packer's warning (in the log).
class HttpDataSource : public build::DataSource
{
public:
    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    hcl::Value execute(const build::CancelTokenPtr &cancel, QString *error) override;

    // isContentTypeText: text/*, application/json, application/samlmetadata+xml, in UTF-8
    // or US-ASCII (or no charset).
    static bool isContentTypeText(const QString &contentType);

private:
    HttpDataSourceSettings m_settings;
};

} // namespace kiln::components
