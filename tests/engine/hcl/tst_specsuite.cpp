// Drives HCL's own language test suite (hcl-specsuite, as its hclspecsuite
// harness does with hcldec): for every <name>.t, decode <name>.hcl and
// <name>.hcl.json by the spec in <name>.hcldec, then compare the result value
// and type, or the diagnostics' severities and exact ranges, or the traversals.
#include "engine/hcl/Parser.h"
#include "engine/hcl/dec/Spec.h"
#include "engine/hcl/eval/Evaluator.h"
#include "engine/hcl/eval/TypeExpr.h"
#include "engine/hcl/json/JsonBody.h"
#include "engine/hcl/value/Convert.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace kiln::hcl;

namespace {

QString suiteDir()
{
    return QStringLiteral(KILN_CORPUS_DIR "/hcl-specsuite/specsuite/tests");
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QString describe(const Diagnostics &diags)
{
    QStringList out;
    for (const auto &d : diags) {
        QString where = d.subject ? QStringLiteral("%1:%2,%3").arg(d.subject->filename).arg(d.subject->start.line).arg(d.subject->start.column) : QStringLiteral("?");
        out << QStringLiteral("%1: %2 (%3)").arg(where, d.summary, d.detail);
    }
    return out.join(QLatin1Char('\n'));
}

// --- reading .hcldec files (cmd/hcldec's spec language)

struct SpecReader
{
    Diagnostics diags;

    std::optional<bool> boolAttr(const BodyContent &c, const QString &name)
    {
        if (const auto *a = c.attribute(name))
            return evaluate(a->expr, nullptr, diags).asBool();
        return std::nullopt;
    }
    std::optional<QString> stringAttr(const BodyContent &c, const QString &name)
    {
        if (const auto *a = c.attribute(name))
            return evaluate(a->expr, nullptr, diags).asString();
        return std::nullopt;
    }

    static QStringList specBlockTypes()
    {
        return {"object", "array", "attr", "block", "block_list", "block_set", "block_map", "literal", "default"};
    }

    // A body that holds exactly one spec block, after the given attributes.
    dec::SpecPtr nestedSpec(const BodyPtr &body, const QStringList &attrNames, BodyContent *attrsOut)
    {
        BodySchema schema;
        for (const auto &n : attrNames)
            schema.attributes.append({n, false});
        for (const auto &t : specBlockTypes())
            schema.blocks.append({t, {}});
        BodyContent c = body->content(schema, diags);
        if (attrsOut)
            *attrsOut = c;
        if (c.blocks.isEmpty())
            return {};
        return readSpec(c.blocks.first(), QString());
    }

    dec::SpecPtr readSpec(const ContentBlock &block, const QString &impliedName)
    {
        auto spec = std::make_shared<dec::Spec>();
        const QString name = block.labels.isEmpty() ? impliedName : block.labels.first();
        if (block.type == QLatin1String("object") || block.type == QLatin1String("array")) {
            spec->kind = block.type == QLatin1String("object") ? dec::Spec::Kind::Object : dec::Spec::Kind::Tuple;
            // Children of an object are labelled with their key.
            Diagnostics ignored;
            BodyPtr remain;
            BodyContent labelled = block.body->partialContent(labelledSchema(), &remain, ignored);
            for (const auto &child : labelled.blocks) {
                dec::SpecPtr c = readSpec(child, child.labels.value(0));
                if (spec->kind == dec::Spec::Kind::Object)
                    spec->children.append({child.labels.value(0), c});
                else
                    spec->elements.append(c);
            }
            return spec;
        }
        if (block.type == QLatin1String("attr")) {
            spec->kind = dec::Spec::Kind::Attr;
            BodySchema schema;
            schema.attributes = {{"name", false}, {"type", false}, {"required", false}};
            BodyContent c = block.body->content(schema, diags);
            spec->name = stringAttr(c, QStringLiteral("name")).value_or(name);
            spec->required = boolAttr(c, QStringLiteral("required")).value_or(false);
            if (const auto *t = c.attribute(QStringLiteral("type")))
                spec->type = typeConstraintFromExpr(t->expr, diags);
            return spec;
        }
        if (block.type == QLatin1String("literal")) {
            spec->kind = dec::Spec::Kind::Literal;
            BodySchema schema;
            schema.attributes = {{"value", true}};
            BodyContent c = block.body->content(schema, diags);
            if (const auto *v = c.attribute(QStringLiteral("value")))
                spec->value = evaluate(v->expr, nullptr, diags);
            return spec;
        }
        if (block.type == QLatin1String("default")) {
            spec->kind = dec::Spec::Kind::Default;
            Diagnostics ignored;
            BodyPtr remain;
            BodyContent c = block.body->partialContent(labelledSchema(), &remain, ignored);
            if (c.blocks.size() >= 2) {
                spec->primary = readSpec(c.blocks[0], {});
                spec->fallback = readSpec(c.blocks[1], {});
            }
            return spec;
        }
        // block, block_list, block_set, block_map
        BodyContent attrs;
        spec->nested = nestedSpec(block.body, {"block_type", "required", "min_items", "max_items", "labels"}, &attrs);
        spec->name = stringAttr(attrs, QStringLiteral("block_type")).value_or(name);
        spec->required = boolAttr(attrs, QStringLiteral("required")).value_or(false);
        if (const auto *a = attrs.attribute(QStringLiteral("min_items")))
            spec->minItems = static_cast<int>(evaluate(a->expr, nullptr, diags).asNumber().toInt64().value_or(0));
        if (const auto *a = attrs.attribute(QStringLiteral("max_items")))
            spec->maxItems = static_cast<int>(evaluate(a->expr, nullptr, diags).asNumber().toInt64().value_or(0));
        if (const auto *a = attrs.attribute(QStringLiteral("labels"))) {
            const Value labels = evaluate(a->expr, nullptr, diags); // held: elements() refers into it
            for (const auto &l : labels.elements())
                spec->labelNames << l.asString();
        }
        if (block.type == QLatin1String("block"))
            spec->kind = dec::Spec::Kind::Block;
        else if (block.type == QLatin1String("block_list"))
            spec->kind = dec::Spec::Kind::BlockList;
        else if (block.type == QLatin1String("block_set"))
            spec->kind = dec::Spec::Kind::BlockSet;
        else
            spec->kind = dec::Spec::Kind::BlockMap;
        if (!spec->nested) {
            auto empty = std::make_shared<dec::Spec>();
            spec->nested = empty; // an empty object spec, as hcldec's default
        }
        return spec;
    }

    // Spec blocks inside an object or default carry their key as a label.
    static BodySchema labelledSchema()
    {
        BodySchema s;
        for (const auto &t : specBlockTypes())
            s.blocks.append({t, {QStringLiteral("name")}});
        return s;
    }
};

struct SpecFile
{
    dec::SpecPtr spec;
    EvalContext ctx;
    bool hasVariables = false;
};

SpecFile readSpecFile(const QString &path, Diagnostics &diags)
{
    SpecFile out;
    File f = parseConfig(readFile(path), path, diags);
    SpecReader reader;
    BodySchema schema;
    schema.blocks.append({QStringLiteral("variables"), {}});
    for (const auto &t : SpecReader::specBlockTypes())
        schema.blocks.append({t, {}});
    BodyContent c = f.body->content(schema, diags);
    for (const auto &b : c.blocks) {
        if (b.type == QLatin1String("variables")) {
            for (const auto &a : b.body->justAttributes(diags))
                out.ctx.variables.insert(a.name, evaluate(a.expr, nullptr, diags));
            out.hasVariables = true;
        } else if (!out.spec) {
            out.spec = reader.readSpec(b, QString());
        }
    }
    diags += reader.diags;
    return out;
}

struct ExpectedDiag
{
    Severity severity;
    SourcePos from;
    SourcePos to;
};

struct TestFile
{
    std::optional<Value> result;
    Type resultType = Type::dynamic();
    QList<ExpectedDiag> diagnostics;
    bool checksTraversals = false;
    QList<QPair<SourcePos, SourcePos>> traversals;
};

SourcePos readPos(const BodyPtr &body, Diagnostics &diags)
{
    BodySchema s;
    s.attributes = {{"line", true}, {"column", true}, {"byte", true}};
    BodyContent c = body->content(s, diags);
    auto num = [&](const char *n) {
        const auto *a = c.attribute(QString::fromLatin1(n));
        return a ? static_cast<int>(evaluate(a->expr, nullptr, diags).asNumber().toInt64().value_or(0)) : 0;
    };
    return SourcePos{num("line"), num("column"), num("byte")};
}

QPair<SourcePos, SourcePos> readRange(const BodyPtr &body, Diagnostics &diags)
{
    BodySchema s;
    s.blocks = {{"from", {}}, {"to", {}}};
    BodyContent c = body->content(s, diags);
    QPair<SourcePos, SourcePos> r;
    for (const auto &b : c.blocks)
        (b.type == QLatin1String("from") ? r.first : r.second) = readPos(b.body, diags);
    return r;
}

TestFile readTestFile(const QString &path, Diagnostics &diags)
{
    TestFile t;
    File f = parseConfig(readFile(path), path, diags);
    BodySchema s;
    s.attributes = {{"result", false}, {"result_type", false}};
    s.blocks = {{"diagnostics", {}}, {"traversals", {}}};
    BodyContent c = f.body->content(s, diags);
    if (const auto *a = c.attribute(QStringLiteral("result_type")))
        t.resultType = typeConstraintFromExpr(a->expr, diags);
    if (const auto *a = c.attribute(QStringLiteral("result")))
        t.result = evaluate(a->expr, nullptr, diags);
    for (const auto &b : c.blocks) {
        if (b.type == QLatin1String("diagnostics")) {
            BodySchema ds;
            ds.blocks = {{"error", {}}, {"warning", {}}};
            for (const auto &e : b.body->content(ds, diags).blocks) {
                auto r = readRange(e.body, diags);
                t.diagnostics.append({e.type == QLatin1String("error") ? Severity::Error : Severity::Warning, r.first, r.second});
            }
        } else {
            t.checksTraversals = true;
            BodySchema ts;
            ts.blocks = {{"expect", {}}};
            for (const auto &e : b.body->content(ts, diags).blocks) {
                BodySchema rs;
                rs.blocks = {{"range", {}}};
                for (const auto &r : e.body->content(rs, diags).blocks)
                    t.traversals.append(readRange(r.body, diags));
            }
        }
    }
    return t;
}

} // namespace

class TestSpecSuite : public QObject
{
    Q_OBJECT
private slots:
    void suite_data()
    {
        QTest::addColumn<QString>("testFile");
        QTest::addColumn<QString>("input");
        QDirIterator it(suiteDir(), {QStringLiteral("*.t")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList tests;
        while (it.hasNext())
            tests << it.next();
        tests.sort();
        QVERIFY2(tests.size() >= 15, "the HCL spec suite was not found under shared/corpus");
        for (const auto &t : tests) {
            const QString base = t.left(t.size() - 2);
            for (const QString &input : {base + QStringLiteral(".hcl"), base + QStringLiteral(".hcl.json")}) {
                if (QFile::exists(input))
                    QTest::newRow(qPrintable(QDir(suiteDir()).relativeFilePath(input))) << t << input;
            }
        }
    }

    void suite()
    {
        QFETCH(QString, testFile);
        QFETCH(QString, input);
        const QString base = testFile.left(testFile.size() - 2);

        Diagnostics harness;
        TestFile expect = readTestFile(testFile, harness);
        SpecFile spec = readSpecFile(base + QStringLiteral(".hcldec"), harness);
        QVERIFY2(!harness.hasErrors(), qPrintable(describe(harness)));
        QVERIFY(spec.spec);

        Diagnostics diags;
        const QByteArray src = readFile(input);
        File file = input.endsWith(QLatin1String(".json")) ? json::parseJsonConfig(src, input, diags) : parseConfig(src, input, diags);

        if (expect.checksTraversals && !diags.hasErrors()) {
            const auto got = dec::variables(file.body, spec.spec);
            QCOMPARE(got.size(), expect.traversals.size());
            for (int i = 0; i < got.size(); ++i) {
                QCOMPARE(got[i].range().start, expect.traversals[i].first);
                QCOMPARE(got[i].range().end, expect.traversals[i].second);
            }
        }

        Value value;
        if (!diags.hasErrors()) // hcldec stops at parse errors
            value = dec::decode(file.body, spec.spec, spec.hasVariables ? &spec.ctx : nullptr, diags);

        if (expect.diagnostics.isEmpty()) {
            QVERIFY2(!diags.hasErrors(), qPrintable(describe(diags)));
            if (!expect.resultType.isDynamic())
                QVERIFY2(value.type() == expect.resultType,
                         qPrintable(QStringLiteral("produced %1, expected %2").arg(typeString(value.type()), typeString(expect.resultType))));
            if (expect.result) {
                QString err;
                auto want = convert(*expect.result, expect.resultType, &err);
                QVERIFY2(want, qPrintable(err));
                QVERIFY2(value.rawEquals(*want),
                         qPrintable(QStringLiteral("produced %1, expected %2").arg(value.debugString(), want->debugString())));
            }
            return;
        }

        // Every expected diagnostic is produced, and nothing else in the input.
        QStringList missing, unexpected;
        for (const auto &e : expect.diagnostics) {
            bool found = false;
            for (const auto &d : diags)
                found |= d.severity == e.severity && d.subject && d.subject->start == e.from && d.subject->end == e.to;
            if (!found)
                missing << QStringLiteral("%1:%2-%3:%4").arg(e.from.line).arg(e.from.column).arg(e.to.line).arg(e.to.column);
        }
        for (const auto &d : diags) {
            bool wanted = false;
            for (const auto &e : expect.diagnostics)
                wanted |= d.severity == e.severity && d.subject && d.subject->start == e.from && d.subject->end == e.to;
            if (!wanted && d.subject && d.subject->filename == input)
                unexpected << describe({d}) + QStringLiteral(" [%1-%2:%3 byte %4]").arg(d.subject->start.byte).arg(d.subject->end.line).arg(d.subject->end.column).arg(d.subject->end.byte);
        }
        QVERIFY2(missing.isEmpty() && unexpected.isEmpty(),
                 qPrintable(QStringLiteral("missing: %1\nunexpected: %2").arg(missing.join(u", "), unexpected.join(u"\n"))));
    }
};

QTEST_GUILESS_MAIN(TestSpecSuite)
#include "tst_specsuite.moc"
