#pragma once

#include "app/ui/editor/EditorColors.h"
#include "engine/hcl/Diagnostic.h"

#include <QString>

class QsciScintilla;
class QsciStyle;

namespace kiln::ui {

// Shows hcl::Diagnostics in a QScintilla editor: a squiggle indicator under each subject
// range (error and warning each have their own), a marker in the symbol margin and a boxed
// annotation under the line with the summaries and details.
class EditorDiagnostics
{
public:
    // Indicator and marker numbers; public so tests can query them.
    static constexpr int ErrorIndicator = 8;
    static constexpr int WarningIndicator = 9;
    static constexpr int ErrorMarker = 10;
    static constexpr int WarningMarker = 11;
    static constexpr int SymbolMargin = 1;
    // Style numbers of the annotations: fixed, above every lexer's styles, so that each
    // editor reuses them instead of drawing from QsciStyle's process-wide allocator.
    static constexpr int ErrorAnnotationStyle = 250;
    static constexpr int WarningAnnotationStyle = 251;

    explicit EditorDiagnostics(QsciScintilla *editor);
    ~EditorDiagnostics();
    EditorDiagnostics(const EditorDiagnostics &) = delete;
    EditorDiagnostics &operator=(const EditorDiagnostics &) = delete;

    // Replaces what is shown by the diagnostics whose subject is in `fileName`.
    void show(const hcl::Diagnostics &diagnostics, const QString &fileName);
    void clear();
    // Re-applies the current diagnostics (after the text was replaced).
    void refresh() { show(m_diagnostics, m_fileName); }
    void applyColors(const EditorColors &colors);

    // The summary of the diagnostics under a byte position, for hover tooltips.
    QString textAt(int position) const;

private:
    QsciScintilla *m_editor;
    QsciStyle *m_errorStyle;
    QsciStyle *m_warningStyle;
    hcl::Diagnostics m_diagnostics;
    QString m_fileName;
    QList<std::pair<std::pair<int, int>, QString>> m_ranges; // byte range -> tooltip text
};

} // namespace kiln::ui
