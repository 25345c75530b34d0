#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QString>
#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace kiln::comm {
class Communicator;
}

namespace kiln::components {

class AdapterKey;
class AdapterRemote;

// Packer's SSH proxy adapter (packer-plugin-sdk/adapter): an SSH server on 127.0.0.1 that
// Ansible logs in to, which does what Ansible asks through the build's communicator, so
// Ansible reaches machines it could not reach itself (a docker container, a guest without
// a routable address).
//
//  - `exec` requests run the command through the communicator, its stdout/stderr streamed
//    back and its exit status returned; `scp -t` / `scp -f` (legacy scp, `scp -O`) are served
//    here as Packer's scp.go does, on top of upload and download.
//    Other commands get the client's stdin streamed in (Ansible's pipelining needs it).
//  - the `sftp` subsystem (what Ansible's sftp and OpenSSH 9's scp speak) runs `sftpCommand`
//    on the machine through the communicator with the channel piped to it, as Packer does,
//    so the machine needs an sftp-server; a failing one is reported naming sftp_command.
//  - logins: public key only, for `user` with the one key given; `pty-req` and `env` are
//    accepted and ignored, as Packer does.
//
// Threading: listen() and start() on the build's worker thread; the adapter then accepts on
// its own thread and serves each connection on a thread of its own. Communicator calls are
// serialised (a Communicator is used by one thread at a time). shutdown() (also run by the
// destructor) closes the listener and every connection and joins the threads.
class SshProxyAdapter
{
public:
    struct Settings
    {
        QString user;
        const AdapterKey *userKey = nullptr; // the only key allowed to log in
        const AdapterKey *hostKey = nullptr;
        // Packer's sftp_command; empty means its default "/usr/lib/sftp-server -e".
        QString sftpCommand;
    };

    SshProxyAdapter(comm::Communicator &comm, build::BuildUi ui, build::CancelTokenPtr cancel);
    ~SshProxyAdapter();
    SshProxyAdapter(const SshProxyAdapter &) = delete;
    SshProxyAdapter &operator=(const SshProxyAdapter &) = delete;

    // Packer's listener: port 0 takes any free port; another port is tried with the next nine
    // after it, each failure said to the Ui. False with Packer's "Error setting up SSH proxy
    // connection" when none could be bound.
    bool listen(int port, QString *error);
    int port() const { return m_port; }
    // Starts serving. The keys must outlive the adapter.
    bool start(const Settings &settings, QString *error);
    void shutdown();

private:
    void acceptLoop();
    void serveConnection(int fd);
    void forgetConnection(int fd);

    Settings m_settings;
    build::BuildUi m_ui;
    build::CancelTokenPtr m_cancel;
    std::unique_ptr<AdapterRemote> m_remote;
    void *m_bind = nullptr; // ssh_bind
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;
    std::mutex m_connectionsMutex;
    std::list<std::thread> m_connectionThreads;
    std::list<int> m_connectionFds;
};

} // namespace kiln::components
