#pragma once

#include <QString>
#include <QStringList>

namespace kiln::registry {

// Edit distance between two strings counted in Unicode code points, with insertion,
// deletion and substitution each costing 1 (agext/levenshtein's defaults, which Packer uses).
int levenshteinDistance(const QString &a, const QString &b);

// Packer's didyoumean.NameSuggestion: the first candidate, in the given order, whose
// distance to `given` is below 3; empty if none is that close. Order matters: an earlier
// candidate wins over a closer later one, exactly as in Packer.
QString nameSuggestion(const QString &given, const QStringList &candidates);

} // namespace kiln::registry
