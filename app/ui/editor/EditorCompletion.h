#pragma once

#include "app/models/completion/CompletionEngine.h"

#include <QString>

class QsciScintilla;

namespace kiln::ui {

class TemplateTextEditor;

// Drives completion lists and call tips of the template editor from the models' pure
// completion logic: computes proposals, shows them as a Scintilla user list (with the
// type or signature beside each name and the help of the selected one in a tooltip),
// inserts the accepted one, and shows a function's signature with the current argument
// highlighted while its arguments are typed.
class EditorCompletion
{
public:
    static constexpr int ListId = 1;

    explicit EditorCompletion(TemplateTextEditor *editor);

    void setRegistry(const registry::Registry *registry) { m_engine.setRegistry(registry); }
    void setCompanionTexts(const QStringList &texts) { m_engine.setCompanionTexts(texts); }

    // Shows the proposals for the cursor; false when there are none.
    bool show();
    // The user list's activation (QsciScintilla::userListActivated).
    void accept(int id, const QString &shown);
    // Scintilla's SCN_AUTOCSELECTIONCHANGE: show the help of the highlighted proposal.
    void selectionChanged(const QString &shown);
    // After a character was typed: open the list or the call tip when it is useful.
    void characterAdded(int ch);
    // Shows or updates the call tip for the call around the cursor; false when none.
    bool updateCallTip();

    const models::CompletionResult &lastResult() const { return m_result; }

private:
    void registerKindImages();
    const models::CompletionItem *itemFor(const QString &shown) const;

    TemplateTextEditor *m_editor;
    models::CompletionEngine m_engine;
    models::CompletionResult m_result;
    QStringList m_shown; // list text of each item of m_result
};

} // namespace kiln::ui
