#include "components/postprocessors/vagrant/VagrantPostProcessor.h"

#include "components/postprocessors/vagrant/VagrantProvider.h"
#include "components/shared/PackerFileArtifact.h"
#include "components/shared/vagrant/VagrantBox.h"
#include "engine/build/BuildContext.h"
#include "engine/template/legacy/Interpolator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSysInfo>
#include <QTemporaryDir>

namespace kiln::components {

using namespace kiln::build;
using tmpl::legacy::Interpolator;

namespace {

const char *const kBoxVagrantfile = R"(
# The contents below were provided by the Packer Vagrant post-processor
%1

# The contents below (if any) are custom contents provided by the
# Packer template during image build.
%2
)";

// Go's GOARCH for this host, as Vagrant names architectures ("386" is Vagrant's "i386").
QString hostArchitecture()
{
    const QString arch = QSysInfo::buildCpuArchitecture();
    if (arch == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (arch == QLatin1String("i386"))
        return QStringLiteral("i386");
    return arch;
}

QString openError(const QString &path)
{
    return QStringLiteral("open %1: %2")
        .arg(path,
            QFileInfo::exists(path) ? QStringLiteral("permission denied")
                                    : QStringLiteral("no such file or directory"));
}

} // namespace

PrepareResult VagrantPostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

QString VagrantPostProcessor::specificSettings(
    const QString &provider, VagrantSettings *settings) const
{
    *settings = m_settings;
    if (m_settings.overrides.isNull() || !m_settings.overrides.type().isMapLike())
        return {};
    const hcl::Value entry = m_settings.overrides.hasAttribute(provider)
        ? m_settings.overrides.attribute(provider)
        : hcl::Value();
    if (entry.isNull())
        return {};
    if (!entry.type().isMapLike())
        return QStringLiteral("Error overriding config for %1: '' expected a map, got '%2'")
            .arg(provider, entry.type().friendlyName());
    const QStringList errors = settings->readOptions(ComponentConfig(entry));
    if (!errors.isEmpty())
        return QStringLiteral("Error overriding config for %1: %2")
            .arg(provider, errors.join(QStringLiteral("; ")));
    return {};
}

PostProcessResult VagrantPostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    // Packer forces keep_input_artifact off the user's hands only when the provider keeps it;
    // libvirt and docker boxes never need their input afterwards.
    out.forceOverride = true;
    out.keep = false;
    if (!input) {
        out.error = QStringLiteral("Unknown artifact type, can't build box: ");
        return out;
    }
    QString provider = m_settings.providerOverride;
    if (provider.isEmpty()) {
        provider = VagrantProvider::providerFor(input->builderId());
        if (provider.isEmpty()) {
            out.error = QStringLiteral("Unknown artifact type, can't build box: %1")
                            .arg(input->builderId());
            return out;
        }
    }
    // Packer knows more providers than Kiln has builders for (aws, virtualbox, ...): an
    // artifice artifact with such a provider_override has nothing Kiln could pack.
    if (!VagrantProvider::supported(provider)) {
        out.error = QStringLiteral(
            "Kiln cannot build '%1' provider boxes: it has no builder for that platform")
                        .arg(provider);
        return out;
    }
    QString target;
    out.error = createBox(ctx, provider, *input, &target);
    if (out.error.isEmpty())
        out.artifact = std::make_shared<PackerFileArtifact>(QString::fromLatin1(BuilderId),
            QStringList{target}, provider,
            QStringLiteral("'%1' provider box: %2").arg(provider, target));
    return out;
}

QString VagrantPostProcessor::checkHostCanWriteBoxes(const BuildUi &ui, int level) const
{
    ui.say(QStringLiteral(
        "Creating a dummy Vagrant box to ensure the host system can create one correctly"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return dir.errorString();
    return VagrantBox::write(dir.filePath(QStringLiteral("box.box")),
        {{QStringLiteral("metadata.json"), QString(), QByteArrayLiteral("{}\n")}}, level, BuildUi(),
        {});
}

QString VagrantPostProcessor::createBox(
    BuildContext &ctx, const QString &provider, const Artifact &input, QString *target)
{
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("vagrant"));
    VagrantSettings settings;
    if (QString error = specificSettings(provider, &settings); !error.isEmpty())
        return error;
    if (QString error = checkHostCanWriteBoxes(ui, settings.compressionLevel); !error.isEmpty())
        return error;
    ui.say(QStringLiteral("Creating Vagrant box for '%1' provider").arg(provider));

    QVariantMap data = input.state(QStringLiteral("generated_data")).toMap();
    data.insert(QStringLiteral("ArtifactId"), input.id());
    data.insert(QStringLiteral("BuildName"),
        ctx.sourceName.isEmpty() ? m_settings.interpolation.buildName : ctx.sourceName);
    data.insert(QStringLiteral("Provider"), provider);
    data.insert(QStringLiteral("Architecture"),
        settings.architecture.isEmpty() ? hostArchitecture() : settings.architecture);
    tmpl::legacy::InterpolateContext interpolation = m_settings.interpolation;
    interpolation.data = data;
    const Interpolator::Result output = Interpolator::render(settings.output, interpolation);
    if (!output.ok())
        return output.error->message;
    *target = output.value;

    // Later entries of the same name replace earlier ones, as files copied into Packer's
    // staging directory do: includes first, then the provider's files.
    QMap<QString, VagrantBox::Entry> entries;
    for (const QString &src : std::as_const(settings.include)) {
        ui.message(QStringLiteral("Copying from include: %1").arg(src));
        QFile probe(src);
        if (!probe.open(QIODevice::ReadOnly))
            return QStringLiteral("Error copying include file: %1\n\n%2").arg(src, openError(src));
        const QString name = QFileInfo(src).fileName();
        entries.insert(name, {name, src, {}});
    }
    const VagrantProviderOutput processed = VagrantProvider::process(provider, ui, input);
    if (!processed.error.isEmpty())
        return processed.error;
    for (const VagrantBox::Entry &e : processed.entries)
        entries.insert(e.name, e);

    QJsonObject metadata = processed.metadata;
    if (!settings.architecture.isEmpty())
        metadata.insert(QStringLiteral("architecture"), settings.architecture);
    // Packer's WriteMetadata keeps a metadata.json that an include put there.
    const QString metadataName = QStringLiteral("metadata.json");
    if (!entries.contains(metadataName))
        entries.insert(metadataName,
            {metadataName, QString(),
                QJsonDocument(metadata).toJson(QJsonDocument::Compact) + '\n'});

    QString custom;
    if (!settings.vagrantfileTemplate.isEmpty()) {
        ui.message(
            QStringLiteral("Using custom Vagrantfile: %1").arg(settings.vagrantfileTemplate));
        QFile f(settings.vagrantfileTemplate);
        if (!f.open(QIODevice::ReadOnly))
            return openError(settings.vagrantfileTemplate);
        const Interpolator::Result rendered
            = Interpolator::render(QString::fromUtf8(f.readAll()), interpolation);
        if (!rendered.ok())
            return rendered.error->message;
        custom = rendered.value;
    }
    const QString vagrantfile
        = QString::fromLatin1(kBoxVagrantfile).arg(processed.vagrantfile, custom);
    entries.insert(QStringLiteral("Vagrantfile"),
        {QStringLiteral("Vagrantfile"), QString(), vagrantfile.toUtf8()});

    return VagrantBox::write(*target, entries.values(), settings.compressionLevel, ui, ctx.cancel);
}

} // namespace kiln::components
