// Static expression analysis (hcl's ExprList, ExprMap, ExprCall,
// AbsTraversalForExpr, RelTraversalForExpr, ExprAsKeyword), hcl's StartRange
// rules, and binding iterator variables into expressions.

#include "EvalTestSupport.h"
#include "engine/hcl/eval/BindVariables.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/ExprHelpers.h"

#include <QtTest>

using namespace kiln::hcl;
using namespace kiln::hcl::test;

namespace {

QString traversalText(const Traversal &t)
{
    QString s;
    for (const TraversalStep &step : t.steps) {
        switch (step.kind) {
        case TraversalStep::Kind::Root:
            s += step.name;
            break;
        case TraversalStep::Kind::Attr:
            s += QLatin1Char('.') + step.name;
            break;
        case TraversalStep::Kind::Index:
            s += QLatin1Char('[') + render(step.key) + QLatin1Char(']');
            break;
        case TraversalStep::Kind::Splat:
            s += QStringLiteral("[*]");
            break;
        }
    }
    return s;
}

const QString staticTraversalDetail
    = QStringLiteral("A single static variable reference is required: only attribute access and "
                     "indexing with constant keys. No "
                     "calculations, function calls, template expressions, etc are allowed here.");

} // namespace

class TestExprHelpers : public QObject
{
    Q_OBJECT

private slots:
    void absTraversal_data();
    void absTraversal();
    void jsonStringTraversal();
    void relTraversal();
    void keywords_data();
    void keywords();
    void lists();
    void maps();
    void calls();
    void startRanges_data();
    void startRanges();
    void bindVariablesRespectsScopes();
};

void TestExprHelpers::absTraversal_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("traversal"); // empty: not a traversal
    QTest::newRow("root") << "a"
                          << "a";
    QTest::newRow("attrs") << "source.docker.ubuntu"
                           << "source.docker.ubuntu";
    QTest::newRow("index") << R"(a.b[0]["k"])"
                           << R"(a.b[0]["k"])";
    QTest::newRow("legacy index") << "a.0"
                                  << "a[0]";
    QTest::newRow("keyword null") << "null"
                                  << "null";
    QTest::newRow("keyword true") << "true"
                                  << "true";
    QTest::newRow("number") << "1"
                            << "";
    QTest::newRow("quoted string") << R"("a.b")"
                                   << "";
    QTest::newRow("call") << "f(a)"
                          << "";
    QTest::newRow("dynamic index") << "a[b]"
                                   << "";
    QTest::newRow("parenthesised") << "(a)"
                                   << "";
    QTest::newRow("splat") << "a[*].b"
                           << "";
    QTest::newRow("operation") << "a + 1"
                               << "";
}

void TestExprHelpers::absTraversal()
{
    QFETCH(QString, expr);
    QFETCH(QString, traversal);
    const QByteArray src = expr.toUtf8();
    Diagnostics diags;
    const Traversal t = absTraversalForExpr(parseExpr(src), diags);
    if (traversal.isEmpty()) {
        QVERIFY(t.isEmpty());
        QCOMPARE(diags.size(), 1);
        QCOMPARE(diags[0].summary, QStringLiteral("Invalid expression"));
        QCOMPARE(diags[0].detail, staticTraversalDetail);
        QCOMPARE(rangeText(src, diags[0].subject), expr);
    } else {
        QVERIFY2(diags.isEmpty(), qPrintable(diagText(diags)));
        QCOMPARE(traversalText(t), traversal);
        QVERIFY(!t.isRelative());
        QCOMPARE(rangeText(src, t.range()), expr);
    }
}

