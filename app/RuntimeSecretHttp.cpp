// The kiln executable's tmpl::secretHttpRequest. The secret-store functions (vault,
// consul_key, aws_secretsmanager) are the template layer's only use of the network;
// its Qt Network implementation (engine/template/functions/SecretHttp.cpp, library
// kiln_template_network) lives in the runtime module, so the executable does not load
// Qt Network and its Kerberos/proxy dependencies at every start. The module is loaded
// only when a template calls one of those functions.
#include "app/RuntimeLoader.h"
#include "engine/template/functions/SecretHttp.h"

#include <dlfcn.h>

namespace kiln::tmpl {

SecretHttpResponse secretHttpRequest(const QByteArray &method, const QUrl &url,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    SecretHttpResponse response;
    std::string errors;
    void *handle = runtimeModule(errors);
    using Entry = void (*)(const QByteArray *, const QUrl *,
        const QList<QPair<QByteArray, QByteArray>> *, const QByteArray *, SecretHttpResponse *);
    auto entry
        = handle ? reinterpret_cast<Entry>(dlsym(handle, "kiln_runtime_secret_http")) : nullptr;
    if (!entry) {
        response.error = handle
            ? QStringLiteral("kiln-runtime.so has no HTTP entry point")
            : QStringLiteral("cannot load the runtime module:") + QString::fromStdString(errors);
        return response;
    }
    entry(&method, &url, &headers, &body, &response);
    return response;
}

} // namespace kiln::tmpl
