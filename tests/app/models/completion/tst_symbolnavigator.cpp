#include "app/models/completion/FunctionCatalog.h"
#include "app/models/completion/HclOutline.h"
#include "app/models/completion/SymbolNavigator.h"
#include "app/models/completion/TextOffsets.h"

#include <QTest>

using namespace kiln::models;

// Go-to-definition targets, call sites for call tips, function signatures, the outline
// of half-typed text and UTF-16/UTF-8 offset conversion.
class TestSymbolNavigator : public QObject
{
    Q_OBJECT

private slots:
    void definitions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("at"); // the cursor is placed after the first match of this
        QTest::addColumn<QString>("declared"); // the expected target, or empty for none

        const QString decls = QStringLiteral(
            "variable \"image\" {}\nvariables {\n  legacy = 1\n}\nlocals {\n  stamp = 1\n}\n"
            "local \"secret\" {\n  expression = 2\n}\nsource \"docker\" \"u\" {}\n"
            "source \"null\" \"u\" {}\ndata \"http\" \"page\" {}\n");
        QTest::newRow("var") << decls + "build {\n  name = var.image\n}"
                             << "var.ima"
                             << "image";
        QTest::newRow("var from its root") << decls + "build {\n  name = va"
                                           << "name = va"
                                           << "";
        QTest::newRow("variables block") << decls + "x = var.legacy"
                                         << "var.leg"
                                         << "legacy";
        QTest::newRow("locals block") << decls + "x = local.stamp"
                                      << "local.st"
                                      << "stamp";
        QTest::newRow("local block") << decls + "x = local.secret"
                                     << "local.sec"
                                     << "secret";
        QTest::newRow("source of a type") << decls + "x = source.null.u"
                                          << "source.nu"
                                          << "u";
        QTest::newRow("data source") << decls + "x = data.http.page.body"
                                     << "data.http.page.bo"
                                     << "page";
        QTest::newRow("undeclared") << decls + "x = var.nope"
                                    << "var.no"
                                    << "";
        QTest::newRow("unknown data name") << decls + "x = data.http.other"
                                           << "data.http.ot"
                                           << "";
        QTest::newRow("in interpolation") << decls + "x = \"${var.image}\""
                                          << "${var.im"
                                          << "image";
        QTest::newRow("unicode name") << "variable \"r\u00e9gion\" {}\nx = var.r\u00e9gion\n"
                                      << "var.r\u00e9g"
                                      << "r\u00e9gion";
    }

    void definitions()
    {
        QFETCH(QString, text);
        QFETCH(QString, at);
        QFETCH(QString, declared);
        const qsizetype cursor = text.lastIndexOf(at) + at.size();
        const auto span = SymbolNavigator::definitionAt(text, cursor);
        if (declared.isEmpty()) {
            QVERIFY(!span);
            return;
        }
        QVERIFY(span);
        QCOMPARE(text.mid(span->start, span->end - span->start), declared);
        // It is the declaration, not the reference: it comes first in these texts.
        QVERIFY(span->start < cursor - at.size());
    }

    void sourceOfTheRightType()
    {
        const QString text = QStringLiteral("source \"docker\" \"u\" {}\nsource \"null\" \"u\" {}\n"
                                            "build {\n  sources = [\"source.null.u\"]\n}\n");
        const auto span
            = SymbolNavigator::definitionAt(text, text.indexOf(QStringLiteral("null.u\"]")) + 5);
        QVERIFY(span);
        QCOMPARE(span->start, text.indexOf(QStringLiteral("u\" {}\nbuild")));
    }

    void callSites_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("function");
        QTest::addColumn<int>("argument");
        QTest::newRow("first argument") << "x = join(|"
                                        << "join" << 0;
        QTest::newRow("second argument") << "x = join(\",\", |"
                                         << "join" << 1;
        QTest::newRow("comma in a string") << "x = join(\", ,\", |"
                                           << "join" << 1;
        QTest::newRow("comma in a list") << "x = join(\",\", [a, b, |"
                                         << "join" << 1;
        QTest::newRow("nested call") << "x = join(\",\", split(\"a\", |"
                                     << "split" << 1;
        QTest::newRow("after the nested call") << "x = join(\",\", split(\"a\", b), |"
                                               << "join" << 2;
        QTest::newRow("inside interpolation") << "x = \"${upper(|"
                                              << "upper" << 0;
        QTest::newRow("closed call") << "x = upper(a) |"
                                     << "" << 0;
        QTest::newRow("parentheses without a call") << "x = (1 + |"
                                                    << "" << 0;
    }

    void callSites()
    {
        QFETCH(QString, text);
        QFETCH(QString, function);
        QFETCH(int, argument);
        const qsizetype cursor = text.indexOf(u'|');
        text.remove(cursor, 1);
        const auto call = SymbolNavigator::callAt(text, cursor);
        if (function.isEmpty()) {
            QVERIFY(!call);
            return;
        }
        QVERIFY(call);
        QCOMPARE(call->function, function);
        QCOMPARE(call->argument, argument);
        QCOMPARE(text.mid(call->openParen - function.size(), function.size() + 1), function + u'(');
    }

    void descriptions()
    {
        const QString text = QStringLiteral("variable \"region\" {\n  type = string\n  description "
                                            "= \"Where \\\"to\\\" build\"\n}\n"
                                            "locals {\n  r = upper(var.region)\n}\n");
        QCOMPARE(SymbolNavigator::describeAt(text, text.indexOf(QStringLiteral("var.region")) + 5),
            QStringLiteral("variable \"region\": string\nWhere \"to\" build"));
        const QString upper
            = SymbolNavigator::describeAt(text, text.indexOf(QStringLiteral("upper")) + 2);
        QVERIFY2(upper.startsWith(QStringLiteral("upper(str string) string\n")), qPrintable(upper));
        QCOMPARE(SymbolNavigator::describeAt(text, text.indexOf(QStringLiteral("locals")) + 2),
            QString());
        QCOMPARE(
            SymbolNavigator::describeAt(text, text.indexOf(QStringLiteral("r =")) + 1), QString());
    }

    void signatures()
    {
        const FunctionCatalog &catalog = FunctionCatalog::instance();
        QVERIFY(catalog.functions().size() > 100);
        QVERIFY(catalog.find(QStringLiteral("env"))); // Packer's own functions too
        QVERIFY(!catalog.find(QStringLiteral("nosuchfunction")));
        const FunctionSignature *join = catalog.find(QStringLiteral("join"));
        QVERIFY(join);
        QCOMPARE(
            join->text(), QStringLiteral("join(separator string, ...lists list(string)) string"));
        const auto first = join->paramRange(0);
        QCOMPARE(join->text().mid(first.first, first.second - first.first),
            QStringLiteral("separator string"));
        const auto rest = join->paramRange(5); // every variadic argument highlights the last
        QCOMPARE(join->text().mid(rest.first, rest.second - rest.first),
            QStringLiteral("...lists list(string)"));
        const FunctionSignature *upper = catalog.find(QStringLiteral("upper"));
        QCOMPARE(upper->paramRange(1), std::make_pair(0, 0));
        QVERIFY(!upper->description.isEmpty());
        for (qsizetype i = 1; i < catalog.functions().size(); ++i)
            QVERIFY(catalog.functions()[i - 1].name < catalog.functions()[i].name);
    }

    void outlineOfHalfTypedText()
    {
        const QByteArray text = "source \"docker\" \"x\" {\n  image = \"a\"\n  commi\n  build {\n"
                                "    pull = true\n  }\n}\nbuild {\n  provisioner \"shell\" {\n";
        const HclOutline outline = HclOutline::build(text);
        const auto &blocks = outline.blocks();
        QCOMPARE(outline.topLevel().size(), 2);
        const OutlineBlock &source = blocks[outline.topLevel()[0]];
        QCOMPARE(source.type, QStringLiteral("source"));
        QCOMPARE(source.labels, (QStringList{"docker", "x"}));
        QCOMPARE(source.attributes.size(), 1);
        QCOMPARE(source.attributes[0].name, QStringLiteral("image"));
        QCOMPARE(source.children.size(), 2); // "commi" reads as a block header being typed
        QCOMPARE(blocks[source.children[0]].type, QStringLiteral("commi"));
        QVERIFY(!blocks[source.children[0]].hasBody);
        QCOMPARE(blocks[source.children[1]].attributes[0].name, QStringLiteral("pull"));
        // The unterminated build block runs to the end of the text.
        const OutlineBlock &build = blocks[outline.topLevel()[1]];
        QCOMPARE(build.bodySpan.end, int(text.size()));
        const QList<int> path = outline.blockPathAt(int(text.size()));
        QCOMPARE(path.size(), 2);
        QCOMPARE(blocks[path[1]].labels, QStringList{"shell"});
    }

    void offsets()
    {
        const QString text = QStringLiteral("a\u00e9\U0001F600\u4e2dz");
        const TextOffsets offsets(text);
        QCOMPARE(offsets.utf8().size(), 1 + 2 + 4 + 3 + 1);
        const QList<std::pair<qsizetype, int>> pairs
            = {{0, 0}, {1, 1}, {2, 3}, {4, 7}, {5, 10}, {6, 11}};
        for (const auto &[utf16, byte] : pairs) {
            QCOMPARE(offsets.byteFromOffset(utf16), byte);
            QCOMPARE(offsets.offsetFromByte(byte), utf16);
        }
        QCOMPARE(offsets.byteFromOffset(3), 3); // inside the surrogate pair: its start
        QCOMPARE(offsets.offsetFromByte(5), 2); // inside the emoji's bytes: its start
        QCOMPARE(offsets.byteFromOffset(100), 11);
        QCOMPARE(offsets.offsetFromByte(100), 6);
    }
};

QTEST_GUILESS_MAIN(TestSymbolNavigator)
#include "tst_symbolnavigator.moc"
