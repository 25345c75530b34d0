#include "components/shared/ansible/SshProxyAdapter.h"

#include "components/shared/ansible/AdapterKey.h"
#include "components/shared/ansible/AdapterRemote.h"
#include "components/shared/ansible/SshProxyConnection.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <libssh/server.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace kiln::components {

namespace {

QString goNetError(int port, int err)
{
    return QStringLiteral("listen tcp 127.0.0.1:%1: bind: %2")
        .arg(port)
        .arg(QString::fromLocal8Bit(std::strerror(err)).toLower());
}

} // namespace

SshProxyAdapter::SshProxyAdapter(
    comm::Communicator &comm, build::BuildUi ui, build::CancelTokenPtr cancel)
    : m_ui(std::move(ui))
    , m_cancel(cancel)
    , m_remote(std::make_unique<AdapterRemote>(comm, std::move(cancel)))
{ }

SshProxyAdapter::~SshProxyAdapter()
{
    shutdown();
}

bool SshProxyAdapter::listen(int port, QString *error)
{
    const int tries = port != 0 ? 10 : 1;
    for (int i = 0; i < tries; ++i, ++port) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
            continue;
        const int one = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
            || ::listen(fd, 16) != 0) {
            m_ui.say(goNetError(port, errno));
            ::close(fd);
            continue;
        }
        socklen_t len = sizeof addr;
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_listenFd = fd;
        return true;
    }
    *error = QStringLiteral("Error setting up SSH proxy connection");
    return false;
}

bool SshProxyAdapter::start(const Settings &settings, QString *error)
{
    m_settings = settings;
    ssh_bind bind = ssh_bind_new();
    // ssh_bind takes the key it is given and frees it with the bind.
    if (!bind
        || ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, settings.hostKey->duplicate())
            != SSH_OK) {
        *error = QStringLiteral("error creating host signer: %1")
                     .arg(bind ? QString::fromUtf8(ssh_get_error(bind))
                               : QStringLiteral("out of memory"));
        if (bind)
            ssh_bind_free(bind);
        return false;
    }
    m_bind = bind;
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void SshProxyAdapter::acceptLoop()
{
    while (!m_stopping) {
        pollfd p{m_listenFd, POLLIN, 0};
        const int ready = ::poll(&p, 1, 100);
        if (ready <= 0 || m_stopping)
            continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (!m_stopping && errno != EINTR && errno != EAGAIN)
                m_ui.error(QStringLiteral("listen.Accept failed: %1")
                               .arg(QString::fromLocal8Bit(std::strerror(errno))));
            continue;
        }
        std::lock_guard lock(m_connectionsMutex);
        m_connectionFds.push_back(fd);
        m_connectionThreads.emplace_back([this, fd] { serveConnection(fd); });
    }
}

void SshProxyAdapter::forgetConnection(int fd)
{
    // Before the session closes fd: shutdown() must never reach a number reused elsewhere.
    std::lock_guard lock(m_connectionsMutex);
    m_connectionFds.remove(fd);
}

void SshProxyAdapter::serveConnection(int fd)
{
    ssh_session session = ssh_new();
    if (!session || ssh_bind_accept_fd(static_cast<ssh_bind>(m_bind), session, fd) != SSH_OK) {
        forgetConnection(fd);
        if (session)
            ssh_free(session); // closes fd
        else
            ::close(fd);
        return;
    }
    SshProxyConnection(session, m_settings, *m_remote, m_ui, m_stopping).serve();
    forgetConnection(fd);
    ssh_disconnect(session);
    ssh_free(session);
}

void SshProxyAdapter::shutdown()
{
    if (m_stopping.exchange(true))
        return;
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
    m_listenFd = -1;
    {
        // Wakes connection threads blocked reading their socket (an idle ControlMaster).
        std::lock_guard lock(m_connectionsMutex);
        for (int fd : m_connectionFds)
            ::shutdown(fd, SHUT_RDWR);
    }
    for (std::thread &t : m_connectionThreads)
        if (t.joinable())
            t.join();
    m_connectionThreads.clear();
    m_connectionFds.clear();
    if (m_bind)
        ssh_bind_free(static_cast<ssh_bind>(m_bind));
    m_bind = nullptr;
}

} // namespace kiln::components
