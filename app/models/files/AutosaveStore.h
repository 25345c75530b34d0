#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace kiln::models {

// One autosaved document: the unsaved text of each of its files.
struct AutosaveEntry
{
    QString key;
    QString path; // the template's path; empty for an untitled document
    QStringList files; // absolute paths, as the document names them
    QStringList texts; // parallel to files
    QDateTime savedAt;
    qint64 pid = 0; // the process that wrote it (a live process owns its entry)
};

// Crash recovery files: "<key>.text" (the first file's text; further files of a
// directory template in "<key>.<n>.text") and "<key>.json" (path, file names,
// time, writer). Keys are the SHA-1 of a template's path, or "untitled-<uuid>"
// for a document that was never saved. The meta file is written last, so an
// entry is only listed once its texts are complete.
class AutosaveStore
{
public:
    // By default QStandardPaths::AppDataLocation + "/autosave".
    explicit AutosaveStore(const QString &directory = {});

    QString directory() const { return m_directory; }
    static QString keyForPath(const QString &templatePath);
    static QString newUntitledKey();

    bool write(const AutosaveEntry &entry, QString *error = nullptr) const;
    std::optional<AutosaveEntry> read(const QString &key) const;
    void remove(const QString &key) const;
    // Untitled entries left by other (crashed) processes, newest first.
    QList<AutosaveEntry> orphanedUntitled() const;

private:
    QString textFile(const QString &key, int index) const;
    QString metaFile(const QString &key) const;

    QString m_directory;
};

} // namespace kiln::models
