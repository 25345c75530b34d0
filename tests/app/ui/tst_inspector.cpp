// The inspector's editors: one per field type, defaults as placeholders, typed
// values round-tripping to HCL literals, and raw mode keeping expressions exactly.
#include "app/models/ComponentCatalog.h"
#include "app/models/document/BlockAttributes.h"
#include "app/ui/FieldEditor.h"
#include "app/ui/InspectorDock.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

using namespace kiln;
using registry::Field;
using registry::FieldType;
using ui::FieldEditor;

Q_DECLARE_METATYPE(Field)

class TestInspector : public QObject
{
    Q_OBJECT

private slots:
    void typedRoundTrip_data()
    {
        QTest::addColumn<Field>("field");
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("typed");
        QTest::addColumn<QString>("display");
        const Field str = Field::string(QStringLiteral("image"));
        QTest::newRow("string") << str << QStringLiteral("\"ubuntu:22.04\"") << true
                                << QStringLiteral("ubuntu:22.04");
        QTest::newRow("escapes") << str << QStringLiteral("\"a \\\"b\\\" \\\\ c\"") << true
                                 << QStringLiteral("a \"b\" \\ c");
        QTest::newRow("literal dollar")
            << str << QStringLiteral("\"cost $${x}\"") << true << QStringLiteral("cost ${x}");
        QTest::newRow("interpolation")
            << str << QStringLiteral("\"${var.x}-y\"") << false << QString();
        QTest::newRow("reference") << str << QStringLiteral("var.image") << false << QString();
        QTest::newRow("number") << Field::number(QStringLiteral("n")) << QStringLiteral("22")
                                << true << QStringLiteral("22");
        QTest::newRow("number expr") << Field::number(QStringLiteral("n"))
                                     << QStringLiteral("var.port + 1") << false << QString();
        QTest::newRow("bool") << Field::boolean(QStringLiteral("b")) << QStringLiteral("true")
                              << true << QStringLiteral("true");
        QTest::newRow("duration") << Field::duration(QStringLiteral("d"))
                                  << QStringLiteral("\"5m\"") << true << QStringLiteral("5m");
        QTest::newRow("enum") << Field::enumeration(
            QStringLiteral("e"), {QStringLiteral("gzip"), QStringLiteral("zstd")})
                              << QStringLiteral("\"zstd\"") << true << QStringLiteral("zstd");
        const Field list = Field::list(QStringLiteral("l"), Field::elementOf(FieldType::String));
        QTest::newRow("list") << list << QStringLiteral("[\"a\", \"b c\"]") << true
                              << QStringLiteral("a\nb c");
        QTest::newRow("list expr")
            << list << QStringLiteral("concat(var.a, [\"b\"])") << false << QString();
        const Field map = Field::map(QStringLiteral("m"), Field::elementOf(FieldType::String));
        QTest::newRow("map") << map << QStringLiteral("{ Name = \"web\", \"team-x\" = \"ops\" }")
                             << true << QStringLiteral("Name = web\nteam-x = ops");
        // JSON templates show their values as JSON, which reads the same as HCL.
        QTest::newRow("json list") << list << QStringLiteral("[\"t2.small\",\"t2.large\"]") << true
                                   << QStringLiteral("t2.small\nt2.large");
        QTest::newRow("json map") << map << QStringLiteral("{\"Name\": \"web\", \"a:b\": \"x:y\"}")
                                  << true << QStringLiteral("Name = web\na:b = x:y");
        QTest::newRow("json user string") << str << QStringLiteral("\"{{ user `region` }}\"")
                                          << true << QStringLiteral("{{ user `region` }}");
        QTest::newRow("any") << Field::any(QStringLiteral("a")) << QStringLiteral("{ x = 1 }")
                             << false << QString();
    }

