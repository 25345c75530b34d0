#pragma once

#include "engine/build/CancelToken.h"

#include <QString>

#include <functional>
#include <thread>

namespace kiln::cli {

// Turns SIGINT and SIGTERM into a cancel of every build while `kiln build` runs (Packer's
// handleTermInterrupt). The first signal cancels and reports "Cancelling build after
// receiving interrupt"; later ones do not cut cleanup short, and say so instead of being
// silently swallowed. Restores the previous handlers when destroyed.
class InterruptHandler
{
public:
    using Report = std::function<void(const QString &message)>;
    InterruptHandler(build::CancelTokenPtr token, Report report);
    ~InterruptHandler();
    InterruptHandler(const InterruptHandler &) = delete;
    InterruptHandler &operator=(const InterruptHandler &) = delete;

private:
    void watch();

    build::CancelTokenPtr m_token;
    Report m_report;
    int m_pipe[2] = { -1, -1 };
    std::thread m_thread;
};

} // namespace kiln::cli
