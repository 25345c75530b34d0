#pragma once

// Small bridges between Qt strings and yaml-cpp's emitter, shared by the CI writers.

#include <QString>
#include <QStringList>
#include <yaml-cpp/yaml.h>

namespace kiln::cli::yaml {

inline std::string str(const QString &s)
{
    return s.toStdString();
}

// Multi-line values (scripts, path lists) as literal blocks, so they read as written.
inline void keyValue(YAML::Emitter &out, const QString &key, const QString &value)
{
    out << YAML::Key << str(key) << YAML::Value;
    if (value.contains(QLatin1Char('\n')))
        out << YAML::Literal;
    out << str(value);
}

inline void keyList(
    YAML::Emitter &out, const QString &key, const QStringList &values, bool flow = false)
{
    out << YAML::Key << str(key) << YAML::Value;
    if (flow)
        out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const QString &v : values)
        out << str(v);
    out << YAML::EndSeq;
}

// The emitted document as UTF-8 with a final newline (yaml-cpp stops at the last value).
inline QByteArray document(const YAML::Emitter &out)
{
    QByteArray text(out.c_str(), qsizetype(out.size()));
    if (!text.endsWith('\n'))
        text += '\n';
    return text;
}

} // namespace kiln::cli::yaml
