// Go-to-definition across the files of a directory template, as a user does it in the
// designer: F12 (or Ctrl+click) on a reference in build.pkr.hcl switches the text view
// to the file that declares it (variables.pkr.hcl, sources.pkr.hcl) with the declaring
// name selected, and Alt+Left goes back to where the jump started.
#include "app/models/completion/SymbolNavigator.h"
#include "app/models/document/TemplateDocument.h"
#include "app/ui/MainWindow.h"
#include "app/ui/editor/TemplateTextEditor.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QTabBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace kiln;
using ui::TemplateTextEditor;

namespace {

const char *const variablesFile = R"(variable "image" {
  type    = string
  default = "debian:12"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  tag = "kiln-${var.region}"
}
)";

const char *const sourcesFile = R"(source "docker" "base" {
  image  = var.image
  commit = true
}

data "null" "stamp" {
  input = local.tag
}
)";

const char *const buildFile = R"(build {
  sources = ["source.docker.base"]

  source "docker.base" {
    name = "again"
  }

  provisioner "shell" {
    inline = ["echo ${var.region} ${local.tag}", "echo ${data.null.stamp.output}"]
  }

  provisioner "shell" {
    inline = [<<-EOF
      echo ${var.image}
    EOF
    ]
  }
}
)";

} // namespace

class TestGoToDefinition : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ui::MainWindow> m_window;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    TemplateTextEditor *editor() const { return m_window->textEditor(); }

    // Shows build.pkr.hcl and puts the cursor inside `needle` (`into` characters in).
    qsizetype cursorIn(const QString &needle, int into)
    {
        models::TemplateDocument *doc = m_window->document();
        doc->setActiveFile(path("build.pkr.hcl"));
        const qsizetype at = editor()->text().indexOf(needle);
        if (at < 0)
            return -1;
        editor()->jumpTo(at + into, at + into);
        return at + into;
    }

    void expectSelection(const char *file, const QString &text)
    {
        QCOMPARE(m_window->document()->activeFile(), path(file));
        QCOMPARE(editor()->fileName(), path(file));
        QCOMPARE(editor()->selectedText(), text);
        QCOMPARE(editor()->text(), m_window->document()->text(path(file)));
    }

