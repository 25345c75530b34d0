#include "components/postprocessors/artifice/ArtificePostProcessor.h"

#include "components/shared/PackerFileArtifact.h"
#include "engine/build/BuildContext.h"

#include <QFile>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <glob.h>
#include <sys/stat.h>

namespace kiln::components {

using namespace kiln::build;

PrepareResult ArtificePostProcessor::prepare(const ComponentConfig &config)
{
    return m_settings.read(config);
}

QStringList ArtificePostProcessor::glob(const QString &pattern, QString *error)
{
    glob_t found{};
    // GLOB_PERIOD: Go's `*` matches names starting with a dot.
    const int rc = ::glob(
        QFile::encodeName(pattern).constData(), GLOB_PERIOD | GLOB_NOSORT, nullptr, &found);
    QStringList matches;
    if (rc == 0) {
        for (size_t i = 0; i < found.gl_pathc; ++i) {
            const QString match = QFile::decodeName(found.gl_pathv[i]);
            // GLOB_PERIOD also yields "." and "..", which a directory listing never has.
            const QString base = match.section(QLatin1Char('/'), -1);
            if (base != QLatin1String(".") && base != QLatin1String(".."))
                matches << match;
        }
    } else if (rc != GLOB_NOMATCH && error) {
        *error = QStringLiteral("syntax error in pattern");
    }
    globfree(&found);
    // Byte order, as Go sorts directory entries (glob(3) would use the locale's collation).
    std::sort(matches.begin(), matches.end(),
        [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return matches;
}

PostProcessResult ArtificePostProcessor::postProcess(BuildContext &ctx, const ArtifactPtr &input)
{
    PostProcessResult out;
    const BuildUi ui = ctx.ui.forComponent(QStringLiteral("artifice"));
    const QStringList discarded = input ? input->files() : QStringList();
    if (!discarded.isEmpty())
        ui.say(QStringLiteral("Discarding files from artifact: %1")
                   .arg(discarded.join(QStringLiteral(", "))));

    QStringList files;
    for (const QString &pattern : std::as_const(m_settings.files)) {
        QString error;
        const QStringList matches = glob(pattern, &error);
        if (!error.isEmpty()) {
            out.error = error;
            return out;
        }
        for (const QString &match : matches) {
            struct stat st
            {
            };
            if (::stat(QFile::encodeName(match).constData(), &st) != 0) {
                out.error = QStringLiteral("stat %1: %2")
                                .arg(match, QString::fromLocal8Bit(std::strerror(errno)).toLower());
                return out;
            }
            files << match;
        }
    }
    const QString list = files.join(QStringLiteral(", "));
    ui.say(QStringLiteral("Using these artifact files: %1").arg(list));
    out.artifact = std::make_shared<PackerFileArtifact>(QString::fromLatin1(BuilderId), files,
        QString(), QStringLiteral("Created artifact from files: %1").arg(list));
    // Keep the input unless the template's keep_input_artifact says otherwise (Packer
    // returns keep=true without forcing it).
    out.keep = true;
    return out;
}

} // namespace kiln::components
