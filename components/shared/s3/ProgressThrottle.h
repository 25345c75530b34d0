#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace kiln::components {

// Lets a transfer's progress through every 1% or 200 ms, whichever comes first: libcurl and
// the SFTP write loop report after every buffer, which over a fast link is thousands of
// events per second that no console or progress bar needs. The first report and the final
// one (done == total) always pass.
class ProgressThrottle
{
public:
    explicit ProgressThrottle(qint64 intervalMs = 200)
        : m_intervalMs(intervalMs)
    { }

    bool pass(qint64 done, qint64 total)
    {
        if (done == m_last)
            return false;
        const bool step = total > 0 && done - m_last >= total / 100;
        if (m_timer.isValid() && done != total && !step && m_timer.elapsed() < m_intervalMs)
            return false;
        m_timer.start();
        m_last = done;
        return true;
    }

private:
    qint64 m_intervalMs;
    qint64 m_last = -1;
    QElapsedTimer m_timer;
};

} // namespace kiln::components
