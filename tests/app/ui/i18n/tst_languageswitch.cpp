// Settings > Language: the override is stored, the designer comes up in the chosen
// language (Kiln's catalogue from the module's resources, Qt's from its translations
// directory), the system locale picks a shipped language, and no menu in any language
// has two entries with the same mnemonic.
#include "app/models/completion/CompletionEngine.h"
#include "app/ui/MainWindow.h"
#include "app/ui/settings/LanguageMenu.h"
#include "app/ui/settings/LanguageSettings.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

using namespace kiln;
using ui::LanguageSettings;

namespace {

QStringList menuTitles(const QMainWindow &w)
{
    QStringList titles;
    for (const QAction *a : w.menuBar()->actions())
        titles << a->text();
    return titles;
}

QMenu *menuTitled(const QMainWindow &w, const QString &title)
{
    for (QAction *a : w.menuBar()->actions())
        if (a->text() == title)
            return a->menu();
    return nullptr;
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A private settings file: the test must not change the developer's language.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KilnTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
        QSettings().clear();
    }

    void cleanup()
    {
        QSettings().clear();
        LanguageSettings::apply(QStringLiteral("en"));
    }

    void switchingToGermanTranslatesTheMenus()
    {
        LanguageSettings::apply(LanguageSettings::effectiveCode());
        QString german;
        {
            ui::MainWindow english;
            const QStringList titles = menuTitles(english);
            for (const char *t : {"&File", "&Edit", "&View", "&Build", "&Settings"})
                QVERIFY2(titles.contains(QLatin1String(t)), qPrintable(titles.join(u' ')));
            auto *menu = english.findChild<ui::LanguageMenu *>(QStringLiteral("languageMenu"));
            QVERIFY(menu);
            QCOMPARE(menu->title(), QStringLiteral("&Language"));
            QSignalSpy chosen(menu, &ui::LanguageMenu::languageChosen);
            menu->choose(QStringLiteral("de"));
            QCOMPARE(chosen.size(), 1);
        }
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(LanguageSettings::overrideCode(), QStringLiteral("de"));
        QCOMPARE(LanguageSettings::effectiveCode(), QStringLiteral("de"));

        // What the designer does at start.
        QVERIFY(LanguageSettings::apply(LanguageSettings::effectiveCode()));
        QCOMPARE(LanguageSettings::appliedCode(), QStringLiteral("de"));
        ui::MainWindow w;
        const QStringList titles = menuTitles(w);
        QCOMPARE(titles.size(), 5);
        for (const char *t : {"&Datei", "&Bearbeiten", "&Ansicht", "B&uild", "&Einstellungen"})
            QVERIFY2(titles.contains(QString::fromUtf8(t)), qPrintable(titles.join(u' ')));
        QMenu *file = menuTitled(w, QStringLiteral("&Datei"));
        QVERIFY(file);
        QStringList entries;
        for (const QAction *a : file->actions())
            entries << a->text();
        QVERIFY2(entries.contains(QStringLiteral("&Speichern")), qPrintable(entries.join(u' ')));
        auto *language = w.findChild<ui::LanguageMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(language);
        QCOMPARE(language->title(), QStringLiteral("&Sprache"));
        bool deutschChecked = false;
        for (const QAction *a : language->actions())
            if (a->text() == QStringLiteral("Deutsch"))
                deutschChecked = a->isChecked();
        QVERIFY(deutschChecked);

        // Qt's own catalogue: standard dialog buttons speak German too.
        QDialogButtonBox box(QDialogButtonBox::Cancel);
        QVERIFY2(box.button(QDialogButtonBox::Cancel)->text().contains(QStringLiteral("Abbrechen")),
            qPrintable(box.button(QDialogButtonBox::Cancel)->text()));
    }

    void backToTheSystemDefault()
    {
        ui::LanguageMenu menu;
        menu.choose(QStringLiteral("ja"));
        QVERIFY(LanguageSettings::apply(LanguageSettings::effectiveCode()));
        {
            ui::MainWindow w;
            QVERIFY2(menuTitles(w).contains(QStringLiteral("ファイル(&F)")),
                qPrintable(menuTitles(w).join(u' ')));
        }
        menu.choose(QString());
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
        QCOMPARE(LanguageSettings::effectiveCode(), LanguageSettings::systemCode());
        QVERIFY(LanguageSettings::apply(QStringLiteral("en")));
        ui::MainWindow w;
        QVERIFY(menuTitles(w).contains(QStringLiteral("&File")));
    }

