#pragma once

#include <QString>

namespace kiln::build {

// Go's time.Duration.String() for a whole number of milliseconds: "0s", "500ms", "1.5s",
// "1m30s", "2h0m0s". Packer prints durations this way in "Pausing 30s before the next
// provisioner..." and similar messages.
QString goDurationText(qint64 ms);

} // namespace kiln::build
