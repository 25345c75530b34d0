#include "components/shared/qemu/FreePort.h"

#include <QRandomGenerator>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::components {

int FreePort::find(const QString &address, int min, int max, QString *error)
{
    if (min > max) {
        *error = QStringLiteral("ListenRangeConfig: Invalid range: %1 > %2").arg(min).arg(max);
        return 0;
    }
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    const QString host = address.isEmpty() ? QStringLiteral("127.0.0.1") : address;
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1) {
        *error = QStringLiteral("invalid address %1").arg(host);
        return 0;
    }
    const int span = max - min + 1;
    const int start = int(QRandomGenerator::global()->bounded(span));
    for (int i = 0; i < span; ++i) {
        const int port = min + (start + i) % span;
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            continue;
        addr.sin_port = htons(quint16(port));
        const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0 && ::listen(fd, 1) == 0;
        ::close(fd);
        if (ok)
            return port;
    }
    *error = QStringLiteral("Cannot find an available port between %1 and %2").arg(min).arg(max);
    return 0;
}

} // namespace kiln::components
