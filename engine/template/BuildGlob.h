#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace kiln::tmpl {

// A -only / -except pattern, as gobwas/glob compiled without separators (what
// Packer uses): `*` any run of characters (dots included), `?` one character,
// `[abc]` / `[!a-z]` classes, `{a,b}` alternatives, `\` escapes the next one.
class BuildGlob
{
public:
    // nullopt and *error set for a malformed pattern (unclosed class or group).
    static std::optional<BuildGlob> compile(const QString &pattern, QString *error = nullptr);
    bool match(const QString &name) const;
    const QString &pattern() const { return m_pattern; }

private:
    QString m_pattern;
    QRegularExpression m_re;
};

} // namespace kiln::tmpl
