#pragma once

#include <QString>

namespace kiln::components::docker {

// Where the Docker Engine API listens, read from the environment as the docker CLI reads
// it: DOCKER_HOST (unix:///path or tcp://host:port; unset means /var/run/docker.sock),
// DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for a TLS tcp endpoint.
struct DockerEndpoint
{
    QString unixSocket; // set for unix:// endpoints
    QString baseUrl; // "http://docker" for a socket, "http(s)://host:port" for tcp
    bool tls = false;
    QString certPath; // ca.pem, cert.pem, key.pem when tls
    QString error; // DOCKER_HOST could not be understood

    static DockerEndpoint fromEnvironment();
    static DockerEndpoint parse(const QString &host, bool tlsVerify, const QString &certPath);
    // "unix:///path" or "tcp://host:port", for messages.
    QString display() const;
};

} // namespace kiln::components::docker
