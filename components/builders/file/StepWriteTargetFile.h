#pragma once

#include "engine/build/Step.h"

#include <QString>

namespace kiln::components {

// The file builder's only real work: writes `target` from `content`, or copies `source`
// into it, creating its parent directories. The file appears atomically (a temporary file
// in the same directory, renamed when complete), so a failed or cancelled copy never
// leaves a truncated target, and it keeps the permissions Packer's os.Create/os.WriteFile
// would give it (an existing target's own; a new one 0666 or, for content, 0600, less the
// umask).
class StepWriteTargetFile : public build::Step
{
public:
    StepWriteTargetFile(QString source, QString content, QString target);

    QString name() const override { return QStringLiteral("StepWriteTargetFile"); }
    build::StepAction run(build::BuildContext &ctx) override;

private:
    build::StepAction copySource(build::BuildContext &ctx);
    build::StepAction writeContent(build::BuildContext &ctx);

    QString m_source;
    QString m_content;
    QString m_target;
};

} // namespace kiln::components
