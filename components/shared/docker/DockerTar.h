#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <functional>

namespace kiln::components::docker {

// The tar archives the Engine API's archive endpoints speak, made and read with libarchive
// through files, so uploads and downloads of any size stream instead of sitting in memory.
class DockerTar
{
public:
    // A tar holding one regular file `name` with `size` bytes read from `source`.
    static QString writeFile(
        const QString &tarPath, const QString &name, QIODevice &source, qint64 size, int mode);
    // A tar of the local directory `localDir`: its contents under `prefix` ("" puts them
    // at the top), skipping the relative paths in `exclude`.
    // `extraName`/`extraFile` add one more local file at the top (a Dockerfile kept outside
    // the build context, as the docker CLI adds it); `skip` leaves out more relative paths
    // (.dockerignore).
    static QString writeTree(const QString &tarPath, const QString &localDir, const QString &prefix,
        const QStringList &exclude, const QString &extraName = {}, const QString &extraFile = {},
        const std::function<bool(const QString &relative)> &skip = {});
    // Copies the first entry, which must be a regular file, into `target`.
    static QString extractFirstFile(const QString &tarPath, QIODevice &target);
    // Extracts every entry below the archive's top directory into `localDir`.
    static QString extractTree(
        const QString &tarPath, const QString &localDir, const QStringList &exclude);
};

} // namespace kiln::components::docker
