#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <functional>

namespace kiln::components::docker {

// Reads the progress stream of pull, push and import: one JSON object per line. Each
// status becomes a line as the docker CLI prints it without a terminal ("<id>: <status>"
// or "<status>"); byte-counting updates ("Downloading", "Pushing" with progressDetail)
// go to `progress` instead so a log is not flooded. The first "error" ends the
// operation with the daemon's message; import reports the new image id in "status".
class DockerJsonStream
{
public:
    using LineFn = std::function<void(const QString &line)>;
    using ProgressFn = std::function<void(const QString &what, qint64 current, qint64 total)>;

    explicit DockerJsonStream(LineFn onLine, ProgressFn onProgress = {});

    void feed(const char *data, size_t size);
    // Handles a last line without a newline.
    void finish();

    const QString &error() const { return m_error; }
    // The last "status" seen (docker import: the image id), and the last "aux" object
    // (push: {"Tag", "Digest", "Size"}).
    const QString &lastStatus() const { return m_lastStatus; }
    const QJsonObject &aux() const { return m_aux; }
    // What `docker build` printed ("stream" entries), for its error message.
    const QString &buildLog() const { return m_buildLog; }

private:
    void handle(const QByteArray &line);

    LineFn m_onLine;
    ProgressFn m_onProgress;
    QByteArray m_buffer;
    QString m_error;
    QString m_lastStatus;
    QJsonObject m_aux;
    QString m_buildLog;
};

} // namespace kiln::components::docker
