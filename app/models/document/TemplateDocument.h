#pragma once

#include "app/models/document/PipelineSnapshot.h"
#include "app/models/document/TemplateParser.h"
#include "app/models/document/TextChange.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUndoStack>

namespace kiln::registry {
class Registry;
}

namespace kiln::models {

// The template being designed. Its text is the single source of truth: the graph,
// the inspector and the text view all edit it through this object, one undo stack
// records every change, and a debounced reparse (on a worker thread) turns the
// text into the PipelineSnapshot the graph draws. While the text does not parse,
// snapshot() keeps the last valid structure and diagnostics() says why.
//
// A directory template is one document of several files; every edit names the
// file it applies to. Threading: GUI thread only (the parse copies the text).
class TemplateDocument : public QObject
{
    Q_OBJECT
public:
    explicit TemplateDocument(const registry::Registry *registry, QObject *parent = nullptr);
    ~TemplateDocument() override;

    // A new, unsaved single-file HCL2 template with `text`. `suggestedFile` names
    // where it would be saved (relative paths in it resolve from there); by default
    // "untitled.pkr.hcl" in the temporary directory.
    void newDocument(const QString &text = {}, const QString &suggestedFile = {});
    // Opens a template file or directory; false with a reason if it cannot be read.
    bool open(const QString &path, QString *error = nullptr);
    bool save(QString *error = nullptr);
    // Saves a single-file template under a new name (directories are saved in place).
    bool saveAs(const QString &path, QString *error = nullptr);
    // Drops unsaved changes and reloads the files from disk.
    bool revert(QString *error = nullptr);

    QString path() const { return m_path; } // empty while untitled
    QString displayName() const;
    bool isDirectory() const { return m_directory; }
    bool isUntitled() const { return m_path.isEmpty(); }
    TemplateSyntax syntax() const { return m_syntax; }
    bool isModified() const { return !m_undo.isClean(); }

    // The template's own files (absolute paths) in load order.
    QStringList files() const { return m_files; }
    // The file the text view shows; the first file after open.
    QString activeFile() const { return m_active; }
    void setActiveFile(const QString &file);
    QString text(const QString &file = {}) const;
    // What the document last read from or wrote to `file` (empty while untitled).
    QString savedText(const QString &file) const { return m_saved.value(file); }

    QUndoStack *undoStack() { return &m_undo; }

    // Graph and inspector edits: one undo step named `label`.
    void applyEdits(const QString &file, const QList<TextChange> &changes, const QString &label);
    // A change the user typed in the text view (which already shows it): recorded
    // on the undo stack, merged with the typing before it, no textEdited echo.
    void applyUserEdit(const QString &file, int start, int end, const QString &text);

    // The last structurally valid snapshot, with the latest diagnostics pinned on it.
    const PipelineSnapshot &snapshot() const { return m_snapshot; }
    const hcl::Diagnostics &diagnostics() const { return m_diagnostics; }
    // Whether the current text parsed (false: the graph shows an older structure).
    bool isStructureCurrent() const { return m_structureCurrent; }
    qint64 lastParseMicros() const { return m_lastParseUs; }

    // Parses now on the calling thread (tests, and before a build or save).
    void reparseNow();
    // Debounce of reparses after edits, 250 ms by default.
    void setReparseDelay(int ms) { m_debounce.setInterval(ms); }
    bool isParsePending() const { return m_debounce.isActive() || m_watcher.isRunning(); }

    // UTF-8 byte offset <-> UTF-16 offset in one file's current text.
    int utf16Offset(const QString &file, int byte) const;
    int byteOffset(const QString &file, int utf16) const;

    // Where node positions chosen by the user are kept: "<template>.kiln-layout.json".
    QString sidecarPath() const;

signals:
    // A change made by this document to `file` (graph edit, undo, redo): the text view mirrors it.
    void textEdited(const QString &file, int start, int end, const QString &text);
    // The whole text of the document changed (open, new, revert).
    void reset();
    void activeFileChanged(const QString &file);
    void snapshotChanged();
    void diagnosticsChanged();
    void modificationChanged(bool modified);
    void pathChanged(const QString &path);
    void parsed(qint64 micros);

private:
    friend class TextEditCommand;
    void replaceText(const QString &file, int start, int end, const QString &text);
    void scheduleReparse();
    void startParse();
    void applyOutcome(const ParseOutcome &outcome);
    ParseRequest parseRequest() const;
    void clear();

    const registry::Registry *m_registry;
    QString m_path;
    bool m_directory = false;
    TemplateSyntax m_syntax = TemplateSyntax::Hcl2Native;
    QStringList m_files;
    QHash<QString, QString> m_text;
    QHash<QString, QString> m_saved;
    QString m_active;
    QUndoStack m_undo;
    // Set while a TextEditCommand is applied because the text view typed it.
    bool m_userEditInProgress = false;

    PipelineSnapshot m_snapshot;
    hcl::Diagnostics m_diagnostics;
    bool m_structureCurrent = true;
    qint64 m_lastParseUs = 0;
    QTimer m_debounce;
    QFutureWatcher<ParseOutcome> m_watcher;
    quint64 m_generation = 0;
    bool m_parseAgain = false;
};

} // namespace kiln::models
