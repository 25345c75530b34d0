#pragma once

#include "app/models/files/AutosaveStore.h"

#include <QObject>
#include <QTimer>

namespace kiln::models {

class TemplateDocument;

// Periodically writes a document's unsaved text to the AutosaveStore (every
// 30 s by default) and removes it again once the document is saved, reverted
// or closed; after a crash the entry is what recovery offers.
class DocumentAutosaver : public QObject
{
    Q_OBJECT
public:
    DocumentAutosaver(
        TemplateDocument *document, const AutosaveStore &store, QObject *parent = nullptr);
    ~DocumentAutosaver() override;

    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    const AutosaveStore &store() const { return m_store; }
    // The key the current document is autosaved under.
    QString currentKey() const { return m_key; }

    // Writes now if the document has unsaved edits; true if something was written.
    bool autosaveNow();
    // Drops the current document's entry (saved, or closed on purpose).
    void discard();

    // An entry left for the just-opened template whose text differs from the files.
    std::optional<AutosaveEntry> recoverableForCurrent() const;
    // Puts an entry's texts into the document as undoable edits (it becomes modified).
    bool restore(const AutosaveEntry &entry);

private:
    void onDocumentReplaced();

    TemplateDocument *m_doc;
    AutosaveStore m_store;
    QTimer m_timer;
    QString m_key;
};

} // namespace kiln::models
