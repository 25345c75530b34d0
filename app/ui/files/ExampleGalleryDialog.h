#pragma once

#include "app/models/files/ExampleCatalog.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace kiln::ui {

// File ▸ New from Example: the bundled examples with their descriptions and a
// preview of the text; accepting it hands back the chosen example, which the
// window opens as a new unsaved document.
class ExampleGalleryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExampleGalleryDialog(const models::ExampleCatalog &catalog, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // The highlighted example; nullopt when the catalog is empty.
    std::optional<models::Example> selected() const;

private:
    void showCurrent();

    QList<models::Example> m_examples;
    QListWidget *m_list;
    QLabel *m_description;
    QPlainTextEdit *m_preview;
};

} // namespace kiln::ui
