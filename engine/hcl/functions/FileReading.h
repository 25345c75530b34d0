#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace kiln::hcl::functions {

// go-cty-funcs' readFileBytes: expands ~, resolves a relative path against
// baseDir, and reports "no file exists at <path>" / "failed to read <path>".
std::optional<QByteArray> readFileBytes(const QString &baseDir, const QString &path, QString *error);

} // namespace kiln::hcl::functions
