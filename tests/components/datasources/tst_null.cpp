#include "components/Descriptors.h"
#include "components/datasources/null/NullDataSource.h"
#include "engine/build/ComponentConfig.h"

#include <QTest>

using namespace kiln;
using namespace kiln::components;
using hcl::Value;

class TestNullDataSource : public QObject
{
    Q_OBJECT

private slots:
    void descriptorCreatesRunnableComponent()
    {
        const auto d = nullDataSourceDescriptor();
        QVERIFY(d.create);
        auto component = d.create();
        QVERIFY(dynamic_cast<NullDataSource *>(component.get()));
        QVERIFY(d.outputs.field(QStringLiteral("output")));
    }

    void inputBecomesOutput_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("word") << "foo";
        QTest::newRow("spaces and unicode") << " ä b\n";
        QTest::newRow("template-looking") << "${var.x} {{ user `y` }}";
    }

    void inputBecomesOutput()
    {
        QFETCH(QString, input);
        NullDataSource ds;
        const auto prepared = ds.prepare(build::ComponentConfig(
            Value::object({{QStringLiteral("input"), Value::string(input)}})));
        QVERIFY(prepared.ok());
        QString error;
        const Value out = ds.execute(build::CancelToken::create(), &error);
        QCOMPARE(error, QString());
        QVERIFY(out.type().kind() == hcl::Type::Kind::Object);
        QCOMPARE(out.attributes().keys(), QStringList{QStringLiteral("output")});
        QCOMPARE(
            out.attribute(QStringLiteral("output")).asString(), Value::string(input).asString());
    }

    void missingInput_data()
    {
        QTest::addColumn<Value>("config");
        QTest::newRow("absent") << Value::emptyObject();
        QTest::newRow("empty") << Value::object(
            {{QStringLiteral("input"), Value::string(QString())}});
        QTest::newRow("null") << Value::object(
            {{QStringLiteral("input"), Value::null(hcl::Type::string())}});
    }

    void missingInput()
    {
        QFETCH(Value, config);
        NullDataSource ds;
        QCOMPARE(ds.prepare(build::ComponentConfig(config)).errors,
            QStringList{"The `input` must be specified"});
    }
};

QTEST_MAIN(TestNullDataSource)
#include "tst_null.moc"
