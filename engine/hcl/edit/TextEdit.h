#pragma once

// The unit of change the designer applies to a template's text. Every edit
// operation (engine/hcl/edit, engine/template/edit) answers with a list of
// these instead of a new document, so an editor widget can apply them in
// place (keeping its markers, folds and undo stack) and nothing outside the
// replaced ranges is ever touched.

#include <QList>
#include <QString>

namespace kiln::hcl::edit {

// Replace [start, end) of `file`'s text with `text`. Offsets are UTF-16 code
// unit indexes into the QString holding the file (what QString::mid takes);
// start == end is an insertion, an empty text a deletion.
struct TextEdit
{
    QString file;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;

    friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

// A half-open range [start, end) of UTF-16 offsets, e.g. for select-in-text.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype end = 0;

    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// Applies edits to `text`. The edits must not overlap; they may come in any
// order (they are applied from the back so earlier offsets stay valid). The
// `file` member is not looked at: pass only the edits meant for this text.
QString applyEdits(QString text, QList<TextEdit> edits);

// The smallest edits that turn `before` into `after`: changed lines are found
// with a line diff, then each changed run is trimmed to the characters that
// really differ. applyEdits(before, diffEdits(f, before, after)) == after.
QList<TextEdit> diffEdits(const QString &file, const QString &before, const QString &after);

} // namespace kiln::hcl::edit
