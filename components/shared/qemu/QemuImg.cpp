#include "components/shared/qemu/QemuImg.h"

#include "engine/communicator/ProcessGroup.h"

namespace kiln::components {

QString QemuImg::run(const QStringList &args, const build::CancelTokenPtr &cancel, QByteArray *stdoutData)
{
    comm::ProcessGroup::Options options;
    options.argv = QStringList{QStringLiteral("qemu-img")} + args;
    QByteArray out, err;
    options.onStdout = [&out](const QByteArray &chunk) { out += chunk; };
    options.onStderr = [&err](const QByteArray &chunk) { err += chunk; };
    const comm::CommandResult r = comm::ProcessGroup::run(options, cancel);
    if (stdoutData)
        *stdoutData = out;
    if (!r.error.isEmpty())
        return r.error;
    if (r.exitStatus != 0)
        return QStringLiteral("QemuImg error: %1").arg(QString::fromUtf8(err).trimmed());
    return {};
}

} // namespace kiln::components
