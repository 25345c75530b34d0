#include "components/shared/docker/DockerJsonStream.h"

#include <QJsonDocument>
#include <utility>

namespace kiln::components::docker {

DockerJsonStream::DockerJsonStream(LineFn onLine, ProgressFn onProgress)
    : m_onLine(std::move(onLine))
    , m_onProgress(std::move(onProgress))
{ }

void DockerJsonStream::feed(const char *data, size_t size)
{
    m_buffer.append(data, qsizetype(size));
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl).trimmed();
        m_buffer.remove(0, nl + 1);
        if (!line.isEmpty())
            handle(line);
    }
}

void DockerJsonStream::finish()
{
    const QByteArray rest = m_buffer.trimmed();
    m_buffer.clear();
    if (!rest.isEmpty())
        handle(rest);
}

void DockerJsonStream::handle(const QByteArray &line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    if (o.isEmpty())
        return;
    if (o.contains(QLatin1String("error")) || o.contains(QLatin1String("errorDetail"))) {
        if (m_error.isEmpty()) {
            m_error = o.value(QLatin1String("error")).toString();
            if (m_error.isEmpty())
                m_error = o.value(QLatin1String("errorDetail"))
                              .toObject()
                              .value(QLatin1String("message"))
                              .toString();
        }
        return;
    }
    if (o.contains(QLatin1String("aux")))
        m_aux = o.value(QLatin1String("aux")).toObject();
    if (o.contains(QLatin1String("stream")))
        m_buildLog += o.value(QLatin1String("stream")).toString();
    const QString status = o.value(QLatin1String("status")).toString();
    if (status.isEmpty())
        return;
    m_lastStatus = status;
    const QString id = o.value(QLatin1String("id")).toString();
    const QJsonObject detail = o.value(QLatin1String("progressDetail")).toObject();
    if (detail.contains(QLatin1String("current"))) {
        if (m_onProgress)
            m_onProgress(id.isEmpty() ? status : id + QStringLiteral(": ") + status,
                qint64(detail.value(QLatin1String("current")).toDouble()),
                detail.contains(QLatin1String("total"))
                    ? qint64(detail.value(QLatin1String("total")).toDouble())
                    : -1);
        return;
    }
    if (m_onLine)
        m_onLine(id.isEmpty() ? status : id + QStringLiteral(": ") + status);
}

} // namespace kiln::components::docker