void TestExprHelpers::jsonStringTraversal()
{
    // A JSON string value is parsed as a bare template: its text is the
    // traversal, with ranges inside the string.
    Diagnostics diags;
    const QByteArray text = "source.docker.x";
    const ExprPtr bare
        = parseTemplate(text, QStringLiteral("t.pkr.json"), diags, SourcePos{1, 10, 9});
    QVERIFY(!diags.hasErrors());
    const Traversal t = absTraversalForExpr(bare, diags);
    QVERIFY2(!diags.hasErrors(), qPrintable(diagText(diags)));
    QCOMPARE(traversalText(t), QString::fromUtf8(text));
    QCOMPARE(t.steps.first().range.start.column, 10);
    QCOMPARE(exprAsKeyword(parseTemplate("string", QStringLiteral("t.json"), diags)),
        QStringLiteral("string"));

    // ...and a call in a JSON string is a static call.
    const std::optional<StaticCall> call
        = exprCall(parseTemplate("list(string)", QStringLiteral("t.json"), diags), diags);
    QVERIFY(call);
    QCOMPARE(call->name, QStringLiteral("list"));
    QCOMPARE(exprAsKeyword(call->arguments.value(0)), QStringLiteral("string"));

    // Interpolations are not traversal syntax.
    diags.clear();
    absTraversalForExpr(parseTemplate("${a.b}c", QStringLiteral("t.json"), diags), diags);
    QVERIFY(diags.hasErrors());
}

void TestExprHelpers::relTraversal()
{
    Diagnostics diags;
    const Traversal t = relTraversalForExpr(parseExpr("a.b[1]"), diags);
    QVERIFY(!diags.hasErrors());
    QVERIFY(t.isRelative());
    QCOMPARE(t.steps.first().kind, TraversalStep::Kind::Attr);
    QCOMPARE(t.steps.first().name, QStringLiteral("a"));
    QCOMPARE(t.steps.size(), 3);
    relTraversalForExpr(parseExpr("1 + 1"), diags);
    QCOMPARE(diags.size(), 1);
}

void TestExprHelpers::keywords_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("keyword");
    QTest::newRow("ident") << "string"
                           << "string";
    QTest::newRow("null") << "null"
                          << "null";
    QTest::newRow("false") << "false"
                           << "false";
    QTest::newRow("two steps") << "a.b"
                               << "";
    QTest::newRow("quoted") << R"("any")"
                            << "";
    QTest::newRow("call") << "list(string)"
                          << "";
    QTest::newRow("index") << "a[0]"
                           << "";
}

void TestExprHelpers::keywords()
{
    QFETCH(QString, expr);
    QFETCH(QString, keyword);
    QCOMPARE(exprAsKeyword(parseExpr(expr.toUtf8())), keyword);
}

void TestExprHelpers::lists()
{
    Diagnostics diags;
    const QByteArray src = "[a, b.c, 1 + 2]";
    const QList<ExprPtr> items = exprList(parseExpr(src), diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(items.size(), 3);
    QCOMPARE(rangeText(src, items[1]->range), QStringLiteral("b.c"));
    QVERIFY(exprList(parseExpr("[]"), diags).isEmpty());
    QVERIFY(!diags.hasErrors());

    const QByteArray notList = "var.sources";
    exprList(parseExpr(notList), diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].summary, QStringLiteral("Invalid expression"));
    QCOMPARE(diags[0].detail, QStringLiteral("A static list expression is required."));
    QCOMPARE(rangeText(notList, diags[0].subject), QString::fromUtf8(notList));

    // A for expression builds a tuple but is not a static list.
    diags.clear();
    exprList(parseExpr("[for x in y: x]"), diags);
    QCOMPARE(diags.size(), 1);
}

void TestExprHelpers::maps()
{
    Diagnostics diags;
    const QByteArray src = R"({a = 1, "b" = 2, (c) = 3})";
    const QList<KeyValuePair> pairs = exprMap(parseExpr(src), diags);
    QVERIFY(!diags.hasErrors());
    QCOMPARE(pairs.size(), 3);
    QCOMPARE(exprAsKeyword(pairs[0].key), QStringLiteral("a"));
    QCOMPARE(exprAsKeyword(pairs[1].key), QString());
    QCOMPARE(exprAsKeyword(pairs[2].key), QString()); // parentheses force an expression
    QCOMPARE(rangeText(src, pairs[1].value->range), QStringLiteral("2"));

    const QByteArray notMap = "[1]";
    exprMap(parseExpr(notMap), diags);
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].detail, QStringLiteral("A static map expression is required."));
    QCOMPARE(rangeText(notMap, diags[0].subject), QStringLiteral("["));
}

