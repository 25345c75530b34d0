#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QString>
#include <QStringList>

namespace kiln::components {

// Progress and cancellation for one compress run: counts the input bytes consumed, posts a
// progress event every few MiB (a multi-GiB image would otherwise flood the event sink) and
// tells the copy loops to stop once the build is cancelled.
class CompressProgress
{
public:
    CompressProgress(
        build::BuildUi ui, build::CancelTokenPtr cancel, QString target, const QStringList &inputs);

    // Records `bytes` more input; false once cancelled.
    bool advance(qint64 bytes);
    // Posts the final figure.
    void finish();

    bool cancelled() const { return m_cancel && m_cancel->isCancelled(); }
    QString reason() const { return m_cancel ? m_cancel->reason() : QString(); }

private:
    static constexpr qint64 kStep = 16 * 1024 * 1024;

    build::BuildUi m_ui;
    build::CancelTokenPtr m_cancel;
    QString m_target;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_reported = 0;
};

} // namespace kiln::components
