#pragma once

#include <QByteArray>
#include <QThreadPool>
#include <deque>
#include <functional>
#include <future>

namespace kiln::components {

// Compresses independent blocks on a thread pool and hands the results back in submission
// order: the skeleton shared by the parallel gzip and BGZF writers (pigz's design).
// In-flight blocks are bounded so memory stays at a few blocks per thread however large
// the input is.
//
// Threading: submit()/drain() are called from one producer thread, which is also the thread
// the consumer callback runs on; the jobs run on the pipeline's own pool.
class BlockPipeline
{
public:
    struct Result
    {
        QByteArray data; // the compressed bytes
        quint32 crc = 0; // CRC-32 of the block's input (gzip)
        qint64 inputSize = 0;
        QString error; // a compressor failure (out of memory, zlib error)
    };
    using Job = std::function<Result()>;
    // Receives results in order; returns false to stop (a write failed).
    using Consumer = std::function<bool(Result &)>;

    BlockPipeline(int threads, Consumer consumer);
    ~BlockPipeline();
    BlockPipeline(const BlockPipeline &) = delete;
    BlockPipeline &operator=(const BlockPipeline &) = delete;

    // Queues a job; may block while the oldest results are consumed. False once the consumer
    // refused a result or a job failed (see error()).
    bool submit(Job job);
    // Waits for every queued job and consumes the results.
    bool drain();
    QString error() const { return m_error; }
    int threads() const { return m_threads; }

private:
    bool consumeFront();

    int m_threads;
    qsizetype m_maxInFlight;
    Consumer m_consumer;
    QThreadPool m_pool;
    std::deque<std::future<Result>> m_pending;
    QString m_error;
};

} // namespace kiln::components
