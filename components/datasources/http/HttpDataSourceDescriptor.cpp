// Keys and types mirror the HCL2 spec of packer datasource/http;
// help and defaults follow its documentation. Keys and types must keep matching the plugin.

#include "components/Descriptions.h"
#include "components/datasources/http/HttpDataSourceSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

namespace {

ConfigSchema datasourceOutputSchema()
{
    ConfigSchema s;
    s.add(Field::string("url").withHelp("The URL the data was requested from."));
    s.add(Field::string("body").withHelp("The raw body of the HTTP response."));
    // Packer names the response headers "request_headers" (sic) and exposes no status code;
    // templates written for Packer use exactly these three attributes.
    s.add(Field::map("request_headers", Field::elementOf(FieldType::String))
              .withHelp("A map of strings representing the response HTTP headers. Duplicate "
                        "headers are concatenated with, according to RFC2616."));
    return s;
}

} // namespace

ComponentDescriptor httpDataSourceDescription()
{
    ConfigSchema s;
    s.add(Field::string("url").markRequired().withHelp(
        "The URL to request; it must answer with a 2xx status and a text/* or "
        "application/json content type."));
    s.add(Field::enumeration("method", {"HEAD", "GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"})
              .withDefault("GET")
              .withHelp("HTTP method used for the request. Supported methods are HEAD, GET, "
                        "POST, PUT, DELETE, OPTIONS, PATCH."));
    s.add(Field::map("request_headers", Field::elementOf(FieldType::String))
              .withHelp("A map of strings representing additional HTTP headers to include in the "
                        "request."));
    s.add(Field::string("request_body")
              .withHelp("HTTP request payload send with the request. Default is empty."));

    ComponentDescriptor d;
    d.kind = ComponentKind::DataSource;
    d.typeName = "http";
    d.displayName = "HTTP";
    d.description = "Fetches a URL with an HTTP request and exposes the response.";
    d.iconName = "datasource-http";
    d.schema = s;
    d.outputs = datasourceOutputSchema();
    d.settings = build::settingsReader<HttpDataSourceSettings>();
    return d;
}

} // namespace kiln::components
