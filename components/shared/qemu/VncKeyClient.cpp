#include "components/shared/qemu/VncKeyClient.h"

#include <QElapsedTimer>
#include <QHash>
#include <QtEndian>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::components {

namespace {
constexpr int ioTimeoutMs = 10000;
}

VncKeyClient::~VncKeyClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

quint32 VncKeyClient::keysymForQcode(const QString &qcode, bool shifted)
{
    static const QHash<QString, quint32> shiftedMap = {
        {"1", '!'}, {"2", '@'}, {"3", '#'}, {"4", '$'}, {"5", '%'}, {"6", '^'}, {"7", '&'}, {"8", '*'},
        {"9", '('}, {"0", ')'}, {"minus", '_'}, {"equal", '+'}, {"bracket_left", '{'}, {"bracket_right", '}'},
        {"backslash", '|'}, {"semicolon", ':'}, {"apostrophe", '"'}, {"grave_accent", '~'}, {"comma", '<'},
        {"dot", '>'}, {"slash", '?'},
    };
    if (shifted && shiftedMap.contains(qcode))
        return shiftedMap.value(qcode);
    if (shifted && qcode.size() == 1 && qcode.at(0).isLower())
        return qcode.at(0).toUpper().unicode();
    static const QHash<QString, quint32> map = {
        {"ret", 0xff0d}, {"backspace", 0xff08}, {"delete", 0xffff}, {"esc", 0xff1b}, {"tab", 0xff09},
        {"up", 0xff52}, {"down", 0xff54}, {"left", 0xff51}, {"right", 0xff53}, {"spc", 0x20},
        {"insert", 0xff63}, {"home", 0xff50}, {"end", 0xff57}, {"pgup", 0xff55}, {"pgdn", 0xff56},
        {"alt", 0xffe9}, {"alt_r", 0xffea}, {"ctrl", 0xffe3}, {"ctrl_r", 0xffe4}, {"shift", 0xffe1},
        {"shift_r", 0xffe2}, {"meta_l", 0xffeb}, {"meta_r", 0xffec}, {"menu", 0xff67},
        {"minus", '-'}, {"equal", '='}, {"bracket_left", '['}, {"bracket_right", ']'}, {"backslash", '\\'},
        {"semicolon", ';'}, {"apostrophe", '\''}, {"grave_accent", '`'}, {"comma", ','}, {"dot", '.'},
        {"slash", '/'},
    };
    if (map.contains(qcode))
        return map.value(qcode);
    if (qcode.size() == 1 && (qcode.at(0).isLower() || qcode.at(0).isDigit()))
        return qcode.at(0).unicode();
    if (qcode.size() >= 2 && qcode.at(0) == QLatin1Char('f')) {
        bool ok = false;
        const int n = qcode.mid(1).toInt(&ok);
        if (ok && n >= 1 && n <= 12)
            return 0xffbe + quint32(n - 1);
    }
    return 0;
}

QString VncKeyClient::connectTo(const QString &host, int port, qint64 timeoutMs, const build::CancelTokenPtr &cancel)
{
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1)
        return QStringLiteral("invalid address %1").arg(host);
    QElapsedTimer timer;
    timer.start();
    while (true) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd >= 0 && ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0)
            break;
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        ::close(m_fd);
        m_fd = -1;
        if (timer.elapsed() > timeoutMs)
            return QStringLiteral("dial tcp %1:%2: connect: %3").arg(host).arg(port).arg(reason);
        if (cancel && !cancel->sleepFor(200))
            return QStringLiteral("cancelled");
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return handshake();
}

QString VncKeyClient::handshake()
{
    char version[12];
    if (!readExact(version, 12) || std::memcmp(version, "RFB ", 4) != 0)
        return QStringLiteral("Error handshaking with VNC: no RFB greeting");
    if (!writeAll(QByteArray("RFB 003.008\n")))
        return QStringLiteral("Error handshaking with VNC: write failed");
    quint8 count = 0;
    if (!readExact(reinterpret_cast<char *>(&count), 1))
        return QStringLiteral("Error handshaking with VNC: connection closed");
    QByteArray types(count, 0);
    if (count == 0 || !readExact(types.data(), count))
        return QStringLiteral("Error handshaking with VNC: server offers no security type");
    if (!types.contains(char(1)))
        return QStringLiteral("Error handshaking with VNC: no suitable auth schemes found. server supported: %1")
            .arg(QString::fromLatin1(types.toHex(' ')));
    quint32 result = 1;
    if (!writeAll(QByteArray(1, char(1))) || !readExact(reinterpret_cast<char *>(&result), 4) || result != 0)
        return QStringLiteral("Error handshaking with VNC: security handshake failed");
    // Shared: another viewer (a user watching the install) may stay connected.
    char init[24];
    if (!writeAll(QByteArray(1, char(1))) || !readExact(init, 24))
        return QStringLiteral("Error handshaking with VNC: no ServerInit");
    const quint32 nameLength = qFromBigEndian<quint32>(init + 20);
    QByteArray name(qsizetype(qMin<quint32>(nameLength, 4096)), 0);
    if (!readExact(name.data(), name.size()))
        return QStringLiteral("Error handshaking with VNC: no desktop name");
    m_name = QString::fromUtf8(name);
    return {};
}

QString VncKeyClient::sendKey(const QString &qcode, bool down)
{
    const bool isShift = qcode == QLatin1String("shift") || qcode == QLatin1String("shift_r");
    const quint32 keysym = keysymForQcode(qcode, !isShift && m_shiftsDown > 0);
    if (isShift)
        m_shiftsDown = qMax(0, m_shiftsDown + (down ? 1 : -1));
    if (keysym == 0)
        return QStringLiteral("no keysym for key %1").arg(qcode);
    char msg[8] = {4, char(down ? 1 : 0), 0, 0, 0, 0, 0, 0};
    qToBigEndian<quint32>(keysym, msg + 4);
    return writeAll(QByteArray(msg, 8)) ? QString() : QStringLiteral("write to VNC failed");
}

bool VncKeyClient::readExact(char *data, qsizetype size)
{
    qsizetype done = 0;
    while (done < size) {
        pollfd p {m_fd, POLLIN, 0};
        if (::poll(&p, 1, ioTimeoutMs) <= 0)
            return false;
        const ssize_t n = ::recv(m_fd, data + done, size_t(size - done), 0);
        if (n <= 0 && !(n < 0 && errno == EINTR))
            return false;
        if (n > 0)
            done += n;
    }
    return true;
}

bool VncKeyClient::writeAll(const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(m_fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

} // namespace kiln::components
