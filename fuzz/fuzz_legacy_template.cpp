// Feeds arbitrary bytes to the legacy JSON template parser (builders,
// provisioners, post-processors and their validation rules) and, as text, to
// the `{{ }}` template engine: parse, then render with a build context (no
// variables section, so no network-backed functions are reachable).
#include "engine/template/legacy/Interpolator.h"
#include "engine/template/legacy/LegacyTemplateParser.h"

#include <cstddef>
#include <cstdint>

using namespace kiln::tmpl::legacy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray src(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto parsed = LegacyTemplateParser::parse(src, QStringLiteral("fuzz.json"));
    (void)parsed;

    InterpolateContext ctx;
    ctx.userVariables = QMap<QString, QString>{{QStringLiteral("name"), QStringLiteral("kiln")}};
    ctx.buildName = QStringLiteral("fuzz");
    ctx.buildType = QStringLiteral("null");
    ctx.data = QVariantMap{{QStringLiteral("Path"), QStringLiteral("/tmp/x")}, {QStringLiteral("Vars"), QString()}};
    auto rendered = Interpolator::render(QString::fromUtf8(src), ctx);
    (void)rendered;
    return 0;
}
