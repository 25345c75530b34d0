#include "components/shared/docker/DockerClient.h"
#include "components/shared/docker/DockerEncoding.h"
#include "components/shared/docker/DockerJsonStream.h"

#include <QJsonDocument>

// The image half of DockerClient: registries (login, pull, push), import, tag, save,
// build and removal.

namespace kiln::components::docker {

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

QString DockerClient::inspectImage(
    const QString &name, QJsonObject *out, const build::CancelTokenPtr &cancel) const
{
    const DockerResponse r = call("GET", QStringLiteral("/images/%1/json").arg(enc(name)), cancel);
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

} // namespace kiln::components::docker
