#include "app/models/document/TemplateDocument.h"

#include "app/models/document/TextEditCommand.h"
#include "engine/template/TemplateLoader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace kiln::models {

namespace {

TemplateSyntax syntaxOf(const QString &path)
{
    if (path.endsWith(QLatin1String(".pkr.json")))
        return TemplateSyntax::Hcl2Json;
    if (tmpl::TemplateLoader::kindOf(path) == tmpl::TemplateKind::LegacyJson)
        return TemplateSyntax::LegacyJson;
    return TemplateSyntax::Hcl2Native;
}

bool readText(const QString &path, QString *text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = TemplateDocument::tr("Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *text = QString::fromUtf8(f.readAll());
    return true;
}

QString untitledPath()
{
    return QDir(QDir::tempPath()).filePath(QStringLiteral("untitled.pkr.hcl"));
}

} // namespace

TemplateDocument::TemplateDocument(const registry::Registry *registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &TemplateDocument::startParse);
    connect(&m_watcher, &QFutureWatcher<ParseOutcome>::finished, this, [this] {
        applyOutcome(m_watcher.result());
        if (m_parseAgain) {
            m_parseAgain = false;
            startParse();
        }
    });
    connect(&m_undo, &QUndoStack::cleanChanged, this,
        [this](bool clean) { emit modificationChanged(!clean); });
}

TemplateDocument::~TemplateDocument()
{
    // Destroying the undo stack clears it, which would announce the document as
    // unmodified; a document going away (a crash, a test) is not a save.
    disconnect(&m_undo, nullptr, this, nullptr);
    m_watcher.waitForFinished();
}

void TemplateDocument::clear()
{
    m_undo.clear();
    m_text.clear();
    m_saved.clear();
    m_files.clear();
    m_snapshot = {};
    m_diagnostics.clear();
    m_structureCurrent = true;
}

void TemplateDocument::newDocument(const QString &text, const QString &suggestedFile)
{
    clear();
    m_path.clear();
    m_directory = false;
    m_syntax = TemplateSyntax::Hcl2Native;
    const QString file
        = suggestedFile.isEmpty() ? untitledPath() : QFileInfo(suggestedFile).absoluteFilePath();
    m_files << file;
    m_text.insert(file, text);
    m_saved.insert(file, QString());
    m_active = file;
    emit pathChanged(m_path);
    emit reset();
    emit activeFileChanged(m_active);
    reparseNow();
}

bool TemplateDocument::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (error)
            *error = tr("%1 does not exist").arg(path);
        return false;
    }
    QStringList files;
    if (info.isDir()) {
        const QDir dir(info.absoluteFilePath());
        QStringList names = dir.entryList({QStringLiteral("*.pkr.hcl")}, QDir::Files, QDir::Name);
        names += dir.entryList({QStringLiteral("*.pkr.json")}, QDir::Files, QDir::Name);
        for (const QString &n : names)
            files << dir.filePath(n);
        if (files.isEmpty()) {
            if (error)
                *error = tr("%1 holds no *.pkr.hcl or *.pkr.json file").arg(path);
            return false;
        }
    } else {
        files << info.absoluteFilePath();
    }
    QHash<QString, QString> texts;
    for (const QString &f : files) {
        QString t;
        if (!readText(f, &t, error))
            return false;
        texts.insert(f, t);
    }
    m_watcher.waitForFinished();
    clear();
    m_path = info.absoluteFilePath();
    m_directory = info.isDir();
    m_syntax = m_directory ? TemplateSyntax::Hcl2Native : syntaxOf(m_path);
    m_files = files;
    m_text = texts;
    m_saved = texts;
    m_active = files.first();
    emit pathChanged(m_path);
    emit reset();
    emit activeFileChanged(m_active);
    reparseNow();
    return true;
}

bool TemplateDocument::save(QString *error)
{
    if (isUntitled()) {
        if (error)
            *error = tr("The template has no file name yet; use Save As.");
        return false;
    }
    for (const QString &f : m_files) {
        if (m_text.value(f) == m_saved.value(f) && QFileInfo::exists(f))
            continue;
        // QSaveFile: the old file stays intact until the new one is completely written.
        QSaveFile out(f);
        const QByteArray bytes = m_text.value(f).toUtf8();
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            if (error)
                *error = tr("Cannot write %1: %2").arg(f, out.errorString());
            return false;
        }
        m_saved.insert(f, m_text.value(f));
    }
    m_undo.setClean();
    return true;
}

