#include "engine/output/OutputStream.h"

#include <QFileDevice>
#include <QIODevice>
#include <unistd.h>

namespace kiln::output {

OutputStream::OutputStream(QIODevice *device)
    : m_device(device)
{
    if (auto *file = qobject_cast<QFileDevice *>(device); file && file->handle() >= 0)
        m_terminal = ::isatty(file->handle()) == 1;
}

OutputStream::OutputStream(FILE *file)
    : m_file(file)
{
    if (file)
        m_terminal = ::isatty(::fileno(file)) == 1;
}

void OutputStream::write(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    if (m_file) {
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_file);
        std::fflush(m_file);
        return;
    }
    if (!m_device)
        return;
    m_device->write(bytes);
    // QFile buffers; a log or stdout that shows nothing until exit is useless for a build
    // that runs an hour.
    if (auto *file = qobject_cast<QFileDevice *>(m_device))
        file->flush();
}

} // namespace kiln::output
