#include "app/models/files/DiskChangeMonitor.h"

#include <QFile>
#include <QFileInfo>

namespace kiln::models {

DiskChangeMonitor::DiskChangeMonitor(ContentProvider knownContent, QObject *parent)
    : QObject(parent)
    , m_knownContent(std::move(knownContent))
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(200);
    connect(&m_settle, &QTimer::timeout, this, &DiskChangeMonitor::check);
    auto settle = [this] { m_settle.start(); };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, settle);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, settle);
}

void DiskChangeMonitor::setFiles(const QStringList &files)
{
    m_settle.stop();
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_files = files;
    m_reported.clear();
    rewatch();
}

void DiskChangeMonitor::rewatch()
{
    const QStringList watchedFiles = m_watcher.files();
    const QStringList watchedDirs = m_watcher.directories();
    QStringList add;
    for (const QString &f : std::as_const(m_files)) {
        const QFileInfo info(f);
        if (info.exists() && !watchedFiles.contains(f) && !add.contains(f))
            add << f;
        const QString dir = info.absolutePath();
        if (QFileInfo(dir).isDir() && !watchedDirs.contains(dir) && !add.contains(dir))
            add << dir;
    }
    if (!add.isEmpty())
        m_watcher.addPaths(add);
}

void DiskChangeMonitor::check()
{
    rewatch();
    QStringList changedFiles;
    for (const QString &f : std::as_const(m_files)) {
        QFile file(f);
        // A file that is gone (or between an editor's delete and rename) is not a
        // change to reload; its reappearance is.
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString disk = QString::fromUtf8(file.readAll());
        if (disk == m_knownContent(f)) {
            m_reported.remove(f);
            continue;
        }
        if (m_reported.value(f) == disk && m_reported.contains(f))
            continue;
        m_reported.insert(f, disk);
        changedFiles << f;
    }
    if (!changedFiles.isEmpty())
        emit changed(changedFiles);
}

} // namespace kiln::models