private slots:
    void initTestCase()
    {
        for (const auto &[name, text] :
            {std::pair{"variables.pkr.hcl", variablesFile},
                std::pair{"sources.pkr.hcl", sourcesFile}, std::pair{"build.pkr.hcl", buildFile}}) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
    }

    void init()
    {
        m_window = std::make_unique<ui::MainWindow>();
        m_window->resize(1400, 900);
        QVERIFY(m_window->openPath(m_dir.path(), true));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->document()->files().size(), 3);
    }

    void cleanup() { m_window.reset(); }

    void jumpsAcrossFiles_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<int>("into");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("declaration");
        QTest::newRow("var in ${} of a string") << "var.region}" << 5 << "variables.pkr.hcl"
                                                << "region";
        QTest::newRow("local in ${}") << "local.tag}" << 7 << "variables.pkr.hcl"
                                      << "tag";
        QTest::newRow("var in a heredoc") << "var.image}" << 2 << "variables.pkr.hcl"
                                          << "image";
        QTest::newRow("source in sources list") << "source.docker.base\"]" << 9 << "sources.pkr.hcl"
                                                << "base";
        QTest::newRow("source use block") << "docker.base\" {" << 3 << "sources.pkr.hcl"
                                          << "base";
        QTest::newRow("data reference") << "data.null.stamp" << 11 << "sources.pkr.hcl"
                                        << "stamp";
    }

    void jumpsAcrossFiles()
    {
        QFETCH(QString, needle);
        QFETCH(int, into);
        QFETCH(QString, file);
        QFETCH(QString, declaration);
        const qsizetype from = cursorIn(needle, into);
        QVERIFY(from >= 0);
        QVERIFY(!editor()->canGoBack());
        QTest::keyClick(editor(), Qt::Key_F12);
        expectSelection(file.toUtf8().constData(), declaration);
        // The file tab follows the text view.
        auto *tabs = m_window->findChild<QTabBar *>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), file);
        QVERIFY(editor()->canGoBack());
        // Alt+Left returns to the reference in build.pkr.hcl.
        QTest::keyClick(editor(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(m_window->document()->activeFile(), path("build.pkr.hcl"));
        QCOMPARE(editor()->cursorOffset(), from);
        QVERIFY(!editor()->canGoBack());
    }

    void chainOfJumpsAndBack()
    {
        // build.pkr.hcl -> sources.pkr.hcl (source) -> variables.pkr.hcl (var.image) and back
        // twice.
        const qsizetype from = cursorIn(QStringLiteral("source.docker.base\"]"), 9);
        QVERIFY(editor()->goToDefinition(from));
        expectSelection("sources.pkr.hcl", QStringLiteral("base"));
        const qsizetype imageRef = editor()->text().indexOf(QStringLiteral("var.image")) + 6;
        editor()->jumpTo(imageRef, imageRef);
        QVERIFY(editor()->goToDefinition(imageRef));
        expectSelection("variables.pkr.hcl", QStringLiteral("image"));
        // A reference declared in the same file stays in it.
        const qsizetype regionRef = editor()->text().indexOf(QStringLiteral("var.region")) + 5;
        editor()->jumpTo(regionRef, regionRef);
        QVERIFY(editor()->goToDefinition(regionRef));
        expectSelection("variables.pkr.hcl", QStringLiteral("region"));
        QVERIFY(editor()->goBack());
        QCOMPARE(editor()->cursorOffset(), regionRef);
        QVERIFY(editor()->goBack());
        QCOMPARE(m_window->document()->activeFile(), path("sources.pkr.hcl"));
        QCOMPARE(editor()->cursorOffset(), imageRef);
        QVERIFY(editor()->goBack());
        QCOMPARE(m_window->document()->activeFile(), path("build.pkr.hcl"));
        QCOMPARE(editor()->cursorOffset(), from);
        QVERIFY(!editor()->goBack());
    }

    void contextMenuNavigates()
    {
        const qsizetype from = cursorIn(QStringLiteral("var.image}"), 2);
        QVERIFY(from >= 0);
        auto menuAt = [this](qsizetype offset) -> QMenu * {
            const QPoint p(int(editor()->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0,
                               editor()->positionFromOffset(offset))),
                int(editor()->SendScintilla(
                    QsciScintilla::SCI_POINTYFROMPOSITION, 0, editor()->positionFromOffset(offset)))
                    + 2);
            QContextMenuEvent event(
                QContextMenuEvent::Mouse, p, editor()->viewport()->mapToGlobal(p));
            QApplication::sendEvent(editor()->viewport(), &event);
            return qobject_cast<QMenu *>(QApplication::activePopupWidget());
        };
        auto actionOf = [](QMenu *menu, const QString &text) -> QAction * {
            for (QAction *a : menu->actions())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        QMenu *menu = menuAt(from);
        QVERIFY(menu);
        QAction *definition = actionOf(menu, QStringLiteral("Go to Definition"));
        QAction *back = actionOf(menu, QStringLiteral("Go Back"));
        QVERIFY(definition && back);
        QVERIFY(definition->isEnabled());
        QVERIFY(!back->isEnabled());
        definition->trigger();
        menu->close();
        expectSelection("variables.pkr.hcl", QStringLiteral("image"));
        // On the declaration itself there is nothing to go to; back is offered.
        menu = menuAt(editor()->text().indexOf(QStringLiteral("type")) + 1);
        QVERIFY(menu);
        QVERIFY(!actionOf(menu, QStringLiteral("Go to Definition"))->isEnabled());
        back = actionOf(menu, QStringLiteral("Go Back"));
        QVERIFY(back->isEnabled());
        back->trigger();
        menu->close();
        QCOMPARE(m_window->document()->activeFile(), path("build.pkr.hcl"));
        QCOMPARE(editor()->cursorOffset(), from);
    }

    void unknownReferenceStays()
    {
        m_window->document()->setActiveFile(path("build.pkr.hcl"));
        const qsizetype at = editor()->text().indexOf(QStringLiteral("inline")) + 2;
        QVERIFY(!editor()->goToDefinition(at));
        QCOMPARE(m_window->document()->activeFile(), path("build.pkr.hcl"));
        QVERIFY(!editor()->canGoBack());
    }

    void navigatorPrefersTheCurrentFile()
    {
        // A name declared in two files (an error Packer reports) resolves to the current one.
        const QStringList texts{QStringLiteral("variable \"x\" {}\nlocals { y = var.x }\n"),
            QStringLiteral("variable \"x\" {}\n")};
        const auto local = models::SymbolNavigator::definitionIn(texts, 0, 30);
        QVERIFY(local);
        QCOMPARE(local->text, 0);
        const auto other = models::SymbolNavigator::definitionIn(
            {QStringLiteral("locals { y = var.x }\n"), texts.at(1)}, 0, 14);
        QVERIFY(other);
        QCOMPARE(other->text, 1);
        QCOMPARE(other->span.start, 10);
        QCOMPARE(other->span.end, 11);
    }
};

QTEST_MAIN(TestGoToDefinition)
#include "tst_gotodefinition.moc"
