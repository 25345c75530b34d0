#include "app/ui/editor/EditorDiagnostics.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QMap>
#include <Qsci/qsciscintilla.h>
#include <Qsci/qscistyle.h>

namespace kiln::ui {

using hcl::Severity;

EditorDiagnostics::EditorDiagnostics(QsciScintilla *editor)
    : m_editor(editor)
{
    editor->indicatorDefine(QsciScintilla::SquigglePixmapIndicator, ErrorIndicator);
    editor->indicatorDefine(QsciScintilla::SquigglePixmapIndicator, WarningIndicator);
    editor->markerDefine(QsciScintilla::Circle, ErrorMarker);
    editor->markerDefine(QsciScintilla::Circle, WarningMarker);
    editor->setMarginType(SymbolMargin, QsciScintilla::SymbolMargin);
    editor->setMarginWidth(SymbolMargin, 14);
    editor->setMarginMarkerMask(SymbolMargin, (1 << ErrorMarker) | (1 << WarningMarker));
    editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(font.pointSizeF() * 0.95);
    m_errorStyle = new QsciStyle(
        ErrorAnnotationStyle, QStringLiteral("Error annotation"), Qt::black, Qt::white, font);
    m_warningStyle = new QsciStyle(
        WarningAnnotationStyle, QStringLiteral("Warning annotation"), Qt::black, Qt::white, font);
}

EditorDiagnostics::~EditorDiagnostics()
{
    delete m_errorStyle;
    delete m_warningStyle;
}

void EditorDiagnostics::applyColors(const EditorColors &colors)
{
    m_editor->setIndicatorForegroundColor(colors.error, ErrorIndicator);
    m_editor->setIndicatorForegroundColor(colors.warning, WarningIndicator);
    m_editor->setMarkerBackgroundColor(colors.error, ErrorMarker);
    m_editor->setMarkerForegroundColor(colors.error.darker(130), ErrorMarker);
    m_editor->setMarkerBackgroundColor(colors.warning, WarningMarker);
    m_editor->setMarkerForegroundColor(colors.warning.darker(130), WarningMarker);
    m_errorStyle->setColor(colors.text);
    m_errorStyle->setPaper(colors.annotationErrorPaper);
    m_warningStyle->setColor(colors.text);
    m_warningStyle->setPaper(colors.annotationWarningPaper);
    refresh();
}

void EditorDiagnostics::clear()
{
    const int length = int(m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    for (int indicator : {ErrorIndicator, WarningIndicator}) {
        m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0, length);
    }
    m_editor->markerDeleteAll(ErrorMarker);
    m_editor->markerDeleteAll(WarningMarker);
    m_editor->clearAnnotations();
    m_ranges.clear();
}

void EditorDiagnostics::show(const hcl::Diagnostics &diagnostics, const QString &fileName)
{
    clear();
    m_diagnostics = diagnostics;
    m_fileName = fileName;
    const int length = int(m_editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    // Several diagnostics on one line share one annotation; errors win its colour.
    QMap<int, QStringList> notes;
    QMap<int, bool> lineHasError;
    for (const auto &d : diagnostics) {
        if (!d.subject || (!fileName.isEmpty() && d.subject->filename != fileName))
            continue;
        int start = std::clamp(d.subject->start.byte, 0, length);
        int end = std::clamp(d.subject->end.byte, start, length);
        // An empty subject (a missing token) still needs something visible to underline.
        if (end == start) {
            if (end < length && m_editor->SendScintilla(QsciScintilla::SCI_GETCHARAT, end) != '\n')
                end = int(m_editor->SendScintilla(QsciScintilla::SCI_POSITIONAFTER, end));
            else if (start > 0)
                start = int(m_editor->SendScintilla(QsciScintilla::SCI_POSITIONBEFORE, start));
        }
        const bool error = d.severity == Severity::Error;
        m_editor->SendScintilla(
            QsciScintilla::SCI_SETINDICATORCURRENT, error ? ErrorIndicator : WarningIndicator);
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, start, end - start);
        const int line = int(m_editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, start));
        m_editor->markerAdd(line, error ? ErrorMarker : WarningMarker);
        QString note
            = (error ? QCoreApplication::translate("kiln::ui::EditorDiagnostics", "Error: %1")
                     : QCoreApplication::translate("kiln::ui::EditorDiagnostics", "Warning: %1"))
                  .arg(d.summary);
        if (!d.detail.isEmpty())
            note += u'\n' + d.detail;
        notes[line].append(note);
        lineHasError[line] = lineHasError.value(line) || error;
        m_ranges.append({{start, end}, note});
    }
    for (auto it = notes.cbegin(); it != notes.cend(); ++it) {
        const QsciStyle &style = lineHasError.value(it.key()) ? *m_errorStyle : *m_warningStyle;
        m_editor->annotate(it.key(), it.value().join(u'\n'), style);
    }
}

QString EditorDiagnostics::textAt(int position) const
{
    QStringList texts;
    for (const auto &[range, text] : m_ranges) {
        if (position >= range.first && position < range.second)
            texts.append(text);
    }
    return texts.join(QStringLiteral("\n\n"));
}

} // namespace kiln::ui
