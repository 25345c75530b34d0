#pragma once

#include "engine/build/CancelToken.h"

#include <QString>

namespace kiln::components {

// The part of an RFB (VNC) client that typing a boot command needs, as Packer's VNC driver:
// protocol 3.8 handshake with security type None, a shared ClientInit, then KeyEvent
// messages. Framebuffer updates are never requested, so the server sends nothing the
// client has to read after ServerInit.
class VncKeyClient
{
public:
    VncKeyClient() = default;
    ~VncKeyClient();
    VncKeyClient(const VncKeyClient &) = delete;
    VncKeyClient &operator=(const VncKeyClient &) = delete;

    // Connects, retrying until the server listens or `timeoutMs` passed; returns an error.
    QString connectTo(const QString &host, int port, qint64 timeoutMs, const build::CancelTokenPtr &cancel);
    // Presses or releases the key named by a QEMU qcode (as BootCommand produces). While a
    // shift key is held, the shifted character's keysym is sent ('A', ':'), as Packer's
    // VNC driver does: QEMU's VNC server would otherwise undo the shift for a keysym that
    // needs none.
    QString sendKey(const QString &qcode, bool down);
    // The X keysym VNC uses for a qcode, shifted or not; 0 when unknown.
    static quint32 keysymForQcode(const QString &qcode, bool shifted = false);
    QString desktopName() const { return m_name; }

private:
    QString handshake();
    bool readExact(char *data, qsizetype size);
    bool writeAll(const QByteArray &data);

    int m_fd = -1;
    int m_shiftsDown = 0;
    QString m_name;
};

} // namespace kiln::components
