// TemplateDocument: one undo stack over the text, typing merges, graph edits and
// typing undo together, reparse keeps the last valid structure, save/revert.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/TemplateDocument.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln::models;

namespace {

const char *const Template = R"(source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-local" {
    inline = ["echo hi"]
  }
}
)";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text.toUtf8());
    return path;
}

} // namespace

class TestTemplateDocument : public QObject
{
    Q_OBJECT

private slots:
    void openParsesAndBuildsSnapshot()
    {
        QTemporaryDir dir;
        const QString path
            = writeFile(dir, QStringLiteral("t.pkr.hcl"), QString::fromUtf8(Template));
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(path));
        QCOMPARE(doc.files(), QStringList{path});
        QCOMPARE(doc.syntax(), TemplateSyntax::Hcl2Native);
        QVERIFY(!doc.isModified());
        QVERIFY(doc.isStructureCurrent());
        QCOMPARE(doc.snapshot().builds.size(), 1);
        QCOMPARE(doc.snapshot().builds.first().provisioners.size(), 1);
        QCOMPARE(doc.snapshot().sources.first().id, QStringLiteral("source.null.a"));
        QVERIFY(doc.diagnostics().isEmpty());
    }

    void graphEditUndoRedo()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument(QStringLiteral("abc def"));
        QSignalSpy edited(&doc, &TemplateDocument::textEdited);
        doc.applyEdits(doc.activeFile(),
            {{4, 7, QStringLiteral("xyz")}, {0, 0, QStringLiteral(">")}}, QStringLiteral("Edit"));
        QCOMPARE(doc.text(), QStringLiteral(">abc xyz"));
        QCOMPARE(edited.size(), 2);
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QStringLiteral("abc def"));
        QVERIFY(!doc.isModified());
        doc.undoStack()->redo();
        QCOMPARE(doc.text(), QStringLiteral(">abc xyz"));
        QCOMPARE(doc.undoStack()->count(), 1);
    }

    void typingMergesAndDoesNotEcho()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument(QStringLiteral("x"));
        QSignalSpy edited(&doc, &TemplateDocument::textEdited);
        const QString f = doc.activeFile();
        doc.applyUserEdit(f, 1, 1, QStringLiteral("a"));
        doc.applyUserEdit(f, 2, 2, QStringLiteral("b"));
        doc.applyUserEdit(f, 3, 3, QStringLiteral("c"));
        doc.applyUserEdit(f, 3, 4, QString()); // backspace over the c
        QCOMPARE(doc.text(), QStringLiteral("xab"));
        QCOMPARE(edited.size(), 0); // the text view already shows it
        QCOMPARE(doc.undoStack()->count(), 1);
        // A new line starts a new step.
        doc.applyUserEdit(f, 3, 3, QStringLiteral("\n"));
        QCOMPARE(doc.undoStack()->count(), 2);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QStringLiteral("x"));
        QCOMPARE(edited.size(), 2); // undo is mirrored to the view
    }

    void graphAndTypingUndoTogether()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument(QStringLiteral("one"));
        const QString f = doc.activeFile();
        doc.applyUserEdit(f, 3, 3, QStringLiteral(" two"));
        doc.applyEdits(f, {{0, 0, QStringLiteral("zero ")}}, QStringLiteral("Graph"));
        doc.applyUserEdit(f, 13, 13, QStringLiteral("!"));
        QCOMPARE(doc.text(), QStringLiteral("zero one two!"));
        // The graph edit breaks the typing run: three steps, undone newest first.
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QStringLiteral("zero one two"));
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QStringLiteral("one two"));
        doc.undoStack()->undo();
        QCOMPARE(doc.text(), QStringLiteral("one"));
    }

    void invalidTextKeepsLastValidSnapshot()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument(QString::fromUtf8(Template));
        QVERIFY(doc.isStructureCurrent());
        QCOMPARE(doc.snapshot().builds.size(), 1);
        const QString f = doc.activeFile();
        const int at = int(doc.text().indexOf(QStringLiteral("build {")));
        doc.applyUserEdit(f, at, at, QStringLiteral("build {{{ "));
        doc.reparseNow();
        QVERIFY(!doc.isStructureCurrent());
        QVERIFY(doc.diagnostics().hasErrors());
        QCOMPARE(doc.snapshot().builds.size(), 1); // still the old pipeline
        QCOMPARE(doc.snapshot().builds.first().provisioners.size(), 1);
        doc.undoStack()->undo();
        doc.reparseNow();
        QVERIFY(doc.isStructureCurrent());
        QVERIFY(doc.diagnostics().isEmpty());
    }

    void debouncedReparseOnWorker()
    {
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.setReparseDelay(20);
        doc.newDocument(QString::fromUtf8(Template));
        QSignalSpy changed(&doc, &TemplateDocument::snapshotChanged);
        const QString f = doc.activeFile();
        const int at = int(doc.text().indexOf(QStringLiteral("  provisioner")));
        doc.applyEdits(f,
            {{at, at,
                QStringLiteral(
                    "  provisioner \"shell-local\" {\n    inline = [\"echo 0\"]\n  }\n\n")}},
            QStringLiteral("Add"));
        QVERIFY(doc.isParsePending());
        QVERIFY(changed.wait(5000));
        QCOMPARE(doc.snapshot().builds.first().provisioners.size(), 2);
    }

    void saveRevertAndModification()
    {
        QTemporaryDir dir;
        const QString path
            = writeFile(dir, QStringLiteral("t.pkr.hcl"), QString::fromUtf8(Template));
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(path));
        QSignalSpy modified(&doc, &TemplateDocument::modificationChanged);
        doc.applyEdits(path, {{0, 0, QStringLiteral("# note\n")}}, QStringLiteral("Comment"));
        QVERIFY(doc.isModified());
        QCOMPARE(modified.size(), 1);
        QVERIFY(doc.save());
        QVERIFY(!doc.isModified());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("# note\nsource"));
        doc.applyEdits(path, {{0, 7, QString()}}, QStringLiteral("Uncomment"));
        QVERIFY(doc.revert());
        QVERIFY(doc.text().startsWith(QStringLiteral("# note\n")));
        QVERIFY(!doc.isModified());

        const QString other = dir.filePath(QStringLiteral("copy.pkr.hcl"));
        doc.applyEdits(path, {{0, 0, QStringLiteral("# again\n")}}, QStringLiteral("Comment"));
        QVERIFY(doc.saveAs(other));
        QCOMPARE(doc.path(), other);
        QVERIFY(QFile::exists(other));
        doc.undoStack()->undo(); // the history follows the file
        QVERIFY(doc.text().startsWith(QStringLiteral("# note\n")));
        QCOMPARE(doc.sidecarPath(), other + QStringLiteral(".kiln-layout.json"));
    }

    void directoryTemplateEditsTheFileHoldingTheBlock()
    {
        QTemporaryDir dir;
        writeFile(dir, QStringLiteral("sources.pkr.hcl"),
            QStringLiteral("source \"null\" \"a\" {\n  communicator = \"none\"\n}\n"));
        writeFile(dir, QStringLiteral("build.pkr.hcl"),
            QStringLiteral("build {\n  sources = [\"source.null.a\"]\n}\n"));
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(dir.path()));
        QVERIFY(doc.isDirectory());
        QCOMPARE(doc.files().size(), 2);
        const PipelineSnapshot &s = doc.snapshot();
        QCOMPARE(s.sources.size(), 1);
        QCOMPARE(QFileInfo(s.sources.first().file).fileName(), QStringLiteral("sources.pkr.hcl"));
        QCOMPARE(QFileInfo(s.builds.first().file).fileName(), QStringLiteral("build.pkr.hcl"));
        QVERIFY(s.sources.first().connected);
        // Unsaved text in one file of the directory is what the parse sees.
        const QString build = s.builds.first().file;
        doc.applyEdits(build,
            {{0, 0,
                QStringLiteral(
                    "build {\n  name = \"second\"\n  sources = [\"source.null.a\"]\n}\n\n")}},
            QStringLiteral("Add build"));
        doc.reparseNow();
        QCOMPARE(doc.snapshot().builds.size(), 2);
        QCOMPARE(doc.snapshot().builds.first().name, QStringLiteral("second"));
        QCOMPARE(doc.snapshot().builds.first().file, build); // real path, not the scratch copy
    }

    void utf8Offsets()
    {
        const QString text = QStringLiteral("é→x😀y");
        QCOMPARE(Utf8Offsets::toUtf8(text, 1), 2);
        QCOMPARE(Utf8Offsets::toUtf8(text, 2), 5);
        QCOMPARE(Utf8Offsets::toUtf8(text, 5), 10);
        QCOMPARE(Utf8Offsets::toUtf16(text, 10), 5);
        QCOMPARE(Utf8Offsets::toUtf16(text, 6), 3);
    }
};

QTEST_GUILESS_MAIN(TestTemplateDocument)
#include "tst_templatedocument.moc"
