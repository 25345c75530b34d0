#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace kiln::comm {

// The local side of a directory transfer: what uploadDir sends, and the rsync trailing-slash
// rule both directions share ("src/" means its contents, "src" the directory itself).
class SshLocalTree
{
public:
    struct Entry
    {
        QString relativePath; // '/'-separated, relative to the source directory
        QString absolutePath;
        bool isDir = false;
        qint64 size = 0;
        int mode = 0644; // permission bits
    };

    // Walks `dir` (symlinks followed), parents before children, skipping `exclude` matches.
    // Returns false with *error when `dir` is not a readable directory.
    static bool scan(const QString &dir, const QStringList &exclude, QList<Entry> *entries,
        qint64 *totalBytes, QString *error);
    // An exclude entry matches the path itself, anything under it, or as a wildcard pattern.
    static bool isExcluded(const QString &relativePath, const QStringList &exclude);
    // Where the tree lands: `targetDir` for "src/", `targetDir/<basename of src>` for "src".
    static QString destinationRoot(const QString &source, const QString &targetDir);
    // Permission bits of a local file or directory as a Unix mode (0755...).
    static int modeOf(const QString &path);
    static void applyMode(const QString &path, int mode);
    // Single-quotes `s` for a POSIX shell (a leading "~/" stays unquoted so it expands).
    static QByteArray shellQuote(const QString &s);
};

} // namespace kiln::comm
