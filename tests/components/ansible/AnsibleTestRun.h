#pragma once

// What the ansible tests share: the provisioners made through their descriptors, run with
// the component test harness against a communicator, and small file helpers.

#include "components/Descriptors.h"
#include "engine/build/Provisioner.h"
#include "engine/communicator/Communicator.h"
#include "support/BuildHarness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <memory>

namespace kiln::test {

inline std::unique_ptr<build::Provisioner> makeProvisioner(bool local)
{
    auto made = local ? components::ansibleLocalProvisionerDescriptor().create()
                      : components::ansibleProvisionerDescriptor().create();
    return std::unique_ptr<build::Provisioner>(dynamic_cast<build::Provisioner *>(made.release()));
}

// Prepares and provisions; "prepare: ..." for prepare errors, else provision's result.
inline QString provisionWith(
    Harness &h, comm::Communicator &comm, const QVariantMap &config, bool local = false)
{
    auto p = makeProvisioner(local);
    const build::PrepareResult prepared = p->prepare(configFrom(config));
    if (!prepared.ok())
        return QStringLiteral("prepare: ") + prepared.errors.join(QStringLiteral(" | "));
    return p->provision(h.ctx, comm);
}

inline QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

inline bool putFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

// Everything said and messaged, one line each, for searching.
inline QString transcript(const RecordingSink &sink)
{
    return (sink.says() + sink.messages() + sink.errors()).join(QLatin1Char('\n'));
}

} // namespace kiln::test