void TestExprHelpers::calls()
{
    Diagnostics diags;
    const QByteArray src = "optional(string, 1)";
    const std::optional<StaticCall> call = exprCall(parseExpr(src), diags);
    QVERIFY(call);
    QCOMPARE(call->name, QStringLiteral("optional"));
    QCOMPARE(call->arguments.size(), 2);
    QCOMPARE(rangeText(src, call->nameRange), QStringLiteral("optional"));
    QCOMPARE(rangeText(src, call->argsRange), QStringLiteral("(string, 1)"));

    const QByteArray notCall = "a + b";
    QVERIFY(!exprCall(parseExpr(notCall), diags));
    QCOMPARE(diags.size(), 1);
    QCOMPARE(diags[0].detail, QStringLiteral("A static function call is required."));
    QCOMPARE(rangeText(notCall, diags[0].subject), QStringLiteral("a"));
}

void TestExprHelpers::startRanges_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("start");
    QTest::newRow("traversal") << "a.b.c"
                               << "a.b.c";
    QTest::newRow("call") << "f(1, 2)"
                          << "f(";
    QTest::newRow("binary") << "a.b + 1"
                            << "a.b";
    QTest::newRow("unary") << "!x"
                           << "!";
    QTest::newRow("conditional") << "c ? 1 : 2"
                                 << "c";
    QTest::newRow("tuple") << "[1, 2]"
                           << "[";
    QTest::newRow("object") << "{a = 1}"
                            << "{";
    QTest::newRow("for") << "[for x in y: x]"
                         << "[";
    QTest::newRow("template") << R"("ab${c}")"
                              << "ab";
    QTest::newRow("index") << "a[b]"
                           << "[";
    QTest::newRow("splat") << "a[*].b"
                           << "[*]";
    QTest::newRow("parentheses") << "(a + 1)"
                                 << "a";
}

void TestExprHelpers::startRanges()
{
    QFETCH(QString, expr);
    QFETCH(QString, start);
    const QByteArray src = expr.toUtf8();
    QCOMPARE(rangeText(src, expressionStartRange(parseExpr(src))), start);
}

void TestExprHelpers::bindVariablesRespectsScopes()
{
    const QMap<QString, Value> it{{QStringLiteral("it"),
        Value::object({{QStringLiteral("key"), Value::number(0)},
            {QStringLiteral("value"), Value::string(QStringLiteral("v"))}})}};
    EvalContext ctx;
    ctx.variables.insert(QStringLiteral("other"), Value::string(QStringLiteral("o")));
    auto run = [&](const QByteArray &src) {
        Diagnostics diags;
        const Value v = evaluate(bindVariables(parseExpr(src), it), &ctx, diags);
        return diags.hasErrors() ? QStringLiteral("error: ") + diags[0].summary : render(v);
    };
    QCOMPARE(run("it.value"), QStringLiteral("\"v\""));
    QCOMPARE(run("it"), QStringLiteral("{key=0, value=\"v\"}"));
    QCOMPARE(run(R"("${it.value}-${other}")"), QStringLiteral("\"v-o\""));
    QCOMPARE(run("[for it in [1, 2]: it]"), QStringLiteral("[1, 2]")); // shadowed inside the for
    QCOMPARE(
        run("[for x in [it.key]: x + 1]"), QStringLiteral("[1]")); // not shadowed in the collection
    QCOMPARE(run("{it = 1}"), QStringLiteral("{it=1}")); // a bare key is a name, not a reference
    QCOMPARE(run("{(it.value) = 1}"), QStringLiteral("{v=1}"));
    QCOMPARE(run("[it][*].value"), QStringLiteral("[\"v\"]"));
    QCOMPARE(run("it.nope"), QStringLiteral("error: Unsupported attribute"));

    // Unrelated expressions are shared, not copied.
    const ExprPtr plain = parseExpr("other == 1");
    QCOMPARE(bindVariables(plain, it).get(), plain.get());
}

QTEST_APPLESS_MAIN(TestExprHelpers)
#include "tst_exprhelpers.moc"
