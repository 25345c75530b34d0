#include "engine/registry/Registry.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace kiln::registry;

namespace {

ComponentDescriptor make(ComponentKind kind, const QString &type)
{
    ComponentDescriptor d;
    d.kind = kind;
    d.typeName = type;
    d.displayName = type.toUpper();
    d.schema.add(Field::string("k").withHelp("h"));
    return d;
}

// A component that describes itself statically, for typed registration.
struct FakeSleepProvisioner
{
    static ComponentDescriptor descriptor()
    {
        ComponentDescriptor d = make(ComponentKind::Provisioner, "sleep");
        d.schema.add(Field::duration("duration").withHelp("How long."));
        return d;
    }
};

} // namespace

class TestRegistry : public QObject
{
    Q_OBJECT

private slots:
    void lookupByKindAndType()
    {
        Registry r;
        QVERIFY(r.add(make(ComponentKind::Builder, "file")));
        QVERIFY(r.add(make(ComponentKind::Provisioner, "file")));
        QVERIFY(r.add(make(ComponentKind::PostProcessor, "manifest")));
        QCOMPARE(r.size(), 3);
        const ComponentDescriptor *b = r.find(ComponentKind::Builder, "file");
        const ComponentDescriptor *p = r.find(ComponentKind::Provisioner, "file");
        QVERIFY(b && p && b != p);
        QCOMPARE(b->kind, ComponentKind::Builder);
        QCOMPARE(p->kind, ComponentKind::Provisioner);
        QVERIFY(!r.find(ComponentKind::DataSource, "file"));
        QVERIFY(!r.find(ComponentKind::Builder, "File"));
        QVERIFY(r.contains(ComponentKind::PostProcessor, "manifest"));
    }

    void duplicatesKeepFirst()
    {
        Registry r;
        ComponentDescriptor first = make(ComponentKind::Builder, "null");
        first.displayName = "First";
        ComponentDescriptor second = make(ComponentKind::Builder, "null");
        second.displayName = "Second";
        QVERIFY(r.add(first));
        QVERIFY(!r.add(second));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.find(ComponentKind::Builder, "null")->displayName, QStringLiteral("First"));
    }

    void listingKeepsRegistrationOrder()
    {
        Registry r;
        const QStringList builders{"qemu", "docker", "null", "amazon-ebs"};
        for (const QString &t : builders) {
            r.add(make(ComponentKind::Builder, t));
            r.add(make(ComponentKind::DataSource, t + "-ds"));
        }
        QCOMPARE(r.typeNames(ComponentKind::Builder), builders);
        const auto list = r.list(ComponentKind::Builder);
        QCOMPARE(list.size(), builders.size());
        for (qsizetype i = 0; i < list.size(); ++i)
            QCOMPARE(list[i]->typeName, builders[i]);
        QCOMPARE(r.list(ComponentKind::DataSource).first()->typeName, QStringLiteral("qemu-ds"));
        QVERIFY(r.list(ComponentKind::Provisioner).isEmpty());
    }

    void pointersStayValid()
    {
        Registry r;
        r.add(make(ComponentKind::Builder, "b0"));
        const ComponentDescriptor *first = r.find(ComponentKind::Builder, "b0");
        for (int i = 1; i < 200; ++i)
            r.add(make(ComponentKind::Builder, QStringLiteral("b%1").arg(i)));
        QCOMPARE(r.find(ComponentKind::Builder, "b0"), first);
        QCOMPARE(first->typeName, QStringLiteral("b0"));
    }

    void didYouMean()
    {
        Registry r;
        for (const char *t : {"null", "file", "docker", "qemu", "virtualbox-iso"})
            r.add(make(ComponentKind::Builder, t));
        r.add(make(ComponentKind::Provisioner, "shell"));
        QCOMPARE(r.suggest(ComponentKind::Builder, "dockr"), QStringLiteral("docker"));
        QCOMPARE(
            r.suggest(ComponentKind::Builder, "virtualbox-is"), QStringLiteral("virtualbox-iso"));
        QCOMPARE(r.suggest(ComponentKind::Builder, "potatoes"), QString());
        // Suggestions never cross kinds.
        QCOMPARE(r.suggest(ComponentKind::Builder, "shel"), QString());
        QCOMPARE(r.suggest(ComponentKind::Provisioner, "shel"), QStringLiteral("shell"));
    }

    void typedRegistration()
    {
        Registry r;
        QVERIFY(r.add<FakeSleepProvisioner>());
        QVERIFY(!r.add<FakeSleepProvisioner>());
        const ComponentDescriptor *d = r.find(ComponentKind::Provisioner, "sleep");
        QVERIFY(d);
        QCOMPARE(d->schema.field("duration")->type(), FieldType::Duration);
    }

    // A component registered by its describing function costs nothing until it is used:
    // names are known at once, the descriptor is made on first find() or list(), once,
    // even when threads ask for it together, and a factory attached later sticks to it.
    void describedOnFirstUse()
    {
        static std::atomic<int> calls;
        calls = 0;
        Registry r;
        QVERIFY(r.add(ComponentKind::Builder, "docker", [] {
            ++calls;
            return make(ComponentKind::Builder, "docker");
        }));
        QVERIFY(r.add(ComponentKind::Builder, "qemu", [] {
            ++calls;
            return make(ComponentKind::Builder, "qemu");
        }));
        QVERIFY(!r.add(ComponentKind::Builder, "docker", [] { return ComponentDescriptor(); }));
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.typeNames(ComponentKind::Builder), (QStringList{"docker", "qemu"}));
        QCOMPARE(r.suggest(ComponentKind::Builder, "dokcer"), QStringLiteral("docker"));
        QVERIFY(r.contains(ComponentKind::Builder, "qemu"));
        QCOMPARE(calls.load(), 1); // contains() found qemu, which describes it

        std::vector<std::thread> threads;
        std::atomic<const ComponentDescriptor *> seen[8] = {};
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&, i] { seen[i] = r.find(ComponentKind::Builder, "docker"); });
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(calls.load(), 2);
        for (const auto &p : seen)
            QCOMPARE(p.load(), r.find(ComponentKind::Builder, "docker"));
        QCOMPARE(r.find(ComponentKind::Builder, "docker")->displayName, QStringLiteral("DOCKER"));

        QVERIFY(r.setFactory(
            ComponentKind::Builder, "qemu", [] { return std::unique_ptr<Component>(); }));
        QVERIFY(bool(r.find(ComponentKind::Builder, "qemu")->create));
        QCOMPARE(r.list(ComponentKind::Builder).size(), 2);
        QCOMPARE(calls.load(), 2);
        QVERIFY(!r.find(ComponentKind::Provisioner, "docker"));
    }

    void kindNames()
    {
        QCOMPARE(componentKindName(ComponentKind::Builder), QStringLiteral("builder"));
        QCOMPARE(componentKindName(ComponentKind::PostProcessor), QStringLiteral("post-processor"));
        QCOMPARE(componentKindName(ComponentKind::DataSource), QStringLiteral("data source"));
        QCOMPARE(componentBlockType(ComponentKind::Builder), QStringLiteral("source"));
        QCOMPARE(componentBlockType(ComponentKind::DataSource), QStringLiteral("data"));
        for (ComponentKind k : allComponentKinds)
            QCOMPARE(componentKindFromBlockType(componentBlockType(k)), std::optional(k));
        QVERIFY(!componentKindFromBlockType("build").has_value());
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
