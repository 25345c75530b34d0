#include "app/models/document/LayoutSidecar.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>

namespace kiln::models {

QHash<QString, QPointF> LayoutSidecar::load(const QString &path)
{
    QHash<QString, QPointF> out;
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return out;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return out;
    const QJsonObject nodes = root.value(QStringLiteral("nodes")).toObject();
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        if (p.contains(QStringLiteral("x")) && p.contains(QStringLiteral("y")))
            out.insert(it.key(),
                QPointF(p.value(QStringLiteral("x")).toDouble(),
                    p.value(QStringLiteral("y")).toDouble()));
    }
    return out;
}

bool LayoutSidecar::save(const QString &path, const QHash<QString, QPointF> &positions)
{
    if (path.isEmpty())
        return false;
    if (positions.isEmpty())
        return !QFile::exists(path) || QFile::remove(path);
    QJsonObject nodes;
    QStringList keys = positions.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &k : keys) {
        const QPointF p = positions.value(k);
        // Whole pixels: the file stays readable and diffs stay small.
        nodes.insert(k,
            QJsonObject{
                {QStringLiteral("x"), qRound(p.x())}, {QStringLiteral("y"), qRound(p.y())}});
    }
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("nodes"), nodes}};
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return f.commit();
}

} // namespace kiln::models
