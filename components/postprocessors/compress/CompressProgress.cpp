#include "components/postprocessors/compress/CompressProgress.h"

#include <QFileInfo>

namespace kiln::components {

CompressProgress::CompressProgress(
    build::BuildUi ui, build::CancelTokenPtr cancel, QString target, const QStringList &inputs)
    : m_ui(std::move(ui))
    , m_cancel(std::move(cancel))
    , m_target(std::move(target))
{
    for (const QString &input : inputs)
        m_total += QFileInfo(input).size();
}

bool CompressProgress::advance(qint64 bytes)
{
    m_done += bytes;
    if (m_done - m_reported >= kStep) {
        m_reported = m_done;
        m_ui.progress(m_target, m_done, m_total);
    }
    return !cancelled();
}

void CompressProgress::finish()
{
    m_ui.progress(m_target, m_done, m_total);
}

} // namespace kiln::components
