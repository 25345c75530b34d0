#pragma once

#include "engine/build/Artifact.h"

#include <QStringList>

namespace kiln::components {

// What an uploader (s3-upload, sftp-upload) returns: the remote copies' URLs as id
// (comma-separated, like Packer's multi-region AMI ids) and state "urls"; files() lists the
// local files that were copied, so a later post-processor in the chain (checksum, manifest)
// still finds them. destroy() removes nothing: the remote objects are the point of the
// upload, and the local files belong to the input artifact, which Packer's keep rules govern.
class RemoteCopyArtifact : public build::Artifact
{
public:
    RemoteCopyArtifact(QString builderId, QStringList urls, QStringList localFiles, QString what)
        : m_builderId(std::move(builderId))
        , m_urls(std::move(urls))
        , m_files(std::move(localFiles))
        , m_what(std::move(what))
    { }

    QString builderId() const override { return m_builderId; }
    QString id() const override { return m_urls.join(QLatin1Char(',')); }
    QStringList files() const override { return m_files; }
    QString string() const override
    {
        return QStringLiteral("%1: %2").arg(m_what, m_urls.join(QStringLiteral(", ")));
    }
    QVariant state(const QString &name) const override
    {
        if (name == QLatin1String("urls"))
            return m_urls;
        return {};
    }
    QString destroy() override { return {}; }

    const QStringList &urls() const { return m_urls; }

private:
    QString m_builderId;
    QStringList m_urls;
    QStringList m_files;
    QString m_what;
};

} // namespace kiln::components
