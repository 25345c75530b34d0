// Feeds arbitrary bytes to the position-aware JSON parser that the HCL JSON
// syntax (.pkr.json) and legacy templates are read with.
#include "engine/hcl/json/JsonParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray src(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto result = kiln::hcl::json::JsonParser::parse(src, QStringLiteral("fuzz.pkr.json"));
    (void)result;
    return 0;
}
