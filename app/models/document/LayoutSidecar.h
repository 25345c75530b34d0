#pragma once

#include <QHash>
#include <QPointF>
#include <QString>

namespace kiln::models {

// Node positions the user chose, kept next to the template in
// "<template>.kiln-layout.json" because HCL has no place for them:
//   {"version": 1, "nodes": {"source.docker.ubuntu": {"x": 12, "y": 40}, ...}}
// Nodes without an entry are auto-laid out.
class LayoutSidecar
{
public:
    // Empty when the file is missing or unreadable (auto layout then).
    static QHash<QString, QPointF> load(const QString &path);
    // Writes atomically; with no positions the file is removed.
    static bool save(const QString &path, const QHash<QString, QPointF> &positions);
};

} // namespace kiln::models
