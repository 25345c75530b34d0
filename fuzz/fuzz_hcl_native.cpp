// Feeds arbitrary bytes to the HCL native-syntax parser as a config file, as a
// standalone expression and as a template, then formats them and walks the body
// through schema decoding. Any crash, hang or sanitizer report is a bug.
#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"

#include <cstddef>
#include <cstdint>

using namespace kiln::hcl;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray src(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    Diagnostics diags;
    File file = parseConfig(src, QStringLiteral("fuzz.pkr.hcl"), diags);
    if (file.body) {
        Diagnostics more;
        QList<ContentAttribute> attrs = file.body->justAttributes(more);
        (void)attrs;
        BodySchema schema;
        schema.attributes.append({QStringLiteral("name"), false});
        schema.blocks.append({QStringLiteral("source"), {QStringLiteral("type"), QStringLiteral("name")}});
        schema.blocks.append({QStringLiteral("build"), {}});
        BodyPtr remain;
        (void)file.body->partialContent(schema, &remain, more);
    }
    Diagnostics exprDiags;
    (void)parseExpression(src, QStringLiteral("fuzz.hcl"), exprDiags);
    Diagnostics tmplDiags;
    (void)parseTemplate(src, QStringLiteral("fuzz.tmpl"), tmplDiags);
    (void)formatHcl(src);
    return 0;
}
