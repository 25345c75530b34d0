#pragma once

#include "app/models/export/ExportPreview.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QsciLexer;
class QsciScintilla;

namespace kiln::ui {

// File ▸ Export…: the template as a CI pipeline (GitHub Actions, GitLab CI) or as a
// template for HashiCorp Packer (HCL2, JSON), previewed live as the target and runner
// change, and saved where the user picks.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `templatePath`: the saved template (file or directory); `kilnBinary` as ExportPreview.
    explicit ExportDialog(
        const QString &templatePath, const QString &kilnBinary = {}, QWidget *parent = nullptr);

    using Target = models::ExportPreview::Target;
    using Runner = models::ExportPreview::Runner;

    void setTarget(Target target);
    void setRunner(Runner runner);
    Target target() const;
    Runner runner() const;

    models::ExportPreview *preview() const { return m_preview; }
    QsciScintilla *editor() const { return m_editor; }
    QString message() const;

    // Where Save proposes to write: .github/workflows/packer.yml or .gitlab-ci.yml at the
    // repository root, or "<template>.pkr.hcl" / ".pkr.json" next to the template.
    QString suggestedPath() const;
    // Writes the previewed text; false with the reason in *error.
    bool saveTo(const QString &path, QString *error) const;

private:
    void refresh();
    void showPreview(bool ok);
    void save();

    QString m_path;
    models::ExportPreview *m_preview;
    QComboBox *m_target;
    QComboBox *m_runner;
    QsciScintilla *m_editor;
    QLabel *m_message;
    QPushButton *m_save;
    QsciLexer *m_lexer = nullptr;
};

} // namespace kiln::ui
