#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace kiln::build {

class CancelToken;
using CancelTokenPtr = std::shared_ptr<CancelToken>;

// The one way every long operation learns that it must stop: Ctrl-C, SIGTERM, the GUI's
// Stop button, a provisioner's `timeout` and a dead peer all end up in cancel().
//
// Threading: every member is thread-safe. Callbacks run on the thread that calls cancel(),
// outside the token's lock, exactly once; a callback registered after cancellation runs at
// once on the registering thread. Callbacks must be quick and must not block (kill a
// process group, close a socket, wake a wait).
//
// Header-only so that the communicator layer, which sits below engine/build, can use it.
class CancelToken : public std::enable_shared_from_this<CancelToken>
{
public:
    static CancelTokenPtr create() { return CancelTokenPtr(new CancelToken); }

    // A token that is cancelled when this one is (with this one's reason), and can also be
    // cancelled on its own (a step's timeout) without touching the parent.
    CancelTokenPtr child()
    {
        CancelTokenPtr c = create();
        std::weak_ptr<CancelToken> weak = c;
        const int id = onCancel([weak, this] {
            if (auto strong = weak.lock())
                strong->cancel(reason());
        });
        std::weak_ptr<CancelToken> parent = weak_from_this();
        c->m_detach = [parent, id] {
            if (auto p = parent.lock())
                p->removeCallback(id);
        };
        return c;
    }

    ~CancelToken()
    {
        if (m_detach)
            m_detach();
    }

    // Idempotent; the first reason wins ("interrupted", "timeout after 5s", ...).
    void cancel(const QString &reason = QStringLiteral("interrupted"))
    {
        QHash<int, std::function<void()>> callbacks;
        {
            std::lock_guard lock(m_mutex);
            if (m_cancelled)
                return;
            m_cancelled = true;
            m_reason = reason;
            callbacks.swap(m_callbacks);
        }
        m_wake.notify_all();
        for (const auto &fn : callbacks)
            fn();
    }

    bool isCancelled() const
    {
        std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

    QString reason() const
    {
        std::lock_guard lock(m_mutex);
        return m_reason;
    }

    // Returns an id for removeCallback(); 0 when the callback already ran (cancelled).
    int onCancel(std::function<void()> fn)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_cancelled) {
                const int id = ++m_nextId;
                m_callbacks.insert(id, std::move(fn));
                return id;
            }
        }
        fn();
        return 0;
    }

    void removeCallback(int id)
    {
        std::lock_guard lock(m_mutex);
        m_callbacks.remove(id);
    }

    // Sleeps up to `ms`; returns false as soon as the token is cancelled (also when it
    // already was), true when the time ran out. pause_before, sleep, retries use this.
    bool sleepFor(qint64 ms) const
    {
        std::unique_lock lock(m_mutex);
        return !m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_cancelled; });
    }

private:
    CancelToken() = default;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    bool m_cancelled = false;
    QString m_reason;
    int m_nextId = 0;
    QHash<int, std::function<void()>> m_callbacks;
    std::function<void()> m_detach;
};

// Registers a callback for the lifetime of a scope: a running command unregisters its
// "kill me" callback when it finishes, so a later cancel does not touch a reused pid.
class CancelScope
{
public:
    CancelScope(const CancelTokenPtr &token, std::function<void()> fn)
        : m_token(token)
        , m_id(token ? token->onCancel(std::move(fn)) : 0)
    {
    }
    ~CancelScope()
    {
        if (m_token && m_id)
            m_token->removeCallback(m_id);
    }
    CancelScope(const CancelScope &) = delete;
    CancelScope &operator=(const CancelScope &) = delete;

private:
    CancelTokenPtr m_token;
    int m_id;
};

} // namespace kiln::build
