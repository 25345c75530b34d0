#pragma once

#include "engine/hcl/Diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace kiln::hcl {

// Renders diagnostics exactly as Packer prints them (hcl's diagnostic text writer):
//
//   Error: <summary>
//
//     on <file> line <n>:
//     (source code not available)      -- when the file's bytes are unknown
//     <n>: <source line>                -- otherwise, with the subject underlined
//
//   <detail, word-wrapped to width>
//
// `sources` maps filenames to their bytes. width 0 means no wrapping.
class DiagnosticWriter
{
public:
    explicit DiagnosticWriter(QHash<QString, QByteArray> sources, int width = 0, bool color = false);
    void addSource(const QString &filename, const QByteArray &bytes);
    QString render(const Diagnostic &diag) const;
    QString render(const Diagnostics &diags) const;

private:
    QHash<QString, QByteArray> m_sources;
    int m_width;
    bool m_color;
};

} // namespace kiln::hcl