bool TemplateDocument::saveAs(const QString &path, QString *error)
{
    if (m_directory)
        return save(error);
    const QString target = QFileInfo(path).absoluteFilePath();
    const QString old = m_files.first();
    if (target != old) {
        // The undo history keeps referring to the file under its new name.
        m_text.insert(target, m_text.take(old));
        m_saved.insert(target, QString());
        m_saved.remove(old);
        m_files = {target};
        m_active = target;
        m_path = target;
        for (int i = 0; i < m_undo.count(); ++i)
            const_cast<TextEditCommand *>(static_cast<const TextEditCommand *>(m_undo.command(i)))
                ->renameFile(old, target);
        m_syntax = syntaxOf(target);
        emit pathChanged(m_path);
        emit activeFileChanged(m_active);
    }
    const bool ok = save(error);
    reparseNow();
    return ok;
}

bool TemplateDocument::revert(QString *error)
{
    if (isUntitled()) {
        newDocument();
        return true;
    }
    return open(m_path, error);
}

QString TemplateDocument::displayName() const
{
    if (isUntitled())
        return tr("Untitled");
    return QFileInfo(m_path).fileName();
}

void TemplateDocument::setActiveFile(const QString &file)
{
    if (file == m_active || !m_files.contains(file))
        return;
    m_active = file;
    emit activeFileChanged(file);
}

QString TemplateDocument::text(const QString &file) const
{
    return m_text.value(file.isEmpty() ? m_active : file);
}

void TemplateDocument::applyEdits(
    const QString &file, const QList<TextChange> &changes, const QString &label)
{
    if (changes.isEmpty() || !m_files.contains(file))
        return;
    m_undo.push(new TextEditCommand(this, file, changes, label, TextEditCommand::Graph));
}

void TemplateDocument::applyUserEdit(const QString &file, int start, int end, const QString &text)
{
    if (!m_files.contains(file))
        return;
    m_userEditInProgress = true;
    m_undo.push(new TextEditCommand(
        this, file, {{start, end, text}}, tr("Typing"), TextEditCommand::Typing));
    m_userEditInProgress = false;
}

void TemplateDocument::replaceText(const QString &file, int start, int end, const QString &text)
{
    QString &t = m_text[file];
    t.replace(start, end - start, text);
    if (!m_userEditInProgress)
        emit textEdited(file, start, end, text);
    scheduleReparse();
}

int TemplateDocument::utf16Offset(const QString &file, int byte) const
{
    return Utf8Offsets::toUtf16(m_text.value(file), byte);
}

int TemplateDocument::byteOffset(const QString &file, int utf16) const
{
    return Utf8Offsets::toUtf8(m_text.value(file), utf16);
}

QString TemplateDocument::sidecarPath() const
{
    if (isUntitled())
        return {};
    QString p = m_path;
    while (p.size() > 1 && p.endsWith(QLatin1Char('/')))
        p.chop(1);
    return p + QStringLiteral(".kiln-layout.json");
}

ParseRequest TemplateDocument::parseRequest() const
{
    ParseRequest req;
    req.rootPath = isUntitled() ? m_files.value(0) : m_path;
    req.directory = m_directory;
    req.syntax = m_syntax;
    req.registry = m_registry;
    req.generation = m_generation;
    for (const QString &f : m_files) {
        const QString &t = m_text[f];
        req.files.insert(f, t.toUtf8());
        if (isUntitled() || t != m_saved.value(f))
            req.unsaved.insert(f);
    }
    return req;
}

void TemplateDocument::scheduleReparse()
{
    ++m_generation;
    m_debounce.start();
}

void TemplateDocument::startParse()
{
    if (m_watcher.isRunning()) {
        m_parseAgain = true;
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(&TemplateParser::parse, parseRequest()));
}

void TemplateDocument::reparseNow()
{
    m_debounce.stop();
    m_watcher.waitForFinished();
    m_parseAgain = false;
    ++m_generation;
    applyOutcome(TemplateParser::parse(parseRequest()));
}

void TemplateDocument::applyOutcome(const ParseOutcome &outcome)
{
    // A result for text that has changed since is dropped: the newer parse is queued.
    if (outcome.generation != m_generation)
        return;
    m_lastParseUs = outcome.elapsedUs;
    m_diagnostics = outcome.diagnostics;
    m_structureCurrent = outcome.snapshot.structureValid;
    if (outcome.snapshot.structureValid)
        m_snapshot = outcome.snapshot;
    else
        m_snapshot.assignDiagnostics(m_diagnostics);
    emit diagnosticsChanged();
    emit snapshotChanged();
    emit parsed(outcome.elapsedUs);
}

} // namespace kiln::models
