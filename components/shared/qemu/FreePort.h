#pragma once

#include <QString>

namespace kiln::components {

// Finds a TCP port nobody listens on in [min, max] at `address`, as packer-plugin-sdk's
// net.ListenRangeConfig: tries ports from a random start so parallel builds rarely collide.
// The socket is closed again before returning; QEMU binds the port right after.
class FreePort
{
public:
    // Returns the port, or 0 with Packer's reason in *error.
    static int find(const QString &address, int min, int max, QString *error);
};

} // namespace kiln::components