    void typedRoundTrip()
    {
        QFETCH(Field, field);
        QFETCH(QString, expression);
        QFETCH(bool, typed);
        QFETCH(QString, display);
        QString shown;
        QCOMPARE(FieldEditor::toTyped(field, expression, &shown), typed);
        FieldEditor editor(field, expression, true);
        QCOMPARE(editor.isRaw(), !typed);
        // Whatever the mode, the expression is kept exactly until the user changes it.
        QCOMPARE(editor.expression(), expression);
        if (!typed)
            return;
        QCOMPARE(shown, display);
        const QString back = FieldEditor::fromTyped(field, shown);
        QString again;
        QVERIFY(FieldEditor::toTyped(field, back, &again));
        QCOMPARE(again, display);
    }

    void editorsPerType()
    {
        {
            FieldEditor e(
                Field::string(QStringLiteral("password")).markSensitive(), QString(), false);
            auto *line = e.findChild<QLineEdit *>();
            QVERIFY(line);
            bool masked = false;
            for (QLineEdit *l : e.findChildren<QLineEdit *>())
                masked |= l->echoMode() == QLineEdit::PasswordEchoOnEdit;
            QVERIFY(masked);
        }
        {
            FieldEditor e(
                Field::number(QStringLiteral("ssh_port")).withDefault(QStringLiteral("22")),
                QString(), false);
            bool placeholder = false;
            for (QLineEdit *l : e.findChildren<QLineEdit *>())
                placeholder |= l->placeholderText() == QStringLiteral("default: 22");
            QVERIFY(placeholder);
            QVERIFY(!e.isRaw());
            QCOMPARE(e.expression(), QString());
        }
        {
            FieldEditor e(Field::enumeration(QStringLiteral("format"),
                              {QStringLiteral("tar"), QStringLiteral("zip")}),
                QStringLiteral("\"zip\""), true);
            auto *combo = e.findChild<QComboBox *>();
            QVERIFY(combo);
            QCOMPARE(combo->count(), 3); // (not set), tar, zip
            QCOMPARE(combo->currentText(), QStringLiteral("zip"));
            QSignalSpy committed(&e, &FieldEditor::committed);
            combo->setCurrentIndex(1);
            e.commit();
            QCOMPARE(committed.size(), 1);
            QCOMPARE(committed.first().first().toString(), QStringLiteral("\"tar\""));
            combo->setCurrentIndex(0);
            e.commit();
            QCOMPARE(
                committed.last().first().toString(), QString()); // cleared: back to the default
        }
        {
            // Suggested values of a string (guest_os_type) are offered, any text is taken.
            FieldEditor e(Field::string(QStringLiteral("guest_os_type"))
                              .withValues({QStringLiteral("unix"), QStringLiteral("windows")}),
                QStringLiteral("\"Windows\""), true);
            QVERIFY(!e.findChild<QComboBox *>());
            QLineEdit *line = nullptr;
            for (QLineEdit *l : e.findChildren<QLineEdit *>())
                if (l->completer())
                    line = l;
            QVERIFY(line);
            QCOMPARE(line->completer()->model()->rowCount(), 2);
            QCOMPARE(line->completer()->model()->index(1, 0).data().toString(),
                QStringLiteral("windows"));
            QCOMPARE(e.expression(), QStringLiteral("\"Windows\""));
        }
        {
            FieldEditor e(
                Field::list(QStringLiteral("inline"), Field::elementOf(FieldType::String)),
                QString(), false);
            auto *text = e.findChild<QPlainTextEdit *>();
            QVERIFY(text);
            text->setPlainText(QStringLiteral("echo \"hi\"\nuname -a"));
            QCOMPARE(e.expression(), QStringLiteral("[\"echo \\\"hi\\\"\", \"uname -a\"]"));
        }
        {
            FieldEditor e(Field::path(QStringLiteral("script"), registry::PathKind::File),
                QStringLiteral("\"a.sh\""), true);
            QVERIFY(e.findChild<QToolButton *>());
            QCOMPARE(e.expression(), QStringLiteral("\"a.sh\""));
        }
        {
            // A block field has no typed editor: raw only.
            FieldEditor e(Field::any(QStringLiteral("x")), QString(), false);
            QVERIFY(e.isRaw());
        }
    }

