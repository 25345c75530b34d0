#pragma once

#include <QString>

namespace kiln::components {

class AdapterChannel;
class AdapterRemote;

// Legacy scp (`scp -t` sink, `scp -f` source, what `scp -O` runs) served by the proxy adapter
// as Packer's adapter/scp.go does: the client's files are received into a local temporary
// directory and uploaded through the communicator; a download is fetched through the
// communicator first and then sent.
class ScpProxySession
{
public:
    // Packer's serveSCP: the arguments after "scp " carry -t or -f.
    static bool handles(const QString &arguments);
    // Runs the protocol for `arguments`; an error message (the exec then exits 1), or empty.
    static QString run(const QString &arguments, AdapterChannel &channel, AdapterRemote &remote);

private:
    // Splits "-t -p -- /x" into the option letters and the rest (Packer's scpOptions).
    static QString options(const QString &arguments, QString *rest);
    static QString receive(const QString &target, AdapterChannel &channel, AdapterRemote &remote);
    static QString send(const QString &source, AdapterChannel &channel, AdapterRemote &remote);
};

} // namespace kiln::components
