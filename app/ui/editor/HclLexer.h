#pragma once

#include "app/ui/editor/EditorColors.h"
#include "app/ui/editor/HclHighlighter.h"

#include <QList>
#include <Qsci/qscilexercustom.h>

namespace kiln::ui {

// QScintilla lexer for HCL2 native syntax. Styles whole lines with HclHighlighter and
// keeps the scanner state at the start of every styled line, so a restyle (Scintilla asks
// from the first changed line on) resumes with the right state: inside a heredoc, a block
// comment or a multi-line interpolation. Sets fold levels from the nesting depth.
class HclLexer : public QsciLexerCustom
{
    Q_OBJECT
public:
    explicit HclLexer(QObject *parent = nullptr);

    const char *language() const override { return "HCL"; }
    QString description(int style) const override;
    void styleText(int start, int end) override;
    const char *blockStart(int *style = nullptr) const override;
    const char *blockEnd(int *style = nullptr) const override;
    int braceStyle() const override { return int(HclStyle::Operator); }

    // Applies colours for the widget's current palette.
    void applyColors(const EditorColors &colors);

private:
    QList<HclScanState> m_lineStates; // state at the start of line i
};

} // namespace kiln::ui
