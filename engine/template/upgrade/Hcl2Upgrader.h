#pragma once

#include "engine/template/legacy/LegacyTemplate.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kiln::tmpl::upgrade {

struct UpgradeOptions
{
    bool withAnnotations = false;
    // Builder types the running Packer knows; others are reported (the file
    // is still written, the exit status becomes 1).
    QSet<QString> knownBuilders;
};

struct UpgradeResult
{
    QByteArray output; // the whole .pkr.hcl file, header included
    QStringList errors; // "Ignoring following ... error: ..." lines for the UI
    int exitCode = 0;
};

// `packer hcl2_upgrade` of Packer v1.9.5: turns a parsed legacy JSON template
// into an HCL2 file. Packer converts JSON bodies without looking at any
// schema and runs each generated block through a Go template to translate
// the legacy template calls; this reproduces that, byte for byte.
class Hcl2Upgrader
{
public:
    static UpgradeResult upgrade(const legacy::LegacyTemplate &tmpl, const QString &rawSource,
        const UpgradeOptions &options);

    // The comment block -with-annotations puts at the very top.
    static QString fileHeader();
    // "5s", "1m30s", "1h0m0s": Go's time.Duration.String for whole ms.
    static QString goDuration(qint64 ms);
};

} // namespace kiln::tmpl::upgrade
