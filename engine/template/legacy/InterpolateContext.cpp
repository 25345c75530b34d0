#include "engine/template/legacy/InterpolateContext.h"

namespace kiln::tmpl::legacy {

QDateTime InterpolateContext::processStartTime()
{
    // Packer fixes InitTime once per process so that every isotime and
    // timestamp of a run agrees.
    static const QDateTime start = QDateTime::currentDateTimeUtc();
    return start;
}

QString InterpolateContext::env(const QString &name) const
{
    if (getenv)
        return getenv(name);
    return qEnvironmentVariable(name.toLocal8Bit().constData());
}

} // namespace kiln::tmpl::legacy
