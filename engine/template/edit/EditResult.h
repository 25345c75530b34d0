#pragma once

#include "engine/hcl/edit/TextEdit.h"

#include <QList>
#include <QString>

namespace kiln::tmpl::edit {

// The answer of every PipelineEditor operation: the text edits to apply to
// the file (minimal, non-overlapping, UTF-16 offsets), or why the operation
// is impossible (the text does not parse, the address does not exist, ...).
struct EditResult
{
    QList<hcl::edit::TextEdit> edits;
    QString error;
    // The whole file after the edits (applyEdits(old, edits)), for callers
    // that want the new document rather than the changes.
    QString text;

    bool ok() const { return error.isEmpty(); }

    static EditResult failure(QString message)
    {
        EditResult r;
        r.error = std::move(message);
        return r;
    }
};

} // namespace kiln::tmpl::edit
