// Feeds arbitrary bytes to the legacy JSON template parser (builders,
// provisioners, post-processors and their validation rules).
#include "engine/template/legacy/LegacyTemplateParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray src(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto result = kiln::tmpl::legacy::LegacyTemplateParser::parse(src, QStringLiteral("fuzz.json"));
    (void)result;
    return 0;
}
