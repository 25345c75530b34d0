#pragma once

#include "app/models/build/ConsoleLine.h"
#include "engine/output/CommandUi.h"

#include <QList>
#include <QMutex>

namespace kiln::models {

// The command's own UI for a run in the designer: what `kiln build` prints plainly (the
// end-of-run summary) becomes console lines of the "All" view instead.
class SummaryCollector : public output::CommandUi
{
public:
    void say(const QString &text) override;
    void error(const QString &text) override;
    void machine(const QString &target, const QString &type, const QStringList &args) override;

    QList<ConsoleLine> take();

private:
    QMutex m_mutex;
    QList<ConsoleLine> m_lines;
};

} // namespace kiln::models
