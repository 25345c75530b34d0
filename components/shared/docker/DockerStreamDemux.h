#pragma once

#include <QByteArray>
#include <functional>

namespace kiln::components::docker {

// Splits the multiplexed stream of an attached exec without a TTY: frames of an 8-byte
// header (stream 0/1 stdin/stdout, 2 stderr, three zero bytes, big-endian payload length)
// and the payload. Frames may arrive cut anywhere; partial headers and payloads are kept
// until the rest arrives. With a TTY the daemon sends raw bytes: `raw` passes them through.
class DockerStreamDemux
{
public:
    using Fn = std::function<void(const QByteArray &chunk)>;
    DockerStreamDemux(Fn onStdout, Fn onStderr, bool raw = false);

    void feed(const char *data, size_t size);

private:
    Fn m_stdout;
    Fn m_stderr;
    bool m_raw;
    QByteArray m_header;
    int m_stream = 1;
    quint32 m_remaining = 0;
};

} // namespace kiln::components::docker
