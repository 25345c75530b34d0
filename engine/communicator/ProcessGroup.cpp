#include "engine/communicator/ProcessGroup.h"

#include "engine/communicator/StdinPump.h"

#include <QElapsedTimer>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace kiln::comm {

namespace {

// Go prints errno texts in lower case ("no such file or directory"); so do we, so that
// messages read as Packer's.
QString errnoText(int err)
{
    QString text = QString::fromLocal8Bit(std::strerror(err));
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return text;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

// A pipe end that landed on 0, 1 or 2 (Kiln started with closed standard streams) would
// collide with the child's dup2 targets: move it above them.
void liftAboveStdio(int &fd)
{
    if (fd >= 0 && fd < 3) {
        const int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
        if (moved >= 0) {
            ::close(fd);
            fd = moved;
        }
    }
}

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

std::vector<QByteArray> buildEnvironment(const ProcessGroup::Options &options)
{
    QMap<QByteArray, QByteArray> env;
    for (char **e = environ; e && *e; ++e) {
        const QByteArray entry(*e);
        const qsizetype eq = entry.indexOf('=');
        if (eq > 0)
            env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    for (auto it = options.setEnv.cbegin(); it != options.setEnv.cend(); ++it)
        env.insert(it.key().toLocal8Bit(), it.value().toLocal8Bit());
    for (const QString &name : options.unsetEnv)
        env.remove(name.toLocal8Bit());
    std::vector<QByteArray> out;
    out.reserve(env.size());
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        out.push_back(it.key() + '=' + it.value());
    return out;
}

// Shared between the running loop and the cancel callback, which may run on another thread
// at any time, even after the loop unregistered it (CancelToken runs callbacks outside its
// lock). `finished` is set before the leader is reaped, so the callback never signals a
// process group whose id could have been reused.
struct KillState
{
    std::mutex mutex;
    pid_t pid = -1;
    int wakeWrite = -1;
    bool finished = false;
};

// Writes to a pipe whose reader may be gone without killing us with SIGPIPE: the signal is
// blocked for this thread during the write and a pending one is consumed.
ssize_t writeNoSigpipe(int fd, const char *data, size_t size)
{
    sigset_t pipeSet, old;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
    const ssize_t n = ::write(fd, data, size);
    const int err = errno;
    if (n < 0 && err == EPIPE) {
        const timespec zero{0, 0};
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = err;
    return n;
}

} // namespace

CommandResult ProcessGroup::run(const Options &options, const build::CancelTokenPtr &cancel)
{
    CommandResult result;
    if (options.argv.isEmpty()) {
        result.error = QStringLiteral("exec: no command");
        return result;
    }
    if (cancel && cancel->isCancelled()) {
        result.error = QStringLiteral("cancelled");
        return result;
    }

    int outPipe[2] = {-1, -1}, errPipe[2] = {-1, -1}, inPipe[2] = {-1, -1}, wake[2] = {-1, -1};
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0
        || ::pipe2(inPipe, O_CLOEXEC) != 0 || ::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        result.error = QStringLiteral("pipe: %1").arg(errnoText(errno));
        for (int *p : {outPipe, errPipe, inPipe, wake}) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
        return result;
    }

    for (int *p : {outPipe, errPipe, inPipe}) {
        liftAboveStdio(p[0]);
        liftAboveStdio(p[1]);
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    const QByteArray cwd = options.workingDirectory.toLocal8Bit();
    if (!cwd.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, cwd.constData());

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // A new group led by the child; default dispositions and an empty mask, whatever the
    // host application ignores or blocks (SIGPIPE, SIGINT while a prompt is open).
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(
        &attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    std::vector<QByteArray> argBytes;
    for (const QString &a : options.argv)
        argBytes.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argBytes)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envBytes = buildEnvironment(options);
    std::vector<char *> envp;
    for (QByteArray &e : envBytes)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const bool search = !options.argv.first().contains(QLatin1Char('/'));
    const int rc = search ? posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data())
                          : posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    closeFd(inPipe[0]);
    closeFd(outPipe[1]);
    closeFd(errPipe[1]);

    if (rc != 0) {
        if (search && rc == ENOENT)
            result.error = QStringLiteral("exec: \"%1\": executable file not found in $PATH")
                               .arg(options.argv.first());
        else if (!cwd.isEmpty() && rc == ENOENT && !QByteArray(argv[0]).isEmpty()
            && ::access(argv[0], F_OK) == 0)
            result.error = QStringLiteral("chdir %1: no such file or directory")
                               .arg(options.workingDirectory);
        else
            result.error
                = QStringLiteral("fork/exec %1: %2").arg(options.argv.first(), errnoText(rc));
        for (int *fd : {&inPipe[1], &outPipe[0], &errPipe[0], &wake[0], &wake[1]})
            closeFd(*fd);
        return result;
    }

    auto state = std::make_shared<KillState>();
    state->pid = pid;
    state->wakeWrite = wake[1];
    bool cancelled = false;
    {
        build::CancelScope scope(cancel, [state] {
            std::lock_guard lock(state->mutex);
            if (state->finished)
                return;
            ::kill(-state->pid, SIGTERM);
            const char byte = 'c';
            [[maybe_unused]] ssize_t n = ::write(state->wakeWrite, &byte, 1);
        });

        setNonBlocking(outPipe[0]);
        setNonBlocking(errPipe[0]);
        setNonBlocking(inPipe[1]);
        int pidFd = int(::syscall(SYS_pidfd_open, pid, 0));

        qsizetype stdinDone = 0;
        // Streamed input is written by a pump thread, so that a source that blocks never
        // stops this loop from reading output; the pump owns the pipe from here on.
        std::unique_ptr<StdinPump> pump;
        if (options.stdinSource) {
            pump = std::make_unique<StdinPump>(inPipe[1], options.stdinData, options.stdinSource);
            inPipe[1] = -1;
        } else if (options.stdinData.isEmpty()) {
            closeFd(inPipe[1]);
        }

        QElapsedTimer killClock; // runs from the cancel
        QElapsedTimer drainClock; // runs from the leader's exit
        bool exited = false;
        bool killed = false;
        qint64 lastDataAt = 0;
        QByteArray buffer(64 * 1024, Qt::Uninitialized);

        while (true) {
            std::vector<pollfd> fds;
            auto add = [&fds](int fd, short events) {
                if (fd >= 0)
                    fds.push_back(pollfd{fd, events, 0});
            };
            add(outPipe[0], POLLIN);
            add(errPipe[0], POLLIN);
            if (!exited) {
                add(inPipe[1], POLLOUT);
                add(wake[0], POLLIN);
                add(pidFd, POLLIN);
            }
            int timeout = pidFd >= 0 ? -1 : 20;
            if (cancelled && !killed)
                timeout = int(qMax<qint64>(0, options.killGraceMs - killClock.elapsed()));
            if (exited) {
                if (outPipe[0] < 0 && errPipe[0] < 0)
                    break;
                // A background child still holds the pipes: read what comes quickly, then stop.
                const qint64 elapsed = drainClock.elapsed();
                if (elapsed >= options.drainMs || elapsed - lastDataAt >= 200)
                    break;
                timeout
                    = int(qMin<qint64>(options.drainMs - elapsed, 200 - (elapsed - lastDataAt)));
            }
            const int ready = ::poll(fds.data(), nfds_t(fds.size()), timeout);
            if (ready < 0 && errno != EINTR)
                break;

            for (const pollfd &p : fds) {
                if (!p.revents)
                    continue;
                if (p.fd == outPipe[0] || p.fd == errPipe[0]) {
                    int &fd = p.fd == outPipe[0] ? outPipe[0] : errPipe[0];
                    const OutputFn &fn = p.fd == outPipe[0] ? options.onStdout : options.onStderr;
                    const ssize_t n = ::read(fd, buffer.data(), size_t(buffer.size()));
                    if (n > 0) {
                        if (fn)
                            fn(QByteArray(buffer.constData(), n));
                        if (exited)
                            lastDataAt = drainClock.elapsed();
                    } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                        closeFd(fd);
                    }
                } else if (p.fd == inPipe[1]) {
                    const qsizetype left = options.stdinData.size() - stdinDone;
                    const ssize_t n
                        = writeNoSigpipe(inPipe[1], options.stdinData.constData() + stdinDone,
                            size_t(qMin<qsizetype>(left, 64 * 1024)));
                    if (n > 0)
                        stdinDone += n;
                    if ((n < 0 && errno != EAGAIN && errno != EINTR)
                        || stdinDone >= options.stdinData.size())
                        closeFd(inPipe[1]);
                } else if (p.fd == wake[0]) {
                    char drain[16];
                    while (::read(wake[0], drain, sizeof drain) > 0) { }
                    if (!cancelled) {
                        cancelled = true;
                        killClock.start();
                    }
                }
            }

            if (cancelled && !killed && killClock.elapsed() >= options.killGraceMs) {
                ::kill(-pid, SIGKILL);
                killed = true;
            }
            if (!exited) {
                siginfo_t info;
                std::memset(&info, 0, sizeof info);
                if (::waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0
                    && info.si_pid == pid) {
                    exited = true;
                    drainClock.start();
                    closeFd(inPipe[1]);
                    if (pump)
                        pump->stop();
                    // The leader is gone but not reaped, so its id still names the group:
                    // after a cancel nothing of the group may survive.
                    if (cancelled)
                        ::kill(-pid, SIGKILL);
                }
            }
        }

        {
            std::lock_guard lock(state->mutex);
            state->finished = true;
            // A cancel that arrived while we were draining still counts.
            char drain[16];
            while (::read(wake[0], drain, sizeof drain) > 0)
                cancelled = true;
            closeFd(state->wakeWrite);
        }
        closeFd(pidFd);
    }

    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    for (int *fd : {&inPipe[1], &outPipe[0], &errPipe[0], &wake[0]})
        closeFd(*fd);

    result.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (cancelled)
        result.error = QStringLiteral("cancelled");
    return result;
}

} // namespace kiln::comm
