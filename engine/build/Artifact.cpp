#include "engine/build/Artifact.h"

#include <QDir>
#include <QFileInfo>

namespace kiln::build {

FileArtifact::FileArtifact(QString builderId, QStringList files, QString id, QString string, QVariantMap state)
    : m_builderId(std::move(builderId))
    , m_files(std::move(files))
    , m_id(std::move(id))
    , m_string(std::move(string))
    , m_state(std::move(state))
{
    if (m_id.isEmpty())
        m_id = m_files.join(QLatin1Char(','));
    if (m_string.isEmpty())
        m_string = m_files.size() == 1 ? m_files.first() : m_files.join(QStringLiteral(", "));
}

QString FileArtifact::destroy()
{
    QStringList failed;
    for (const QString &f : std::as_const(m_files)) {
        QFileInfo info(f);
        if (!info.exists() && !info.isSymLink())
            continue;
        const bool ok = info.isDir() && !info.isSymLink() ? QDir(f).removeRecursively() : QFile::remove(f);
        if (!ok)
            failed << f;
    }
    if (failed.isEmpty())
        return {};
    return QStringLiteral("could not remove %1").arg(failed.join(QStringLiteral(", ")));
}

} // namespace kiln::build
