#pragma once

#include "engine/build/CancelToken.h"

#include <QJsonObject>
#include <QString>

namespace kiln::components {

// A client of QEMU's machine protocol (QMP) over its unix socket (the builder halts QEMU
// with "quit" through it): reads the greeting,
// enters command mode, then runs commands one at a time, skipping the asynchronous events
// QEMU interleaves. Plain POSIX socket with poll(), so it needs no event loop on the
// build's worker thread.
class QmpClient
{
public:
    QmpClient() = default;
    ~QmpClient();
    QmpClient(const QmpClient &) = delete;
    QmpClient &operator=(const QmpClient &) = delete;

    // Connects, retrying until QEMU has created the socket or `timeoutMs` passed.
    // Returns an error message, empty on success.
    QString connectTo(const QString &socketPath, qint64 timeoutMs, const build::CancelTokenPtr &cancel);
    // Runs `command`; *reply gets the "return" member. Returns QEMU's error description,
    // or an I/O error, empty on success.
    QString execute(const QString &command, const QJsonObject &arguments = {}, QJsonObject *reply = nullptr);
    void close();

private:
    QString readMessage(QJsonObject *message, qint64 timeoutMs);

    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace kiln::components
