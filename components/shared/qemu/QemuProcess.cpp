#include "components/shared/qemu/QemuProcess.h"

#include "engine/communicator/ProcessGroup.h"

#include <QElapsedTimer>

namespace kiln::components {

QemuProcess::~QemuProcess()
{
    stop();
}

QString QemuProcess::start(const QStringList &argv, int settleMs)
{
    stop();
    m_kill = build::CancelToken::create();
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
        m_stderr.clear();
    }
    comm::ProcessGroup::Options options;
    options.argv = argv;
    options.killGraceMs = 3000;
    options.drainMs = 200;
    options.onStderr = [this](const QByteArray &chunk) {
        std::lock_guard lock(m_mutex);
        if (m_stderr.size() < 64 * 1024)
            m_stderr += chunk;
    };
    build::CancelTokenPtr kill = m_kill;
    m_watcher = std::thread([this, options, kill] {
        const comm::CommandResult r = comm::ProcessGroup::run(options, kill);
        std::lock_guard lock(m_mutex);
        if (!r.error.isEmpty() && r.error != QLatin1String("cancelled"))
            m_stderr += r.error.toUtf8();
        m_running = false;
    });
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < settleMs) {
        if (!isRunning()) {
            const QString err = QString::fromUtf8(stderrOutput()).trimmed();
            stop();
            return err.isEmpty() ? QStringLiteral("Qemu failed to start. Please run with PACKER_LOG=1 to get more info.")
                                 : err;
        }
        build::CancelToken::create()->sleepFor(50);
    }
    return {};
}

bool QemuProcess::isRunning() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

bool QemuProcess::waitForExit(qint64 ms, const build::CancelTokenPtr &cancel)
{
    QElapsedTimer timer;
    timer.start();
    while (isRunning()) {
        if (timer.elapsed() >= ms)
            return false;
        if (cancel ? !cancel->sleepFor(100) : !build::CancelToken::create()->sleepFor(100))
            return false;
    }
    return true;
}

void QemuProcess::stop()
{
    if (m_kill)
        m_kill->cancel(QStringLiteral("stopped"));
    if (m_watcher.joinable())
        m_watcher.join();
}

QByteArray QemuProcess::stderrOutput() const
{
    std::lock_guard lock(m_mutex);
    return m_stderr;
}

} // namespace kiln::components
