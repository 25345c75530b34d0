#include "components/shared/docker/DockerEndpoint.h"

#include <QDir>
#include <QRegularExpression>

namespace kiln::components::docker {

DockerEndpoint DockerEndpoint::fromEnvironment()
{
    const QString host = qEnvironmentVariable("DOCKER_HOST");
    const bool tls = !qEnvironmentVariable("DOCKER_TLS_VERIFY").isEmpty();
    QString certPath = qEnvironmentVariable("DOCKER_CERT_PATH");
    if (certPath.isEmpty())
        certPath = QDir::homePath() + QStringLiteral("/.docker");
    return parse(host, tls, certPath);
}

DockerEndpoint DockerEndpoint::parse(const QString &host, bool tlsVerify, const QString &certPath)
{
    DockerEndpoint e;
    if (host.isEmpty()) {
        e.unixSocket = QStringLiteral("/var/run/docker.sock");
        e.baseUrl = QStringLiteral("http://docker");
        return e;
    }
    if (host.startsWith(QLatin1String("unix://"))) {
        e.unixSocket = host.mid(7);
        if (e.unixSocket.isEmpty())
            e.error = QStringLiteral("unable to parse docker host `%1`").arg(host);
        e.baseUrl = QStringLiteral("http://docker");
        return e;
    }
    if (host.startsWith(QLatin1String("tcp://"))) {
        QString rest = host.mid(6);
        while (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
        if (rest.isEmpty()) {
            e.error = QStringLiteral("unable to parse docker host `%1`").arg(host);
            return e;
        }
        // The CLI's default ports: 2376 with TLS, 2375 without.
        if (!rest.contains(QLatin1Char(':')))
            rest += tlsVerify ? QStringLiteral(":2376") : QStringLiteral(":2375");
        e.tls = tlsVerify;
        e.certPath = certPath;
        e.baseUrl = (tlsVerify ? QStringLiteral("https://") : QStringLiteral("http://")) + rest;
        return e;
    }
    e.error = QStringLiteral("unable to parse docker host `%1`").arg(host);
    return e;
}

QString DockerEndpoint::display() const
{
    if (!unixSocket.isEmpty())
        return QStringLiteral("unix://") + unixSocket;
    QString url = baseUrl;
    url.replace(QRegularExpression(QStringLiteral("^https?://")), QStringLiteral("tcp://"));
    return url;
}

} // namespace kiln::components::docker
