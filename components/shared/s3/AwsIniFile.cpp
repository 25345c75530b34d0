#include "components/shared/s3/AwsIniFile.h"

#include <QFile>

namespace kiln::components::s3 {

bool AwsIniFile::load(const QString &path)
{
    m_path = path;
    m_sections.clear();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    parse(file.readAll());
    return true;
}

void AwsIniFile::parse(const QByteArray &text)
{
    QString section;
    bool inSection = false;
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).remove(QLatin1Char('\r'));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#'))
            || trimmed.startsWith(QLatin1Char(';')))
            continue;
        if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']'))) {
            section = trimmed.mid(1, trimmed.size() - 2).trimmed();
            m_sections[section];
            inSection = true;
            continue;
        }
        // Nested sub-settings are indented; the AWS CLI ignores them for credentials too.
        if (!inSection || line.front().isSpace())
            continue;
        const qsizetype eq = trimmed.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString key = trimmed.left(eq).trimmed();
        QString value = trimmed.mid(eq + 1).trimmed();
        m_sections[section].insert(key, value);
    }
}

QString AwsIniFile::value(const QString &section, const QString &key) const
{
    return m_sections.value(section).value(key);
}

} // namespace kiln::components::s3
