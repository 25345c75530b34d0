#include "app/ui/editor/HclLexer.h"

#include <QFontDatabase>
#include <Qsci/qsciscintilla.h>

namespace kiln::ui {

HclLexer::HclLexer(QObject *parent)
    : QsciLexerCustom(parent)
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setDefaultFont(mono);
    for (int s = 0; s < int(HclStyle::Count); ++s)
        setFont(mono, s);
    QFont italic = mono;
    italic.setItalic(true);
    setFont(italic, int(HclStyle::Comment));
    QFont bold = mono;
    bold.setBold(true);
    setFont(bold, int(HclStyle::BlockType));
}

QString HclLexer::description(int style) const
{
    switch (HclStyle(style)) {
    case HclStyle::Default:
        return tr("Default");
    case HclStyle::Comment:
        return tr("Comment");
    case HclStyle::BlockType:
        return tr("Block type");
    case HclStyle::Attribute:
        return tr("Argument name");
    case HclStyle::Label:
        return tr("Block label");
    case HclStyle::String:
        return tr("String");
    case HclStyle::Interpolation:
        return tr("Template sequence");
    case HclStyle::Heredoc:
        return tr("Heredoc marker");
    case HclStyle::Number:
        return tr("Number");
    case HclStyle::Keyword:
        return tr("Keyword");
    case HclStyle::Operator:
        return tr("Operator");
    case HclStyle::Function:
        return tr("Function");
    case HclStyle::Reference:
        return tr("Reference");
    case HclStyle::Escape:
        return tr("Escape sequence");
    case HclStyle::Count:
        break;
    }
    return {};
}

const char *HclLexer::blockStart(int *style) const
{
    if (style)
        *style = int(HclStyle::Operator);
    return "{";
}

const char *HclLexer::blockEnd(int *style) const
{
    if (style)
        *style = int(HclStyle::Operator);
    return "}";
}

void HclLexer::applyColors(const EditorColors &colors)
{
    setDefaultPaper(colors.paper);
    setDefaultColor(colors.text);
    setPaper(colors.paper, -1);
    for (int s = 0; s < int(HclStyle::Count); ++s) {
        setColor(colors.style(HclStyle(s)), s);
        setPaper(colors.paper, s);
    }
}

void HclLexer::styleText(int start, int end)
{
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const int firstLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
    const int lastLine = int(ed->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, end));
    const int lineCount = int(ed->SendScintilla(QsciScintilla::SCI_GETLINECOUNT));
    const int docLength = int(ed->SendScintilla(QsciScintilla::SCI_GETLENGTH));

    // States after firstLine depend on text that may have changed: drop them. When
    // Scintilla asks from a line whose start state was never computed (it styled less
    // than we think), resume from the last line that has one.
    if (m_lineStates.isEmpty())
        m_lineStates.append(HclScanState());
    int line = std::min<int>(firstLine, int(m_lineStates.size()) - 1);
    m_lineStates.resize(line + 1);
    HclScanState state = m_lineStates[line];

    QByteArray styles;
    for (; line <= lastLine && line < lineCount; ++line) {
        const int from = int(ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line));
        const int to = line + 1 < lineCount
            ? int(ed->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, line + 1))
            : docLength;
        const auto *ptr = reinterpret_cast<const char *>(
            ed->SendScintilla(QsciScintilla::SCI_GETRANGEPOINTER, from, long(to - from)));
        const QByteArray bytes(ptr, to - from);
        const int depthBefore = state.foldDepth();
        HclHighlighter::styleLine(bytes, state, styles);
        const int depthAfter = state.foldDepth();

        startStyling(from);
        int run = 0;
        for (int i = 1; i <= styles.size(); ++i) {
            if (i == styles.size() || styles[i] != styles[run]) {
                setStyling(i - run, int(styles[run]));
                run = i;
            }
        }
        // A closing line keeps the inner level so that the fold includes its "}".
        int level = QsciScintilla::SC_FOLDLEVELBASE + depthBefore;
        if (depthAfter > depthBefore)
            level |= QsciScintilla::SC_FOLDLEVELHEADERFLAG;
        if (bytes.trimmed().isEmpty())
            level |= QsciScintilla::SC_FOLDLEVELWHITEFLAG;
        ed->SendScintilla(QsciScintilla::SCI_SETFOLDLEVEL, line, level);
        m_lineStates.append(state);
    }
}

} // namespace kiln::ui
