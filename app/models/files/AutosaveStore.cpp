#include "app/models/files/AutosaveStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>

namespace kiln::models {

namespace {

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("kiln::models::AutosaveStore", "Cannot write %1: %2")
                     .arg(path, f.errorString());
    return false;
}

} // namespace

AutosaveStore::AutosaveStore(const QString &directory)
    : m_directory(directory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/autosave")
            : directory)
{ }

QString AutosaveStore::keyForPath(const QString &templatePath)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(templatePath.toUtf8(), QCryptographicHash::Sha1).toHex());
}

QString AutosaveStore::newUntitledKey()
{
    return QStringLiteral("untitled-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString AutosaveStore::textFile(const QString &key, int index) const
{
    return index == 0 ? QStringLiteral("%1/%2.text").arg(m_directory, key)
                      : QStringLiteral("%1/%2.%3.text").arg(m_directory, key).arg(index);
}

QString AutosaveStore::metaFile(const QString &key) const
{
    return QStringLiteral("%1/%2.json").arg(m_directory, key);
}

bool AutosaveStore::write(const AutosaveEntry &entry, QString *error) const
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QCoreApplication::translate("kiln::models::AutosaveStore", "Cannot create %1")
                         .arg(m_directory);
        return false;
    }
    for (int i = 0; i < entry.files.size(); ++i)
        if (!writeAtomically(textFile(entry.key, i), entry.texts.value(i).toUtf8(), error))
            return false;
    QJsonObject meta;
    meta.insert(QStringLiteral("path"), entry.path);
    meta.insert(QStringLiteral("files"), QJsonArray::fromStringList(entry.files));
    meta.insert(QStringLiteral("savedAt"),
        (entry.savedAt.isValid() ? entry.savedAt : QDateTime::currentDateTimeUtc())
            .toString(Qt::ISODateWithMs));
    meta.insert(QStringLiteral("pid"), entry.pid ? entry.pid : QCoreApplication::applicationPid());
    return writeAtomically(metaFile(entry.key), QJsonDocument(meta).toJson(), error);
}

std::optional<AutosaveEntry> AutosaveStore::read(const QString &key) const
{
    QFile metaIn(metaFile(key));
    if (!metaIn.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject meta = QJsonDocument::fromJson(metaIn.readAll()).object();
    AutosaveEntry e;
    e.key = key;
    e.path = meta.value(QStringLiteral("path")).toString();
    for (const QJsonValue &v : meta.value(QStringLiteral("files")).toArray())
        e.files << v.toString();
    e.savedAt = QDateTime::fromString(
        meta.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    e.pid = meta.value(QStringLiteral("pid")).toInteger();
    if (e.files.isEmpty())
        return std::nullopt;
    for (int i = 0; i < e.files.size(); ++i) {
        QFile in(textFile(key, i));
        if (!in.open(QIODevice::ReadOnly))
            return std::nullopt; // incomplete entry: nothing trustworthy to restore
        e.texts << QString::fromUtf8(in.readAll());
    }
    return e;
}

void AutosaveStore::remove(const QString &key) const
{
    // The meta file first: without it the entry no longer exists for read().
    QFile::remove(metaFile(key));
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({key + QStringLiteral("*.text")}, QDir::Files))
        QFile::remove(dir.filePath(name));
}

QList<AutosaveEntry> AutosaveStore::orphanedUntitled() const
{
    QList<AutosaveEntry> entries;
    const QDir dir(m_directory);
    for (const QString &name :
        dir.entryList({QStringLiteral("untitled-*.json")}, QDir::Files, QDir::Name)) {
        const auto e = read(name.chopped(5));
        // A writer that is still running (another window of this process, another
        // kiln) owns its entry; on systems without /proc every other writer counts as gone.
        const bool alive = e
            && (e->pid == QCoreApplication::applicationPid()
                || QFileInfo::exists(QStringLiteral("/proc/%1").arg(e->pid)));
        if (e && !alive)
            entries << *e;
    }
    std::sort(entries.begin(), entries.end(),
        [](const AutosaveEntry &a, const AutosaveEntry &b) { return a.savedAt > b.savedAt; });
    return entries;
}

} // namespace kiln::models
