#pragma once

#include "engine/build/BuildUi.h"
#include "engine/build/CancelToken.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kiln::components {

// Writes a Vagrant box: a tar (GNU format, as Packer's DirToBox) of top-level entries,
// gzipped with the parallel compressor at `level` (-1 default, 1..9; 0 leaves the tar
// uncompressed, as Packer does). Entries are written in name order, as Packer's directory
// walk does, each announced with Packer's "Compressing: NAME". The box appears atomically.
class VagrantBox
{
public:
    struct Entry
    {
        QString name; // the entry's name in the box ("box.img", "Vagrantfile")
        QString source; // a file to copy, or empty to use `data`
        QByteArray data;
    };

    // Returns the error, empty on success (and nothing at `target` on failure).
    static QString write(const QString &target, QList<Entry> entries, int level,
        const build::BuildUi &ui, const build::CancelTokenPtr &cancel);
};

} // namespace kiln::components
