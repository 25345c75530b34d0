#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace kiln::models {

// Notices when a document's files change on disk behind its back. A change is
// reported only when the file's content differs from what the document knows
// it wrote or read (`knownContent`), so Kiln's own saves never count, and each
// new disk content is reported once. Editors that save by writing a temporary
// file and renaming it over the original drop the path from inotify's watch
// list; the parent directories are watched too so the path is picked up again.
class DiskChangeMonitor : public QObject
{
    Q_OBJECT
public:
    using ContentProvider = std::function<QString(const QString &file)>;

    explicit DiskChangeMonitor(ContentProvider knownContent, QObject *parent = nullptr);

    // The files to watch (absolute paths); an empty list stops watching.
    void setFiles(const QStringList &files);
    QStringList files() const { return m_files; }
    // Notifications are coalesced over this many ms (an editor's save is several events).
    void setDelay(int ms) { m_settle.setInterval(ms); }

    // Reads every file now and reports the ones that changed (also used after the delay).
    void check();

signals:
    // Files whose content on disk now differs from the document's known content.
    void changed(const QStringList &files);

private:
    void rewatch();

    ContentProvider m_knownContent;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QStringList m_files;
    // The disk content last reported per file, so one change is announced once.
    QHash<QString, QString> m_reported;
};

} // namespace kiln::models
