// Native-syntax PipelineEditor: error answers (unparseable text, addresses
// that point nowhere, bad input) and block lookup for select-in-text.

#include "engine/template/edit/PipelineEditor.h"

#include <QFile>
#include <QTest>
#include <functional>

using namespace kiln;
using namespace kiln::tmpl::edit;

using Op = std::function<EditResult(PipelineEditor &)>;
Q_DECLARE_METATYPE(Op)

namespace {

QString readFixture(const QString &name)
{
    QFile f(QStringLiteral(KILN_FIXTURES_DIR "/edit/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(f.readAll());
}

} // namespace

class TestNativeLookup : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void locate();
};

void TestNativeLookup::errors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<Op>("op");
    QTest::addColumn<QString>("error");
    const QString p = readFixture(QStringLiteral("pipeline.pkr.hcl"));
    using A = BlockAddress;
    QTest::newRow("unparseable text")
        << QStringLiteral("build {\n  provisioner \"x\" {\n}\n")
        << Op([](PipelineEditor &e) { return e.insertProvisioner(0, 0, QStringLiteral("shell")); })
        << QStringLiteral("t.pkr.hcl:1,7-8: Unclosed configuration block; There is no closing "
                          "brace for this block before the end of the file. This may be caused by "
                          "incorrect brace nesting elsewhere in this file.");
    QTest::newRow("no such build") << p << Op([](PipelineEditor &e) {
        return e.insertProvisioner(1, 0, QStringLiteral("shell"));
    }) << QStringLiteral("t.pkr.hcl has no build number 1 (it has 1)");
    QTest::newRow("no such provisioner")
        << p << Op([](PipelineEditor &e) { return e.remove(A::provisioner(0, 2)); })
        << QStringLiteral("Build 0 has no provisioner number 2 (it has 2)");
    QTest::newRow("no such source") << p << Op([](PipelineEditor &e) {
        return e.setAttribute(A::source(QStringLiteral("null"), QStringLiteral("z")),
            QStringLiteral("a"), QStringLiteral("1"));
    }) << QStringLiteral("t.pkr.hcl has no source \"null.z\"");
    QTest::newRow("not a chain")
        << p << Op([](PipelineEditor &e) {
               return e.insertIntoChain(0, 0, 0, QStringLiteral("compress"));
           })
        << QStringLiteral(
               "Post-processing entry 0 of build 0 is a single post-processor, not a chain");
    QTest::newRow("invalid expression")
        << p << Op([](PipelineEditor &e) {
               return e.setAttribute(
                   A::provisioner(0, 1), QStringLiteral("inline"), QStringLiteral("[\"a\""));
           })
        << QStringLiteral(
               "Invalid expression \"[\"a\"\": <value>:1,1-2: Unterminated tuple constructor "
               "expression; There is no corresponding closing bracket before the end of the file. "
               "This may be caused by incorrect bracket nesting elsewhere in this file.");
    QTest::newRow("invalid attribute name") << p << Op([](PipelineEditor &e) {
        return e.setAttribute(
            A::provisioner(0, 1), QStringLiteral("two words"), QStringLiteral("1"));
    }) << QStringLiteral("\"two words\" is not a valid attribute name");
    QTest::newRow("duplicate source") << p << Op([](PipelineEditor &e) {
        return e.addSource(QStringLiteral("null"), QStringLiteral("a"), {});
    }) << QStringLiteral("t.pkr.hcl already has a source \"null.a\"");
    QTest::newRow("already connected") << p << Op([](PipelineEditor &e) {
        return e.connectSource(0, QStringLiteral("source.null.a"));
    }) << QStringLiteral("Build 0 already uses source.null.a");
    QTest::newRow("not connected") << p << Op([](PipelineEditor &e) {
        return e.disconnectSource(0, QStringLiteral("null.b"));
    }) << QStringLiteral("Build 0 does not use source.null.b");
    QTest::newRow("missing attribute") << p << Op([](PipelineEditor &e) {
        return e.removeAttribute(A::provisioner(0, 1), QStringLiteral("script"));
    }) << QStringLiteral("The provisioner block has no attribute \"script\"");
    QTest::newRow("wrong label count") << p << Op([](PipelineEditor &e) {
        return e.renameBlock(
            A::source(QStringLiteral("null"), QStringLiteral("a")), {QStringLiteral("x")});
    }) << QStringLiteral("A source block has 2 labels, not 1");
    QTest::newRow("paste of the wrong kind") << p << Op([](PipelineEditor &e) {
        return e.insertBlockText(0, A::Kind::Provisioner, 0, e.blockText(A::postProcessor(0, 0)));
    }) << QStringLiteral("A post-processor block cannot be pasted as a provisioner");
    QTest::newRow("paste of invalid text")
        << p << Op([](PipelineEditor &e) {
               return e.insertBlockText(
                   0, A::Kind::Provisioner, 0, QStringLiteral("provisioner \"x\" {"));
           })
        << QStringLiteral(
               "The pasted text is not valid HCL: <pasted>:1,17-18: Unclosed configuration block; "
               "There is no closing brace for this block before the end of the file. This may be "
               "caused by incorrect brace nesting elsewhere in this file.");
    QTest::newRow("duplicate a one-of block")
        << QStringLiteral("build {\n  sources = [\"source.null.a\"]\n\n  error-cleanup-provisioner "
                          "\"shell-local\" {\n  }\n}\n")
        << Op([](PipelineEditor &e) { return e.duplicate(A::errorCleanup(0)); })
        << QStringLiteral("A build's error-cleanup-provisioner cannot be duplicated");
    QTest::newRow("move to a missing build")
        << p << Op([](PipelineEditor &e) { return e.moveToBuild(A::provisioner(0, 0), 3, 0); })
        << QStringLiteral("t.pkr.hcl has no build number 3 (it has 1)");
}

