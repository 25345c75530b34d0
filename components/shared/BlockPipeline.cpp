#include "components/shared/BlockPipeline.h"

#include <memory>

namespace kiln::components {

BlockPipeline::BlockPipeline(int threads, Consumer consumer)
    : m_threads(qMax(1, threads))
    , m_maxInFlight(8 * m_threads + 4)
    , m_consumer(std::move(consumer))
{
    m_pool.setMaxThreadCount(m_threads);
}

BlockPipeline::~BlockPipeline()
{
    // Jobs reference blocks owned by their closures only, but the consumer may reference the
    // caller's state: wait for every job before anything is torn down.
    m_pool.waitForDone();
}

bool BlockPipeline::submit(Job job)
{
    if (!m_error.isEmpty())
        return false;
    auto promise = std::make_shared<std::promise<Result>>();
    m_pending.push_back(promise->get_future());
    m_pool.start([promise, job = std::move(job)] {
        try {
            promise->set_value(job());
        } catch (const std::bad_alloc &) {
            Result r;
            r.error = QStringLiteral("out of memory");
            promise->set_value(std::move(r));
        }
    });
    // Hand over whatever is already done so output keeps flowing, then bound the queue.
    while (!m_pending.empty()
        && m_pending.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        if (!consumeFront())
            return false;
    }
    while (qsizetype(m_pending.size()) > m_maxInFlight) {
        if (!consumeFront())
            return false;
    }
    return true;
}

bool BlockPipeline::drain()
{
    while (!m_pending.empty()) {
        if (!consumeFront())
            return false;
    }
    return m_error.isEmpty();
}

bool BlockPipeline::consumeFront()
{
    Result r = m_pending.front().get();
    m_pending.pop_front();
    if (!r.error.isEmpty()) {
        m_error = r.error;
        return false;
    }
    if (!m_consumer(r)) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("write failed");
        return false;
    }
    return true;
}

} // namespace kiln::components
