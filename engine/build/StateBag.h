#pragma once

#include <QHash>
#include <QString>

#include <any>
#include <mutex>

namespace kiln::build {

// The values a builder's steps hand to each other (Packer's multistep.StateBag): the
// instance id a create step made, the communicator a connect step opened, the error that
// halted the run. Typed access: get<T>() returns null when the key is missing or holds
// another type, so a step never misreads what another put.
//
// Threading: guarded, so a cleanup triggered while another thread reads is safe; pointers
// returned by get() stay valid until the key is replaced or removed.
class StateBag
{
public:
    template <typename T> void put(const QString &key, T value)
    {
        std::lock_guard lock(m_mutex);
        m_values.insert(key, std::any(std::move(value)));
    }

    template <typename T> T *get(const QString &key)
    {
        std::lock_guard lock(m_mutex);
        auto it = m_values.find(key);
        return it == m_values.end() ? nullptr : std::any_cast<T>(&it.value());
    }

    template <typename T> T value(const QString &key, T fallback = T()) 
    {
        T *v = get<T>(key);
        return v ? *v : fallback;
    }

    bool contains(const QString &key) const
    {
        std::lock_guard lock(m_mutex);
        return m_values.contains(key);
    }

    void remove(const QString &key)
    {
        std::lock_guard lock(m_mutex);
        m_values.remove(key);
    }

private:
    mutable std::mutex m_mutex;
    QHash<QString, std::any> m_values;
};

} // namespace kiln::build
