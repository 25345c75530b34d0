#include "components/postprocessors/manifest/ManifestFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kiln::components {

namespace {

// encoding/json matches keys to fields exactly first, then case-insensitively.
QJsonValue field(const QJsonObject &object, const QString &key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return *exact;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return *it;
    }
    return QJsonValue(QJsonValue::Undefined);
}

bool readString(const QJsonObject &o, const QString &key, QString *out, QString *error)
{
    const QJsonValue v = field(o, key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = QStringLiteral("json: cannot unmarshal into Go struct field .%1 of type string")
                     .arg(key);
        return false;
    }
    *out = v.toString();
    return true;
}

bool readInt(const QJsonObject &o, const QString &key, qint64 *out, QString *error)
{
    const QJsonValue v = field(o, key);
    if (v.isUndefined() || v.isNull())
        return true;
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d))) {
        *error = QStringLiteral("json: cannot unmarshal into Go struct field .%1 of type int64")
                     .arg(key);
        return false;
    }
    *out = qint64(d);
    return true;
}

void indent(QByteArray &out, int depth)
{
    out += '\n';
    out += QByteArray(2 * depth, ' ');
}

void appendKey(QByteArray &out, int depth, const char *key)
{
    indent(out, depth);
    out += '"';
    out += key;
    out += "\": ";
}

} // namespace

void ManifestFile::appendGoString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out += "\\u";
            out += hex[(c >> 12) & 0xf];
            out += hex[(c >> 8) & 0xf];
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
            continue;
        }
        out += QString::fromUcs4(&c, 1).toUtf8();
    }
    out += '"';
}

std::optional<ManifestFile> ManifestFile::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString();
        return std::nullopt;
    }
    ManifestFile file;
    if (doc.isNull())
        return file;
    if (!doc.isObject()) {
        *error = QStringLiteral(
            "json: cannot unmarshal array into Go value of type manifest.ManifestFile");
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!readString(root, QStringLiteral("last_run_uuid"), &file.lastRunUuid, error))
        return std::nullopt;
    const QJsonValue builds = field(root, QStringLiteral("builds"));
    if (builds.isUndefined() || builds.isNull())
        return file;
    if (!builds.isArray()) {
        *error = QStringLiteral("json: cannot unmarshal into Go struct field ManifestFile.builds "
                                "of type []manifest.Artifact");
        return std::nullopt;
    }
    file.builds.emplace();
    for (const QJsonValue &entry : builds.toArray()) {
        Build b;
        const QJsonObject o = entry.toObject();
        if (!readString(o, QStringLiteral("name"), &b.name, error)
            || !readString(o, QStringLiteral("builder_type"), &b.builderType, error)
            || !readInt(o, QStringLiteral("build_time"), &b.buildTime, error)
            || !readString(o, QStringLiteral("artifact_id"), &b.artifactId, error)
            || !readString(o, QStringLiteral("packer_run_uuid"), &b.packerRunUuid, error))
            return std::nullopt;
        const QJsonValue files = field(o, QStringLiteral("files"));
        if (files.isArray()) {
            b.files.emplace();
            for (const QJsonValue &f : files.toArray()) {
                File one;
                if (!readString(f.toObject(), QStringLiteral("name"), &one.name, error)
                    || !readInt(f.toObject(), QStringLiteral("size"), &one.size, error))
                    return std::nullopt;
                b.files->append(one);
            }
        }
        const QJsonValue custom = field(o, QStringLiteral("custom_data"));
        if (custom.isObject()) {
            b.customData.emplace();
            const QJsonObject map = custom.toObject();
            for (auto it = map.constBegin(); it != map.constEnd(); ++it)
                b.customData->insert(it.key(), it.value().toString());
        }
        file.builds->append(b);
    }
    return file;
}

QByteArray ManifestFile::toJson() const
{
    QByteArray out = "{";
    appendKey(out, 1, "builds");
    if (!builds) {
        out += "null";
    } else if (builds->isEmpty()) {
        out += "[]";
    } else {
        out += '[';
        for (qsizetype i = 0; i < builds->size(); ++i) {
            const Build &b = builds->at(i);
            indent(out, 2);
            out += '{';
            appendKey(out, 3, "name");
            appendGoString(out, b.name);
            out += ',';
            appendKey(out, 3, "builder_type");
            appendGoString(out, b.builderType);
            out += ',';
            if (b.buildTime != 0) {
                appendKey(out, 3, "build_time");
                out += QByteArray::number(b.buildTime) + ',';
            }
            appendKey(out, 3, "files");
            if (!b.files) {
                out += "null";
            } else if (b.files->isEmpty()) {
                out += "[]";
            } else {
                out += '[';
                for (qsizetype j = 0; j < b.files->size(); ++j) {
                    indent(out, 4);
                    out += '{';
                    appendKey(out, 5, "name");
                    appendGoString(out, b.files->at(j).name);
                    out += ',';
                    appendKey(out, 5, "size");
                    out += QByteArray::number(b.files->at(j).size);
                    indent(out, 4);
                    out += j + 1 < b.files->size() ? "}," : "}";
                }
                indent(out, 3);
                out += ']';
            }
            out += ',';
            appendKey(out, 3, "artifact_id");
            appendGoString(out, b.artifactId);
            out += ',';
            appendKey(out, 3, "packer_run_uuid");
            appendGoString(out, b.packerRunUuid);
            out += ',';
            appendKey(out, 3, "custom_data");
            if (!b.customData) {
                out += "null";
            } else if (b.customData->isEmpty()) {
                out += "{}";
            } else {
                // Go sorts map keys by their bytes; QMap's QString order is UTF-16 order,
                // which differs only above U+FFFF, so sort explicitly.
                QList<QString> keys = b.customData->keys();
                std::sort(keys.begin(), keys.end(),
                    [](const QString &x, const QString &y) { return x.toUtf8() < y.toUtf8(); });
                out += '{';
                for (qsizetype k = 0; k < keys.size(); ++k) {
                    indent(out, 4);
                    appendGoString(out, keys[k]);
                    out += ": ";
                    appendGoString(out, b.customData->value(keys[k]));
                    if (k + 1 < keys.size())
                        out += ',';
                }
                indent(out, 3);
                out += '}';
            }
            indent(out, 2);
            out += i + 1 < builds->size() ? "}," : "}";
        }
        indent(out, 1);
        out += ']';
    }
    out += ',';
    appendKey(out, 1, "last_run_uuid");
    appendGoString(out, lastRunUuid);
    out += "\n}";
    return out;
}

} // namespace kiln::components
