#include "components/shared/docker/DockerClient.h"

#include "components/shared/docker/DockerJsonStream.h"
#include "components/shared/docker/DockerStreamDemux.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrl>
#include <utility>

namespace kiln::components::docker {

namespace {

QString enc(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QByteArray RegistryAuth::header() const
{
    QJsonObject o;
    if (!username.isEmpty())
        o.insert(QStringLiteral("username"), username);
    if (!password.isEmpty())
        o.insert(QStringLiteral("password"), password);
    if (!server.isEmpty())
        o.insert(QStringLiteral("serveraddress"), server);
    return toJson(o).toBase64(QByteArray::Base64UrlEncoding);
}

DockerClient::DockerClient(DockerEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
{ }

std::pair<QString, QString> DockerClient::splitReference(const QString &reference)
{
    if (reference.contains(QLatin1Char('@')))
        return {reference, QString()};
    const qsizetype slash = reference.lastIndexOf(QLatin1Char('/'));
    const qsizetype colon = reference.lastIndexOf(QLatin1Char(':'));
    if (colon > slash)
        return {reference.left(colon), reference.mid(colon + 1)};
    return {reference, QStringLiteral("latest")};
}

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

QString DockerClient::inspectImage(
    const QString &name, QJsonObject *out, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r = call("GET", QStringLiteral("/images/%1/json").arg(enc(name)), cancel);
    if (!r.success())
        return daemonError(r);
    *out = QJsonDocument::fromJson(r.body).object();
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

QString DockerClient::login(const RegistryAuth &auth, const build::CancelTokenPtr &cancel) const
{
    QJsonObject body{{QStringLiteral("username"), auth.username},
        {QStringLiteral("password"), auth.password},
        {QStringLiteral("serveraddress"), auth.server}};
    const DockerResponse r = call("POST", QStringLiteral("/auth"), cancel, toJson(body));
    if (!r.success())
        return daemonError(r);
    return {};
}

QString DockerClient::pull(const QString &image, const QString &platform, const RegistryAuth &auth,
    const LineFn &onLine, const build::CancelTokenPtr &cancel) const
{
    const auto [repo, tag] = splitReference(image);
    QString path = QStringLiteral("/images/create?fromImage=%1").arg(enc(repo));
    if (!tag.isEmpty())
        path += QStringLiteral("&tag=") + enc(tag);
    if (!platform.isEmpty())
        path += QStringLiteral("&platform=") + enc(platform);
    DockerRequest request(m_endpoint, "POST", path);
    request.addHeader("X-Registry-Auth", auth.header());
    DockerJsonStream stream(onLine);
    request.setSink([&stream](const char *d, size_t n) {
        stream.feed(d, n);
        return true;
    });
    const DockerResponse r = request.perform(cancel);
    stream.finish();
    if (!r.success())
        return daemonError(r);
    return stream.error();
}

QString DockerClient::push(const QString &name, const RegistryAuth &auth, const LineFn &onLine,
    QString *digest, const build::CancelTokenPtr &cancel) const
{
    const auto [repo, tag] = splitReference(name);
    QString path = QStringLiteral("/images/%1/push").arg(enc(repo));
    if (!tag.isEmpty())
        path += QStringLiteral("?tag=") + enc(tag);
    DockerRequest request(m_endpoint, "POST", path);
    request.addHeader("X-Registry-Auth", auth.header());
    DockerJsonStream stream(onLine);
    request.setSink([&stream](const char *d, size_t n) {
        stream.feed(d, n);
        return true;
    });
    const DockerResponse r = request.perform(cancel);
    stream.finish();
    if (!r.success())
        return daemonError(r);
    if (digest)
        *digest = stream.aux().value(QLatin1String("Digest")).toString();
    return stream.error();
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

QString DockerClient::importImage(QIODevice &tar, qint64 size, const QString &repository,
    const QStringList &changes, const QString &platform, QString *imageId,
    const build::CancelTokenPtr &cancel) const
{
    QString path = QStringLiteral("/images/create?fromSrc=-");
    if (!repository.isEmpty())
        path += QStringLiteral("&repo=") + enc(repository);
    for (const QString &change : changes)
        path += QStringLiteral("&changes=") + enc(change);
    if (!platform.isEmpty())
        path += QStringLiteral("&platform=") + enc(platform);
    DockerRequest request(m_endpoint, "POST", path);
    request.setUpload(&tar, size, "application/x-tar");
    DockerJsonStream stream({});
    request.setSink([&stream](const char *d, size_t n) {
        stream.feed(d, n);
        return true;
    });
    const DockerResponse r = request.perform(cancel);
    stream.finish();
    if (!r.success())
        return daemonError(r);
    if (!stream.error().isEmpty())
        return stream.error();
    *imageId = stream.lastStatus();
    return {};
}

QString DockerClient::tagImage(
    const QString &image, const QString &repository, const build::CancelTokenPtr &cancel) const
{
    const auto [repo, tag] = splitReference(repository);
    QString path = QStringLiteral("/images/%1/tag?repo=%2").arg(enc(image), enc(repo));
    if (!tag.isEmpty())
        path += QStringLiteral("&tag=") + enc(tag);
    const DockerResponse r = call("POST", path, cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::removeImage(
    const QString &image, bool force, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r = call("DELETE",
        QStringLiteral("/images/%1%2")
            .arg(enc(image), force ? QStringLiteral("?force=1") : QString()),
        cancel);
    return r.success() ? QString() : daemonError(r);
}

QString DockerClient::saveImage(const QString &image, QIODevice &out, const ProgressFn &progress,
    const build::CancelTokenPtr &cancel) const
{
    DockerRequest request(
        m_endpoint, "GET", QStringLiteral("/images/get?names=%1").arg(enc(image)));
    request.setSink(
        [&out](const char *d, size_t n) { return out.write(d, qint64(n)) == qint64(n); });
    if (progress)
        request.setDownloadProgress(progress);
    const DockerResponse r = request.perform(cancel);
    return r.success() ? QString() : daemonError(r);
}

} // namespace kiln::components::docker

namespace kiln::components::docker {

QString DockerClient::buildImage(QIODevice &context, qint64 size, const QString &dockerfile,
    const QMap<QString, QString> &buildArgs, bool pull, const QString &platform,
    const RegistryAuth &auth, QString *imageId, QString *log,
    const build::CancelTokenPtr &cancel) const
{
    QString path = QStringLiteral("/build?rm=1&dockerfile=") + enc(dockerfile);
    if (pull)
        path += QStringLiteral("&pull=1");
    if (!platform.isEmpty())
        path += QStringLiteral("&platform=") + enc(platform);
    if (!buildArgs.isEmpty()) {
        QJsonObject args;
        for (auto it = buildArgs.cbegin(); it != buildArgs.cend(); ++it)
            args.insert(it.key(), it.value());
        path += QStringLiteral("&buildargs=") + enc(QString::fromUtf8(toJson(args)));
    }
    DockerRequest request(m_endpoint, "POST", path);
    request.setUpload(&context, size, "application/x-tar");
    if (!auth.isEmpty()) {
        // X-Registry-Config: credentials per registry for the FROM images.
        QJsonObject config{
            {auth.server.isEmpty() ? QStringLiteral("https://index.docker.io/v1/") : auth.server,
                QJsonObject{{QStringLiteral("username"), auth.username},
                    {QStringLiteral("password"), auth.password}}}};
        request.addHeader(
            "X-Registry-Config", toJson(config).toBase64(QByteArray::Base64UrlEncoding));
    }
    DockerJsonStream stream({});
    request.setSink([&stream](const char *d, size_t n) {
        stream.feed(d, n);
        return true;
    });
    const DockerResponse r = request.perform(cancel);
    stream.finish();
    *log = stream.buildLog();
    if (!r.success())
        return daemonError(r);
    if (!stream.error().isEmpty())
        return stream.error();
    *imageId = stream.aux().value(QLatin1String("ID")).toString();
    if (imageId->isEmpty())
        return QStringLiteral("the daemon reported no image id for the build");
    return {};
}

} // namespace kiln::components::docker