    // Picking an entry stores it and says, in the language just picked, when it applies.
    void pickingAnEntryExplainsTheRestart()
    {
        QVERIFY(LanguageSettings::apply(QStringLiteral("en")));
        QWidget window;
        auto *menu = new ui::LanguageMenu(&window);
        QAction *deutsch = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == QStringLiteral("Deutsch"))
                deutsch = a;
        QVERIFY(deutsch);
        QString note;
        QTimer::singleShot(0, this, [&note] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            note = box->text();
            box->accept();
        });
        deutsch->trigger();
        QCOMPARE(note, QStringLiteral("Kiln verwendet die neue Sprache beim nächsten Start."));
        QCOMPARE(LanguageSettings::overrideCode(), QStringLiteral("de"));
        QVERIFY(deutsch->isChecked());
        // The running designer keeps its language until the restart.
        QCOMPARE(LanguageSettings::appliedCode(), QStringLiteral("en"));
    }

    // Help texts of Packer's own blocks are translated where the completion shows them.
    void completionHelpIsTranslated()
    {
        QVERIFY(LanguageSettings::apply(QStringLiteral("de")));
        const models::CompletionEngine engine;
        const models::CompletionResult top = engine.complete(QStringLiteral("b"), 1);
        QCOMPARE(top.labels(), QStringList{QStringLiteral("build")});
        QCOMPARE(top.items.first().documentation,
            QStringLiteral("Was gebaut wird: Sources, Provisioner und Post-Processors."));
        const QString text = QStringLiteral("build {\n  descr\n}\n");
        const models::CompletionResult inBuild
            = engine.complete(text, text.indexOf(QStringLiteral("descr")) + 5);
        QCOMPARE(inBuild.labels(), QStringList{QStringLiteral("description")});
        QCOMPARE(
            inBuild.items.first().documentation, QStringLiteral("Eine Beschreibung des Builds."));
    }

    void unknownOverrideFallsBackToTheSystem()
    {
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("tlh"));
        QCOMPARE(LanguageSettings::overrideCode(), QString());
        QCOMPARE(LanguageSettings::effectiveCode(), LanguageSettings::systemCode());
        QVERIFY(!LanguageSettings::apply(QStringLiteral("tlh")));
        QCOMPARE(LanguageSettings::appliedCode(), QStringLiteral("en"));
    }

    void plurals_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("errors");
        QTest::newRow("en 1") << "en" << 1 << "1 error";
        QTest::newRow("en 2") << "en" << 2 << "2 errors";
        QTest::newRow("de 1") << "de" << 1 << "1 Fehler";
        QTest::newRow("fr 1") << "fr" << 1 << "1 erreur";
        QTest::newRow("fr 3") << "fr" << 3 << "3 erreurs";
        QTest::newRow("es 2") << "es" << 2 << "2 errores";
        QTest::newRow("ja 2") << "ja" << 2 << "エラー 2 件";
        QTest::newRow("zh_CN 2") << "zh_CN" << 2 << "2 个错误";
    }

    void plurals()
    {
        QFETCH(QString, code);
        QFETCH(int, n);
        QFETCH(QString, errors);
        QVERIFY(LanguageSettings::apply(code));
        QCOMPARE(QCoreApplication::translate("kiln::ui::ProblemsView", "%n error(s)", nullptr, n),
            errors);
    }

    void systemLocale_data()
    {
        QTest::addColumn<QStringList>("uiLanguages");
        QTest::addColumn<QString>("code");
        QTest::newRow("swiss german") << QStringList{"de-CH", "en-US"} << "de";
        QTest::newRow("english first") << QStringList{"en-GB", "de-DE"} << "en";
        QTest::newRow("canadian french") << QStringList{"fr-CA"} << "fr";
        QTest::newRow("mexican spanish") << QStringList{"es-MX", "en"} << "es";
        QTest::newRow("japanese") << QStringList{"ja-JP"} << "ja";
        QTest::newRow("simplified chinese") << QStringList{"zh-Hans-CN"} << "zh_CN";
        QTest::newRow("chinese in china") << QStringList{"zh-CN"} << "zh_CN";
        QTest::newRow("traditional chinese skipped") << QStringList{"zh-Hant-TW", "ja-JP"} << "ja";
        QTest::newRow("none shipped") << QStringList{"pt-BR", "nl"} << "en";
        QTest::newRow("empty") << QStringList{} << "en";
    }

    void systemLocale()
    {
        QFETCH(QStringList, uiLanguages);
        QFETCH(QString, code);
        QCOMPARE(LanguageSettings::matchLocale(uiLanguages), code);
    }

    void mnemonicsAreUniqueInEveryMenu_data()
    {
        QTest::addColumn<QString>("code");
        for (const LanguageSettings::Language &l : LanguageSettings::languages())
            QTest::newRow(qPrintable(l.code)) << l.code;
    }

    void mnemonicsAreUniqueInEveryMenu()
    {
        QFETCH(QString, code);
        QVERIFY(LanguageSettings::apply(code));
        ui::MainWindow w;
        auto clashes = [](const QList<QAction *> &actions) {
            QHash<QString, QString> seen;
            QStringList out;
            for (const QAction *a : actions) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                const QKeySequence mnemonic = QKeySequence::mnemonic(a->text());
                if (mnemonic.isEmpty())
                    continue;
                const QString key = mnemonic.toString();
                if (seen.contains(key))
                    out << QStringLiteral("%1 / %2").arg(seen.value(key), a->text());
                seen.insert(key, a->text());
            }
            return out;
        };
        QStringList problems = clashes(w.menuBar()->actions());
        for (const QAction *top : w.menuBar()->actions())
            if (top->menu())
                problems += clashes(top->menu()->actions());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
