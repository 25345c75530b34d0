#include "components/shared/docker/DockerClient.h"

#include "components/shared/docker/DockerEncoding.h"
#include "components/shared/docker/DockerJsonStream.h"
#include "components/shared/docker/DockerStreamDemux.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>
#include <utility>

namespace kiln::components::docker {

DockerClient::DockerClient(DockerEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
{ }

QString DockerClient::daemonError(const DockerResponse &r) const
{
    if (!r.ok())
        return r.error;
    const QString message
        = QJsonDocument::fromJson(r.body).object().value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return QStringLiteral("Error response from daemon: ") + message;
    return QStringLiteral("Error response from daemon: %1 %2")
        .arg(r.status)
        .arg(QString::fromUtf8(r.body.trimmed()));
}

DockerResponse DockerClient::call(const QByteArray &method, const QString &path,
    const build::CancelTokenPtr &cancel, const QByteArray &json) const
{
    DockerRequest request(m_endpoint, method, path);
    if (!json.isEmpty())
        request.setJsonBody(json);
    return request.perform(cancel);
}

QString DockerClient::version(QString *version, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r = call("GET", QStringLiteral("/version"), cancel);
    if (!r.success())
        return daemonError(r);
    *version = QJsonDocument::fromJson(r.body).object().value(QLatin1String("Version")).toString();
    return {};
}

QString DockerClient::inspectContainer(
    const QString &id, QJsonObject *out, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r
        = call("GET", QStringLiteral("/containers/%1/json").arg(enc(id)), cancel);
    if (!r.success())
        return daemonError(r);
    *out = QJsonDocument::fromJson(r.body).object();
    return {};
}

QString DockerClient::createContainer(const QJsonObject &body, const QString &name,
    const QString &platform, QString *id, const build::CancelTokenPtr &cancel) const
{
    QStringList query;
    if (!name.isEmpty())
        query << QStringLiteral("name=") + enc(name);
    if (!platform.isEmpty())
        query << QStringLiteral("platform=") + enc(platform);
    QString path = QStringLiteral("/containers/create");
    if (!query.isEmpty())
        path += QLatin1Char('?') + query.join(QLatin1Char('&'));
    const DockerResponse r = call("POST", path, cancel, toJson(body));
    if (!r.success())
        return daemonError(r);
    *id = QJsonDocument::fromJson(r.body).object().value(QLatin1String("Id")).toString();
    return {};
}

QString DockerClient::startContainer(const QString &id, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r
        = call("POST", QStringLiteral("/containers/%1/start").arg(enc(id)), cancel);
    return r.success() || (r.ok() && r.status == 304) ? QString() : daemonError(r);
}

QString DockerClient::stopContainer(const QString &id, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r
        = call("POST", QStringLiteral("/containers/%1/stop").arg(enc(id)), cancel);
    return r.success() || (r.ok() && r.status == 304) ? QString() : daemonError(r);
}

QString DockerClient::killContainer(const QString &id, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r
        = call("POST", QStringLiteral("/containers/%1/kill").arg(enc(id)), cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::removeContainer(
    const QString &id, bool force, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r = call("DELETE",
        QStringLiteral("/containers/%1?v=1%2")
            .arg(enc(id), force ? QStringLiteral("&force=1") : QString()),
        cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::exec(const QString &id, const QStringList &cmd, const QString &user, bool tty,
    const std::function<void(const QByteArray &)> &onStdout,
    const std::function<void(const QByteArray &)> &onStderr, int *exitCode,
    const build::CancelTokenPtr &cancel, bool *lost) const
{
    *exitCode = -1;
    if (lost)
        *lost = false;
    QJsonObject create{{QStringLiteral("AttachStdout"), true},
        {QStringLiteral("AttachStderr"), true}, {QStringLiteral("AttachStdin"), false},
        {QStringLiteral("Tty"), tty}, {QStringLiteral("Cmd"), QJsonArray::fromStringList(cmd)}};
    if (!user.isEmpty())
        create.insert(QStringLiteral("User"), user);
    DockerResponse r
        = call("POST", QStringLiteral("/containers/%1/exec").arg(enc(id)), cancel, toJson(create));
    if (!r.success())
        return daemonError(r);
    const QString execId
        = QJsonDocument::fromJson(r.body).object().value(QLatin1String("Id")).toString();

    // The daemon answers the start with a raw stream on the same connection and closes it
    // when the process's output ends.
    DockerRequest start(m_endpoint, "POST", QStringLiteral("/exec/%1/start").arg(execId));
    start.setJsonBody(toJson({{QStringLiteral("Detach"), false}, {QStringLiteral("Tty"), tty}}));
    DockerStreamDemux demux(onStdout, onStderr, tty);
    start.setSink([&demux](const char *d, size_t n) {
        demux.feed(d, n);
        return true;
    });
    r = start.perform(cancel);
    if (lost && !r.ok() && !r.cancelled)
        *lost = true;
    if (!r.success())
        return daemonError(r);

    // The stream can end a moment before the daemon records the exit code.
    for (int attempt = 0; attempt < 500; ++attempt) {
        r = call("GET", QStringLiteral("/exec/%1/json").arg(execId), cancel);
        if (lost && !r.ok() && !r.cancelled)
            *lost = true;
        if (!r.success())
            return daemonError(r);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (!o.value(QLatin1String("Running")).toBool()) {
            *exitCode = o.value(QLatin1String("ExitCode")).toInt(-1);
            return {};
        }
        if (cancel && !cancel->sleepFor(10))
            return QStringLiteral("cancelled");
        if (!cancel)
            QThread::msleep(10);
    }
    return QStringLiteral("the exec did not report an exit code");
}

QString DockerClient::putArchive(const QString &id, const QString &path, QIODevice &tar,
    qint64 size, const ProgressFn &progress, const build::CancelTokenPtr &cancel) const
{
    DockerRequest request(m_endpoint, "PUT",
        QStringLiteral("/containers/%1/archive?path=%2").arg(enc(id), enc(path)));
    request.setUpload(&tar, size, "application/x-tar");
    if (progress)
        request.setUploadProgress(progress);
    const DockerResponse r = request.perform(cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::getArchive(const QString &id, const QString &path, QIODevice &out,
    const ProgressFn &progress, const build::CancelTokenPtr &cancel) const
{
    DockerRequest request(m_endpoint, "GET",
        QStringLiteral("/containers/%1/archive?path=%2").arg(enc(id), enc(path)));
    request.setSink(
        [&out](const char *d, size_t n) { return out.write(d, qint64(n)) == qint64(n); });
    if (progress)
        request.setDownloadProgress(progress);
    const DockerResponse r = request.perform(cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::commit(const QString &id, const QString &author, const QString &message,
    const QStringList &changes, QString *imageId, const build::CancelTokenPtr &cancel) const
{
    QString path = QStringLiteral("/commit?container=%1&pause=1").arg(enc(id));
    if (!author.isEmpty())
        path += QStringLiteral("&author=") + enc(author);
    if (!message.isEmpty())
        path += QStringLiteral("&comment=") + enc(message);
    for (const QString &change : changes)
        path += QStringLiteral("&changes=") + enc(change);
    const DockerResponse r = call("POST", path, cancel, "{}");
    if (!r.success())
        return daemonError(r);
    *imageId = QJsonDocument::fromJson(r.body).object().value(QLatin1String("Id")).toString();
    return {};
}

QString DockerClient::exportContainer(const QString &id, QIODevice &out, const ProgressFn &progress,
    const build::CancelTokenPtr &cancel) const
{
    DockerRequest request(m_endpoint, "GET", QStringLiteral("/containers/%1/export").arg(enc(id)));
    request.setSink(
        [&out](const char *d, size_t n) { return out.write(d, qint64(n)) == qint64(n); });
    if (progress)
        request.setDownloadProgress(progress);
    const DockerResponse r = request.perform(cancel);
    return r.success() ? QString() : daemonError(r);
}

} // namespace kiln::components::docker
