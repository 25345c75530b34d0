#pragma once

#include "app/models/document/TextChange.h"

#include <QUndoCommand>

namespace kiln::models {

class TemplateDocument;

// One undoable change of the template text: a set of replacements in one file.
// Graph and inspector edits and typing all land here, so a single stack undoes
// both views. Consecutive typed characters merge into one command, as in editors.
class TextEditCommand : public QUndoCommand
{
public:
    enum Origin { Graph, Typing };

    // `changes` are against the text before the command and must not overlap.
    TextEditCommand(TemplateDocument *doc, QString file, QList<TextChange> changes,
        const QString &label, Origin origin);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    // Save As of a single-file template: the history follows the file to its new name.
    void renameFile(const QString &from, const QString &to)
    {
        if (m_file == from)
            m_file = to;
    }

private:
    struct Applied
    {
        int start; // in the text after the earlier replacements of this command
        QString removed;
        QString inserted;
    };
    TemplateDocument *m_doc;
    QString m_file;
    QList<Applied> m_applied; // in application order (descending start)
    Origin m_origin;
};

} // namespace kiln::models
