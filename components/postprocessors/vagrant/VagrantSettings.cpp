#include "components/postprocessors/vagrant/VagrantSettings.h"

#include <QFileInfo>

namespace kiln::components {

QStringList VagrantSettings::read(const build::ComponentConfig &config)
{
    QStringList errors;
    if (config.has(QStringLiteral("compression_level"))) {
        const qint64 level = config.integer(QStringLiteral("compression_level"), -1);
        // pgzip's accepted range, checked up front rather than when the box is written.
        if (level < -1 || level > 9)
            errors << QStringLiteral(
                "Invalid compression level. Expected an integer from -1 to 9.");
        compressionLevel = int(qBound(qint64(-1), level, qint64(9)));
    }
    if (config.has(QStringLiteral("include")))
        include = config.stringList(QStringLiteral("include"));
    if (!config.string(QStringLiteral("output")).isEmpty())
        output = config.string(QStringLiteral("output"));
    if (config.has(QStringLiteral("vagrantfile_template")))
        vagrantfileTemplate = config.string(QStringLiteral("vagrantfile_template"));
    if (config.has(QStringLiteral("vagrantfile_template_generated")))
        vagrantfileTemplateGenerated
            = config.boolean(QStringLiteral("vagrantfile_template_generated"));
    if (config.has(QStringLiteral("architecture")))
        architecture = config.string(QStringLiteral("architecture"));
    if (!vagrantfileTemplate.isEmpty() && !vagrantfileTemplateGenerated
        && !QFileInfo::exists(vagrantfileTemplate))
        errors
            << QStringLiteral("vagrantfile_template '%1' does not exist").arg(vagrantfileTemplate);
    return errors;
}

} // namespace kiln::components
