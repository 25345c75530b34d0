#pragma once

#include "engine/build/DataSource.h"

#include <QMap>
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
    QString m_url;
    QString m_method;
    QMap<QString, QString> m_headers;
    QString m_body;
};

} // namespace kiln::components
