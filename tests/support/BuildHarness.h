#pragma once

// What component tests need to run a component for real outside a build: an event sink
// that records what the component said, a ComponentConfig made from a QVariantMap, and a
// BuildContext wired to both. Header-only: the test support library links Qt only.

#include "engine/build/BuildContext.h"
#include "engine/build/ComponentConfig.h"
#include "engine/build/SecretFilter.h"

#include <QStringList>
#include <QVariant>

#include <memory>
#include <mutex>

namespace kiln::test {

class RecordingSink : public kiln::build::EventSink
{
public:
    void post(const kiln::build::BuildEvent &event) override
    {
        std::lock_guard lock(m_mutex);
        m_events << event;
    }
    QList<kiln::build::BuildEvent> events() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    // The texts of events of `kind`, a batch of command output counting as its lines.
    QStringList texts(kiln::build::BuildEvent::Kind kind) const
    {
        QStringList out;
        for (const auto &e : events())
            if (e.kind == kind)
                out << kiln::build::eachLine(e, e.text);
        return out;
    }
    QStringList messages() const { return texts(kiln::build::BuildEvent::Kind::Message); }
    QStringList says() const { return texts(kiln::build::BuildEvent::Kind::Say); }
    QStringList errors() const { return texts(kiln::build::BuildEvent::Kind::Error); }

private:
    mutable std::mutex m_mutex;
    QList<kiln::build::BuildEvent> m_events;
};

inline kiln::hcl::Value toValue(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return kiln::hcl::Value::boolean(v.toBool());
    case QMetaType::Int:
    case QMetaType::LongLong:
        return kiln::hcl::Value::number(v.toLongLong());
    case QMetaType::QStringList: {
        QList<kiln::hcl::Value> items;
        for (const QString &s : v.toStringList())
            items << kiln::hcl::Value::string(s);
        return kiln::hcl::Value::tuple(items);
    }
    case QMetaType::QVariantList: {
        QList<kiln::hcl::Value> items;
        for (const QVariant &e : v.toList())
            items << toValue(e);
        return kiln::hcl::Value::tuple(items);
    }
    case QMetaType::QVariantMap: {
        QMap<QString, kiln::hcl::Value> attrs;
        const QVariantMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            attrs.insert(it.key(), toValue(it.value()));
        return kiln::hcl::Value::object(attrs);
    }
    default:
        return kiln::hcl::Value::string(v.toString());
    }
}

inline kiln::build::ComponentConfig configFrom(const QVariantMap &map)
{
    kiln::build::ComponentConfig config(toValue(map));
    config.interpolation.buildName = QStringLiteral("example");
    config.interpolation.buildType = QStringLiteral("null");
    return config;
}

struct Harness
{
    RecordingSink sink;
    std::shared_ptr<kiln::build::SecretFilter> secrets = std::make_shared<kiln::build::SecretFilter>();
    kiln::build::BuildContext ctx;

    Harness()
    {
        ctx.name = QStringLiteral("null.example");
        ctx.builderType = QStringLiteral("null");
        ctx.cancel = kiln::build::CancelToken::create();
        ctx.secrets = secrets;
        ctx.ui = kiln::build::BuildUi(ctx.name, &sink, secrets);
    }
};

} // namespace kiln::test
