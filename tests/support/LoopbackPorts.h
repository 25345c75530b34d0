#pragma once

namespace kiln::test {

// A TCP port on 127.0.0.1 that nothing listens on right now (bound once, then released).
int freeLoopbackPort();
// Whether something accepts connections on 127.0.0.1:port.
bool portAccepts(int port);

} // namespace kiln::test