void TestNativeLookup::errors()
{
    QFETCH(QString, input);
    QFETCH(Op, op);
    QFETCH(QString, error);
    PipelineEditor editor(QStringLiteral("t.pkr.hcl"), input);
    const EditResult r = op(editor);
    QVERIFY(!r.ok());
    QVERIFY(r.edits.isEmpty());
    QCOMPARE(r.error, error);
}

void TestNativeLookup::locate()
{
    const QString p = readFixture(QStringLiteral("pipeline.pkr.hcl"));
    PipelineEditor e(QStringLiteral("t.pkr.hcl"), p);
    QCOMPARE(e.buildCount(), 1);
    QCOMPARE(e.count(0, BlockAddress::Kind::Provisioner), 2);
    QCOMPARE(e.count(0, BlockAddress::Kind::PostProcessor), 2);
    QCOMPARE(e.count(0, BlockAddress::Kind::ChainPostProcessor, 1), 2);
    QCOMPARE(e.count(0, BlockAddress::Kind::Source), 2);

    const auto span = e.spanOf(BlockAddress::chainPostProcessor(0, 1, 0));
    QVERIFY(span);
    QCOMPARE(p.mid(span->start, span->end - span->start),
        QStringLiteral("post-processor \"compress\" {\n      output = \"out.tar.gz\"\n    }"));
    const auto range = e.rangeOf(BlockAddress::provisioner(0, 1));
    QVERIFY(range);
    QCOMPARE(range->start.line, 23);
    QCOMPARE(range->end.line, 25);

    const auto at = [&](const QString &needle) { return e.blockAt(p.indexOf(needle)); };
    QCOMPARE(at(QStringLiteral("out.tar.gz"))->kind, BlockAddress::Kind::ChainPostProcessor);
    QCOMPARE(at(QStringLiteral("echo two"))->index, 1);
    QCOMPARE(at(QStringLiteral("\"manifest\""))->kind, BlockAddress::Kind::PostProcessor);
    QCOMPARE(at(QStringLiteral("sources ="))->kind, BlockAddress::Kind::Build);
    QCOMPARE(at(QStringLiteral("default"))->labels, QStringList{QStringLiteral("greeting")});
    QCOMPARE(at(QStringLiteral("\"b\""))->labels,
        QStringList({QStringLiteral("null"), QStringLiteral("b")}));
    QVERIFY(!at(QStringLiteral("# Build an image")));

    // A broken text answers nothing rather than guessing.
    PipelineEditor broken(QStringLiteral("t.pkr.hcl"), p.left(p.size() - 3));
    QVERIFY(!broken.parseError().isEmpty());
    QVERIFY(!broken.rangeOf(BlockAddress::provisioner(0, 0)));
    QCOMPARE(broken.buildCount(), 0);
    QCOMPARE(broken.remove(BlockAddress::provisioner(0, 0)).error, broken.parseError());
}

QTEST_GUILESS_MAIN(TestNativeLookup)
#include "tst_nativelookup.moc"
