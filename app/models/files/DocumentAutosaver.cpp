#include "app/models/files/DocumentAutosaver.h"

#include "app/models/document/TemplateDocument.h"

namespace kiln::models {

DocumentAutosaver::DocumentAutosaver(
    TemplateDocument *document, const AutosaveStore &store, QObject *parent)
    : QObject(parent)
    , m_doc(document)
    , m_store(store)
{
    m_timer.setInterval(30000);
    connect(&m_timer, &QTimer::timeout, this, &DocumentAutosaver::autosaveNow);
    m_timer.start();
    // Open/new/revert replace the document only after the user agreed to drop its
    // unsaved edits, so its entry goes with it.
    connect(m_doc, &TemplateDocument::reset, this, &DocumentAutosaver::onDocumentReplaced);
    connect(m_doc, &TemplateDocument::modificationChanged, this, [this](bool modified) {
        if (modified)
            return;
        discard();
        // Save As of an untitled document: from now on it is autosaved under its path.
        if (!m_doc->isUntitled())
            m_key = AutosaveStore::keyForPath(m_doc->path());
    });
    onDocumentReplaced();
}

DocumentAutosaver::~DocumentAutosaver() = default;

void DocumentAutosaver::onDocumentReplaced()
{
    if (!m_key.isEmpty())
        m_store.remove(m_key);
    m_key = m_doc->isUntitled() ? AutosaveStore::newUntitledKey()
                                : AutosaveStore::keyForPath(m_doc->path());
}

bool DocumentAutosaver::autosaveNow()
{
    if (!m_doc->isModified())
        return false;
    // A document saved under a new name (Save As) is autosaved under its path's key.
    if (!m_doc->isUntitled() && m_key != AutosaveStore::keyForPath(m_doc->path())) {
        m_store.remove(m_key);
        m_key = AutosaveStore::keyForPath(m_doc->path());
    }
    AutosaveEntry e;
    e.key = m_key;
    e.path = m_doc->isUntitled() ? QString() : m_doc->path();
    e.files = m_doc->files();
    for (const QString &f : e.files)
        e.texts << m_doc->text(f);
    return m_store.write(e);
}

void DocumentAutosaver::discard()
{
    m_store.remove(m_key);
}

std::optional<AutosaveEntry> DocumentAutosaver::recoverableForCurrent() const
{
    if (m_doc->isUntitled())
        return std::nullopt;
    const auto e = m_store.read(m_key);
    if (!e || e->path != m_doc->path())
        return std::nullopt;
    for (int i = 0; i < e->files.size(); ++i)
        if (m_doc->files().contains(e->files.at(i))
            && m_doc->text(e->files.at(i)) != e->texts.at(i))
            return e;
    return std::nullopt;
}

bool DocumentAutosaver::restore(const AutosaveEntry &entry)
{
    if (entry.path.isEmpty()) {
        // An untitled document: recreated under the name it had, then filled as an edit so
        // it counts as unsaved.
        m_doc->newDocument({}, entry.files.value(0));
    }
    bool any = false;
    for (int i = 0; i < entry.files.size(); ++i) {
        QString file = entry.files.at(i);
        if (entry.path.isEmpty())
            file = m_doc->files().value(0);
        if (!m_doc->files().contains(file) || m_doc->text(file) == entry.texts.at(i))
            continue;
        m_doc->applyEdits(file, {{0, int(m_doc->text(file).size()), entry.texts.at(i)}},
            tr("Restore Autosaved Edits"));
        any = true;
    }
    if (entry.path.isEmpty() && entry.key != m_key)
        m_store.remove(entry.key); // now owned by this document under its own key
    return any;
}

} // namespace kiln::models
