#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace kiln::hcl::functions {

// bmatcuk/doublestar (v1) Glob, which fileset uses: `*` and `?` within one path
// segment, `[...]` classes (`^` or `!` negates), `{a,b}` alternatives, `\`
// escapes, and `**` as a whole segment for any number of directories. Dot files
// match like any other. Returns absolute matches (files and directories), or
// nullopt for a malformed pattern ("syntax error in pattern").
std::optional<QStringList> doublestarGlob(const QString &absolutePattern);

} // namespace kiln::hcl::functions
