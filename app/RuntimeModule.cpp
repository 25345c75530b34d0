// kiln-runtime.so: the entry points the kiln executable looks up after loading this
// module (app/RuntimeLoader.cpp, app/RuntimeSecretHttp.cpp). The module links the full
// command line (kiln_cli), so a command runs here exactly as in-process.
#include "app/cli/Cli.h"
#include "engine/template/functions/SecretHttp.h"

extern "C" __attribute__((visibility("default"))) int kiln_runtime_main(int argc, char **argv)
{
    return kiln::cli::run(argc, argv, kiln::cli::allCommands());
}

// Qt types cross the boundary by pointer: both sides share the one libQt6Core.
extern "C" __attribute__((visibility("default"))) void kiln_runtime_secret_http(
    const QByteArray *method, const QUrl *url, const QList<QPair<QByteArray, QByteArray>> *headers,
    const QByteArray *body, kiln::tmpl::SecretHttpResponse *response)
{
    *response = kiln::tmpl::secretHttpRequest(*method, *url, *headers, *body);
}
