#pragma once

#include "components/shared/docker/DockerEndpoint.h"
#include "components/shared/docker/DockerRequest.h"
#include "engine/build/CancelToken.h"

#include <QIODevice>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

namespace kiln::components::docker {

// Credentials for a registry, sent as X-Registry-Auth (pull, push) the way `docker login`
// makes the CLI send them; the daemon keeps nothing, so "logging out" is forgetting them.
struct RegistryAuth
{
    QString server;
    QString username;
    QString password;
    bool isEmpty() const { return username.isEmpty() && password.isEmpty(); }
    QByteArray header() const;
};

// The Docker Engine API calls the docker builder, communicator and post-processors make,
// each returning an error message (empty on success) in the docker CLI's wording
// ("Error response from daemon: ..."). Long calls stream: pull/push progress lines go to
// `onLine`, exports and saves to a QIODevice, uploads come from one.
//
// Threading: an instance holds only the endpoint; calls may run on any thread, each
// blocking until done or cancelled.
class DockerClient
{
public:
    using LineFn = std::function<void(const QString &line)>;
    using ProgressFn = DockerRequest::Progress;

    explicit DockerClient(DockerEndpoint endpoint = DockerEndpoint::fromEnvironment());
    const DockerEndpoint &endpoint() const { return m_endpoint; }

    // The daemon's version ("20.10.24+dfsg1"); the check that it answers at all.
    QString version(QString *version, const build::CancelTokenPtr &cancel) const;

    // GET /images/{name}/json and /containers/{id}/json.
    QString inspectImage(
        const QString &name, QJsonObject *out, const build::CancelTokenPtr &cancel) const;
    QString inspectContainer(
        const QString &id, QJsonObject *out, const build::CancelTokenPtr &cancel) const;

    // POST /auth: checks credentials the way `docker login` does.
    QString login(const RegistryAuth &auth, const build::CancelTokenPtr &cancel) const;
    QString pull(const QString &image, const QString &platform, const RegistryAuth &auth,
        const LineFn &onLine, const build::CancelTokenPtr &cancel) const;
    // Pushes `name` (repo[:tag]); *digest gets "sha256:..." from the daemon's report.
    QString push(const QString &name, const RegistryAuth &auth, const LineFn &onLine,
        QString *digest, const build::CancelTokenPtr &cancel) const;

    // POST /containers/create; `body` is the Engine API's container config.
    QString createContainer(const QJsonObject &body, const QString &name, const QString &platform,
        QString *id, const build::CancelTokenPtr &cancel) const;
    QString startContainer(const QString &id, const build::CancelTokenPtr &cancel) const;
    QString stopContainer(const QString &id, const build::CancelTokenPtr &cancel) const;
    QString killContainer(const QString &id, const build::CancelTokenPtr &cancel) const;
    QString removeContainer(
        const QString &id, bool force, const build::CancelTokenPtr &cancel) const;

    // Runs `cmd` in the container, streaming its output; *exitCode gets its status.
    // *lost (when given) tells that the daemon went away after the command had started.
    QString exec(const QString &id, const QStringList &cmd, const QString &user, bool tty,
        const std::function<void(const QByteArray &)> &onStdout,
        const std::function<void(const QByteArray &)> &onStderr, int *exitCode,
        const build::CancelTokenPtr &cancel, bool *lost = nullptr) const;

    // PUT /containers/{id}/archive: extracts the tar read from `tar` into directory `path`.
    QString putArchive(const QString &id, const QString &path, QIODevice &tar, qint64 size,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) const;
    // GET /containers/{id}/archive: a tar of `path` (its last component as the top entry).
    QString getArchive(const QString &id, const QString &path, QIODevice &out,
        const ProgressFn &progress, const build::CancelTokenPtr &cancel) const;

    // POST /commit with Dockerfile `changes`; *imageId gets "sha256:...".
    QString commit(const QString &id, const QString &author, const QString &message,
        const QStringList &changes, QString *imageId, const build::CancelTokenPtr &cancel) const;
    QString exportContainer(const QString &id, QIODevice &out, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) const;

    // POST /images/create?fromSrc=-: a root filesystem tarball becomes an image.
    QString importImage(QIODevice &tar, qint64 size, const QString &repository,
        const QStringList &changes, const QString &platform, QString *imageId,
        const build::CancelTokenPtr &cancel) const;
    QString tagImage(
        const QString &image, const QString &repository, const build::CancelTokenPtr &cancel) const;
    QString removeImage(
        const QString &image, bool force, const build::CancelTokenPtr &cancel) const;
    // GET /images/get: `docker save` of one image into `out`.
    QString saveImage(const QString &image, QIODevice &out, const ProgressFn &progress,
        const build::CancelTokenPtr &cancel) const;

    // POST /build: `docker build` of a tar context; `dockerfile` is its path inside the
    // context. *log gets the build's output, *imageId the built image.
    QString buildImage(QIODevice &context, qint64 size, const QString &dockerfile,
        const QMap<QString, QString> &buildArgs, bool pull, const QString &platform,
        const RegistryAuth &auth, QString *imageId, QString *log,
        const build::CancelTokenPtr &cancel) const;

    // "repo:tag" → {"repo", "tag"}; no tag → "latest" (digests stay in the repository part).
    static std::pair<QString, QString> splitReference(const QString &reference);

private:
    QString daemonError(const DockerResponse &r) const;
    DockerResponse call(const QByteArray &method, const QString &path,
        const build::CancelTokenPtr &cancel, const QByteArray &json = {}) const;

    DockerEndpoint m_endpoint;
};

} // namespace kiln::components::docker
