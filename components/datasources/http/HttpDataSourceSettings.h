#pragma once

#include "engine/build/ComponentConfig.h"
#include "engine/build/PrepareResult.h"

#include <QMap>
#include <QString>

namespace kiln::components {

// The http data source's configuration (Packer's datasource/http Config): the request.
struct HttpDataSourceSettings
{
    QString url;
    QString method;
    QMap<QString, QString> headers;
    QString body;

    build::PrepareResult read(const build::ComponentConfig &config);
};

} // namespace kiln::components
