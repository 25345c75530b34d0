#pragma once

#include <QString>

namespace kiln::models {

// Where one build of a run stands, for its tab icon and the graph overlay.
enum class BuildState { Pending, Running, Succeeded, Failed, Cancelled };

// "pending", "running", "done", "failed", "cancelled": the words of buildStateChanged.
inline QString buildStateName(BuildState s)
{
    switch (s) {
    case BuildState::Pending:
        return QStringLiteral("pending");
    case BuildState::Running:
        return QStringLiteral("running");
    case BuildState::Succeeded:
        return QStringLiteral("done");
    case BuildState::Failed:
        return QStringLiteral("failed");
    case BuildState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace kiln::models
