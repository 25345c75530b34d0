#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

namespace kiln::build {

// What a builder or post-processor produced: Packer's packersdk.Artifact.
//
// Threading: an artifact is created on a build's worker thread and may then be read from
// any thread (the output writer prints it, the GUI lists it); destroy() runs on the worker.
class Artifact
{
public:
    virtual ~Artifact() = default;

    // The producer's id, e.g. "mitchellh.null", "packer.post-processor.compress".
    virtual QString builderId() const = 0;
    // What the artifact is called where it lives (an image id, a path, a box name).
    virtual QString id() const = 0;
    // The local files that make up the artifact (may be empty).
    virtual QStringList files() const = 0;
    // One line for humans: the `--> name: <string>` of the summary.
    virtual QString string() const = 0;
    // Extra values by name (Packer's State(name)); "generated_data" etc.
    virtual QVariant state(const QString &name) const
    {
        Q_UNUSED(name);
        return {};
    }
    // Removes the artifact (an intermediate of a post-processor chain). Returns an error
    // message, empty on success.
    virtual QString destroy() = 0;
};

using ArtifactPtr = std::shared_ptr<Artifact>;

// An artifact made of local files, which destroy() deletes. Most post-processors and the
// file builder produce one.
class FileArtifact : public Artifact
{
public:
    FileArtifact(QString builderId, QStringList files, QString id = {}, QString string = {},
                 QVariantMap state = {});

    QString builderId() const override { return m_builderId; }
    QString id() const override { return m_id; }
    QStringList files() const override { return m_files; }
    QString string() const override { return m_string; }
    QVariant state(const QString &name) const override { return m_state.value(name); }
    QString destroy() override;

private:
    QString m_builderId;
    QStringList m_files;
    QString m_id;
    QString m_string;
    QVariantMap m_state;
};

} // namespace kiln::build
