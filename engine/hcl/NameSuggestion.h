#pragma once

#include <QString>
#include <QStringList>

namespace kiln::hcl {

// Levenshtein distance over Unicode code points (Go compares runes), as the
// agext/levenshtein package hcl and Packer use.
int levenshteinDistance(const QString &a, const QString &b);

// The first of `candidates`, in the given order, within edit distance 2 of
// `given`, or empty: how HCL and Packer pick a "Did you mean ...?" hint. An
// earlier candidate wins over a closer later one, exactly as they do.
QString nameSuggestion(const QString &given, const QStringList &candidates);

} // namespace kiln::hcl
