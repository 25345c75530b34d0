#pragma once

#include <QHash>
#include <QString>

namespace kiln::components::s3 {

// The INI dialect of the AWS shared credentials and config files (~/.aws/credentials,
// ~/.aws/config): `[section]` headers, `key = value` lines, `#` and `;` comments. Indented
// lines continue a nested setting (`s3 =` followed by `  max_concurrent_requests = 4`);
// they are skipped, as no setting Kiln reads is nested.
class AwsIniFile
{
public:
    // Reads `path`; false when it cannot be read (a missing file is not an error for the
    // credential chain, so callers decide).
    bool load(const QString &path);
    void parse(const QByteArray &text);

    bool hasSection(const QString &section) const { return m_sections.contains(section); }
    // The value of `key` in `section`, empty when either is missing.
    QString value(const QString &section, const QString &key) const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
    QHash<QString, QHash<QString, QString>> m_sections;
};

} // namespace kiln::components::s3