    void dockBuildsFromSchema()
    {
        ui::InspectorDock dock;
        models::PipelineNode node;
        node.kind = models::NodeKind::Provisioner;
        node.type = QStringLiteral("shell-local");
        node.id = QStringLiteral("build.0.provisioner.0");
        node.file = QStringLiteral("t.pkr.hcl");
        dock.showNode(&node,
            {{QStringLiteral("inline"), QStringLiteral("[\"echo hi\"]"), 2},
                {QStringLiteral("custom"), QStringLiteral("var.x"), 3}});
        const QStringList keys = dock.keys();
        // Attributes the block sets come first, in text order; then the rest of the schema.
        QCOMPARE(keys.value(0), QStringLiteral("inline"));
        QCOMPARE(keys.value(1), QStringLiteral("custom"));
        const registry::ComponentDescriptor *d = models::ComponentCatalog::registry().find(
            registry::ComponentKind::Provisioner, QStringLiteral("shell-local"));
        QVERIFY(d);
        for (const Field &f : d->schema)
            if (!f.isBlock() && !f.isDeprecated())
                QVERIFY2(keys.contains(f.key()), qPrintable(f.key()));
        QVERIFY(dock.editor(QStringLiteral("custom"))->isRaw());
        QCOMPARE(dock.editor(QStringLiteral("custom"))->expression(), QStringLiteral("var.x"));
        QSignalSpy edited(&dock, &ui::InspectorDock::attributeEdited);
        QSignalSpy cleared(&dock, &ui::InspectorDock::attributeCleared);
        auto *text = dock.editor(QStringLiteral("inline"))->findChild<QPlainTextEdit *>();
        text->setPlainText(QStringLiteral("echo a\necho b"));
        dock.editor(QStringLiteral("inline"))->commit();
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.first().at(2).toString(), QStringLiteral("[\"echo a\", \"echo b\"]"));
        text->setPlainText(QString());
        dock.editor(QStringLiteral("inline"))->commit();
        QCOMPARE(cleared.size(), 1);
    }

    void quoting()
    {
        using models::BlockAttributes;
        QCOMPARE(BlockAttributes::quote(QStringLiteral("a\"b\\c\n${x}%{y}")),
            QStringLiteral("\"a\\\"b\\\\c\\n$${x}%%{y}\""));
        QString v;
        QVERIFY(BlockAttributes::isPlainString(QStringLiteral("\"x\""), &v));
        QCOMPARE(v, QStringLiteral("x"));
        QVERIFY(!BlockAttributes::isPlainString(QStringLiteral("\"a\" \"b\"")));
        QVERIFY(!BlockAttributes::isPlainString(QStringLiteral("\"%{ if x }y%{ endif }\"")));
    }

    void attributesFromText()
    {
        const QString text
            = QStringLiteral("# c\nsource \"docker\" \"u\" {\n  image  = \"ubuntu\" # trailing\n  "
                             "commit = var.commit\n  changes = [\n    \"A\",\n  ]\n}\n");
        const int start = int(text.indexOf(QStringLiteral("source")));
        const QList<models::BlockAttribute> attrs
            = models::BlockAttributes::read(QStringLiteral("t.pkr.hcl"), text, start);
        QCOMPARE(attrs.size(), 3);
        QCOMPARE(attrs.at(0).key, QStringLiteral("image"));
        QCOMPARE(attrs.at(0).expression, QStringLiteral("\"ubuntu\""));
        QCOMPARE(attrs.at(1).expression, QStringLiteral("var.commit"));
        QCOMPARE(attrs.at(2).expression, QStringLiteral("[\n    \"A\",\n  ]"));
        QVERIFY(
            models::BlockAttributes::read(QStringLiteral("t.pkr.hcl"), text, start + 1).isEmpty());
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
