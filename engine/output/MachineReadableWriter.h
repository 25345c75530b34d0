#pragma once

#include "engine/build/BuildEvent.h"
#include "engine/output/CommandUi.h"
#include "engine/output/OutputStream.h"

#include <QDateTime>
#include <QStringList>
#include <memory>

namespace kiln::build {
class SecretFilter;
}

namespace kiln::output {

// `-machine-readable` output, as Packer 1.6.6 writes it: one line per datum,
//
//   UNIXTIME,TARGET,TYPE,DATA...
//
// In 1.6.6 build output has an empty target and carries the human prefix in its data:
// `1606300000,,ui,say,==> null.a: Running ...`, `...,ui,message,    null.a: hello`,
// `...,ui,error,==> null.a: failed`; the end of a build is `ui,say` "Build 'NAME' finished
// after ..." or `ui,error` "Build 'NAME' errored after ...". The summary adds `error-count`,
// `error`, `artifact-count` and `artifact` lines with the build as target (via CommandUi).
// Nothing is printed at start: 1.6.6 prints version lines only for `packer version`.
//
// In each datum commas become "%!(PACKER_COMMA)", CR "\r" and LF "\n" (backslash escapes),
// after secrets are replaced: Packer 1.6.6 encodes first, so a secret containing a comma
// is never matched and leaks; Kiln scrubs first.
//
// Threading: post() and the CommandUi calls are thread-safe (one write per line).
class MachineReadableWriter : public build::EventSink, public CommandUi
{
public:
    // `timestamps`: -timestamp-ui, which in Packer also prefixes the build UIs' say and error
    // data with "RFC3339: ".
    explicit MachineReadableWriter(OutputStreamPtr out,
        std::shared_ptr<const build::SecretFilter> secrets = {}, bool timestamps = false);

    void post(const build::BuildEvent &event) override;

    void say(const QString &text) override;
    void error(const QString &text) override;
    void machine(const QString &target, const QString &type, const QStringList &args) override;

    // One datum encoded: commas, CR and LF escaped (no scrubbing).
    static QString encode(const QString &datum);
    // A whole line "TIME,TARGET,TYPE,ARGS\n" of already encoded args.
    static QByteArray line(qint64 unixTime, const QString &target, const QString &type,
        const QStringList &encodedArgs);

private:
    void writeLine(const QDateTime &time, const QString &target, const QString &type,
        const QStringList &args, bool scrubArgs);
    QString scrub(const QString &text) const;
    QString stamped(const build::BuildEvent &event, const QString &text) const;

    OutputStreamPtr m_out;
    std::shared_ptr<const build::SecretFilter> m_secrets;
    bool m_timestamps = false;
};

} // namespace kiln::output
