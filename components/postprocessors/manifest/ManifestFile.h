#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace kiln::components {

// The manifest post-processor's file (Packer's manifest.ManifestFile), read and written
// exactly as Go's encoding/json does it: MarshalIndent with two spaces, struct key order,
// map keys sorted, `<`, `>` and `&` escaped, nil slices and maps as null, a zero build_time
// left out. Unknown keys of an existing file are dropped, as unmarshalling into the struct
// drops them.
class ManifestFile
{
public:
    struct File
    {
        QString name;
        qint64 size = 0;
    };
    struct Build
    {
        QString name;
        QString builderType;
        qint64 buildTime = 0; // 0: omitted (strip_time)
        std::optional<QList<File>> files; // nullopt: null
        QString artifactId;
        QString packerRunUuid;
        std::optional<QMap<QString, QString>> customData; // nullopt: null
    };

    std::optional<QList<Build>> builds; // nullopt: null (only an empty file has none)
    QString lastRunUuid;

    // Parses an existing manifest; on failure returns nullopt and a message in *error.
    static std::optional<ManifestFile> parse(const QByteArray &json, QString *error);
    QByteArray toJson() const;

    // Go's encoding/json string encoding with HTML escaping.
    static void appendGoString(QByteArray &out, const QString &text);
};

} // namespace kiln::components
