#include "engine/build/DataSourceRunner.h"

#include "engine/build/ConfigDecoder.h"
#include "engine/build/DataSource.h"

namespace kiln::build {

hcl::Value DataSourceRunner::execute(const tmpl::DataSourceBlock &block, const registry::ComponentDescriptor &descriptor,
                                     const hcl::EvalContext &ctx, const CancelTokenPtr &cancel, hcl::Diagnostics &diags)
{
    const hcl::SourceRange where = block.ref.defRange;
    if (!descriptor.create) {
        diags += hcl::Diagnostic::error(QStringLiteral("failed to start datasource plugin \"%1\"").arg(block.fullName()),
                                        QStringLiteral("Kiln knows the settings of the %1 data source but cannot run it.")
                                            .arg(block.type),
                                        where);
        return hcl::Value::dynamicUnknown();
    }
    std::unique_ptr<registry::Component> made = descriptor.create();
    auto *source = dynamic_cast<DataSource *>(made.get());
    if (!source) {
        diags += hcl::Diagnostic::error(QStringLiteral("failed to start datasource plugin \"%1\"").arg(block.fullName()),
                                        QString(), where);
        return hcl::Value::dynamicUnknown();
    }
    hcl::Diagnostics decodeDiags;
    const ComponentConfig config = ConfigDecoder::decode(block.body, descriptor.schema, ctx, decodeDiags);
    diags += decodeDiags;
    if (decodeDiags.hasErrors())
        return hcl::Value::dynamicUnknown();
    const PrepareResult prepared = source->prepare(config);
    for (const QString &e : prepared.errors)
        diags += hcl::Diagnostic::error(e, QString(), where);
    if (!prepared.ok())
        return hcl::Value::dynamicUnknown();
    QString error;
    const hcl::Value value = source->execute(cancel ? cancel : CancelToken::create(), &error);
    if (!error.isEmpty()) {
        diags += hcl::Diagnostic::error(error, QString(), where);
        return hcl::Value::dynamicUnknown();
    }
    return value;
}

} // namespace kiln::build
