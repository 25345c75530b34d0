#pragma once

#include <QString>

#include <optional>

namespace kiln::tmpl {

// Go's time.ParseDuration: "300ms", "-1.5h", "2h45m", units ns us µs ms s m h.
// Returns milliseconds (sub-millisecond parts truncated toward zero); on failure
// nullopt with Go's message in *error, e.g. `time: invalid duration "x"`.
std::optional<qint64> parseGoDuration(const QString &text, QString *error = nullptr);

} // namespace kiln::tmpl
