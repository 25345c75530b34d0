// Crash recovery files: the store writes and reads back exact text, and the
// autosaver writes unsaved documents on its timer, clears them on save and
// restores them into a reopened document.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/TemplateDocument.h"
#include "app/models/files/AutosaveStore.h"
#include "app/models/files/DocumentAutosaver.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln::models;

namespace {

const QString templateText
    = QStringLiteral("source \"null\" \"a\" {\n  communicator = \"none\"\n}\n\nbuild {\n  sources "
                     "= [\"source.null.a\"]\n}\n");

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) >= 0;
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private slots:
    void storeRoundTrip()
    {
        QTemporaryDir dir;
        const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));
        AutosaveEntry e;
        e.key = AutosaveStore::keyForPath(QStringLiteral("/x/t"));
        e.path = QStringLiteral("/x/t");
        e.files = {QStringLiteral("/x/t/a.pkr.hcl"), QStringLiteral("/x/t/b.pkr.hcl")};
        e.texts = {QStringLiteral("a = \"é ✓\"\r\n"), QString()};
        QVERIFY(store.write(e));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("autosave/%1.text").arg(e.key))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("autosave/%1.1.text").arg(e.key))));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("autosave/%1.json").arg(e.key))));
        const auto back = store.read(e.key);
        QVERIFY(back);
        QCOMPARE(back->path, e.path);
        QCOMPARE(back->files, e.files);
        QCOMPARE(back->texts, e.texts);
        QCOMPARE(back->pid, QCoreApplication::applicationPid());
        QVERIFY(back->savedAt.isValid());
        store.remove(e.key);
        QVERIFY(!store.read(e.key));
        QVERIFY(QDir(store.directory()).entryList(QDir::Files).isEmpty());
        QCOMPARE(AutosaveStore::keyForPath(QStringLiteral("/x/t")).size(), 40);
    }

    void orphansAreUntitledEntriesOfGoneProcesses()
    {
        QTemporaryDir dir;
        const AutosaveStore store(dir.path());
        AutosaveEntry mine{AutosaveStore::newUntitledKey(), {}, {QStringLiteral("/tmp/u.pkr.hcl")},
            {QStringLiteral("mine")}, QDateTime::currentDateTimeUtc(), 0};
        AutosaveEntry older{AutosaveStore::newUntitledKey(), {}, {QStringLiteral("/tmp/u.pkr.hcl")},
            {QStringLiteral("older")}, QDateTime::currentDateTimeUtc().addSecs(-60), 999999999};
        AutosaveEntry newer = older;
        newer.key = AutosaveStore::newUntitledKey();
        newer.texts = {QStringLiteral("newer")};
        newer.savedAt = QDateTime::currentDateTimeUtc();
        AutosaveEntry titled = older;
        titled.key = AutosaveStore::keyForPath(QStringLiteral("/x.pkr.hcl"));
        titled.path = QStringLiteral("/x.pkr.hcl");
        for (const auto &e : {mine, older, newer, titled})
            QVERIFY(store.write(e));
        const QList<AutosaveEntry> orphans = store.orphanedUntitled();
        QCOMPARE(orphans.size(), 2);
        QCOMPARE(orphans.at(0).texts, QStringList{QStringLiteral("newer")});
        QCOMPARE(orphans.at(1).texts, QStringList{QStringLiteral("older")});
    }

    void autosavesOnTimerAndClearsOnSave()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        QVERIFY(writeFile(path, templateText));
        const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(path));
        DocumentAutosaver saver(&doc, store);
        QCOMPARE(saver.interval(), 30000);
        saver.setInterval(30);
        const QString key = AutosaveStore::keyForPath(path);
        QCOMPARE(saver.currentKey(), key);
        QTest::qWait(100);
        QVERIFY(!store.read(key)); // nothing unsaved, nothing written

        doc.applyUserEdit(path, 0, 0, QStringLiteral("# edited ✓\n"));
        QTRY_VERIFY(store.read(key));
        QCOMPARE(store.read(key)->texts, QStringList{doc.text(path)});
        QCOMPARE(store.read(key)->path, path);

        QVERIFY(doc.save());
        QVERIFY(!store.read(key));
    }

    void recoveryRestoresExactText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pkr.hcl"));
        QVERIFY(writeFile(path, templateText));
        const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));
        QString edited;
        {
            // The session that "crashes": its autosave entry outlives it.
            TemplateDocument doc(&ComponentCatalog::registry());
            QVERIFY(doc.open(path));
            DocumentAutosaver saver(&doc, store);
            doc.applyUserEdit(path, 7, 7, QStringLiteral("\"unsaved\" "));
            doc.applyUserEdit(path, 0, 0, QStringLiteral("# tabs\t and ünïcode\n"));
            edited = doc.text(path);
            QVERIFY(saver.autosaveNow());
        }
        TemplateDocument doc(&ComponentCatalog::registry());
        QVERIFY(doc.open(path));
        DocumentAutosaver saver(&doc, store);
        const auto entry = saver.recoverableForCurrent();
        QVERIFY(entry);
        QVERIFY(saver.restore(*entry));
        QCOMPARE(doc.text(path), edited);
        QVERIFY(doc.isModified());
        doc.undoStack()->undo();
        QCOMPARE(doc.text(path), templateText);
    }

    void saveAsMovesTheEntryToThePath()
    {
        QTemporaryDir dir;
        const AutosaveStore store(dir.filePath(QStringLiteral("autosave")));
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument(templateText);
        DocumentAutosaver saver(&doc, store);
        const QString untitledKey = saver.currentKey();
        QVERIFY(untitledKey.startsWith(QStringLiteral("untitled-")));
        doc.applyUserEdit(doc.activeFile(), 0, 0, QStringLiteral("# a\n"));
        QVERIFY(saver.autosaveNow());
        QVERIFY(store.read(untitledKey));

        const QString path = dir.filePath(QStringLiteral("saved.pkr.hcl"));
        QVERIFY(doc.saveAs(path));
        QVERIFY(!store.read(untitledKey));
        doc.applyUserEdit(path, 0, 0, QStringLiteral("# b\n"));
        QVERIFY(saver.autosaveNow());
        QCOMPARE(saver.currentKey(), AutosaveStore::keyForPath(path));
        QCOMPARE(store.read(saver.currentKey())->texts, QStringList{doc.text(path)});
        QVERIFY(QDir(store.directory()).entryList({QStringLiteral("untitled-*")}).isEmpty());
    }

    void untitledRecovery()
    {
        QTemporaryDir dir;
        const AutosaveStore store(dir.path());
        const AutosaveEntry orphan{AutosaveStore::newUntitledKey(), {},
            {QStringLiteral("/tmp/untitled.pkr.hcl")}, {templateText},
            QDateTime::currentDateTimeUtc(), 999999999};
        QVERIFY(store.write(orphan));
        TemplateDocument doc(&ComponentCatalog::registry());
        doc.newDocument();
        DocumentAutosaver saver(&doc, store);
        QVERIFY(!saver.recoverableForCurrent());
        QVERIFY(saver.restore(store.orphanedUntitled().value(0)));
        QVERIFY(doc.isUntitled());
        QCOMPARE(doc.text(), templateText);
        QVERIFY(doc.isModified());
        QVERIFY(!store.read(orphan.key)); // taken over by this document
    }
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
