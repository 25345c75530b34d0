#pragma once

#include "components/shared/qemu/QemuSettings.h"

#include <QStringList>

namespace kiln::components {

// What the qemu command line depends on besides the configuration: values the earlier
// steps found.
struct QemuLaunchState
{
    QString isoPath;
    QStringList diskPaths;
    QString httpIp;
    int httpPort = 0;
    int commHostPort = 0;
    int vncPort = 0; // absolute TCP port (5900 + display); 0: no VNC
    QString qmpSocketPath;
    QString efivarsPath; // the output directory's copy of the OVMF vars
};

// Builds the qemu arguments as Packer's stepRun: its default switches, each replaced by the
// qemuargs rows with the same switch (rows rendered with HTTPIP, HTTPPort, HTTPDir,
// OutputDir, Name and SSHHostPort), and the net device added back when a -device override
// lost it. Packer emits the switches in Go map order (random); Kiln keeps a fixed order.
class QemuCommandLine
{
public:
    // The arguments without the binary; on a qemuargs template error returns {} and sets
    // *error. *messages gets what Packer says while building them.
    static QStringList build(const QemuSettings &config, const QemuLaunchState &state,
        QStringList *messages, QString *error);
};

} // namespace kiln::components
