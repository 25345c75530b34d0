#pragma once

#include <QString>

namespace kiln::components {

// A sink for a stream of bytes: a file, or a compressor that forwards to another sink.
// The archive writers and the compressors are chained through it, so tar can stream into
// the parallel gzip, zstd or BGZF compressor without an intermediate file.
//
// Threading: one producer thread; implementations may use worker threads internally.
class ByteStream
{
public:
    virtual ~ByteStream() = default;

    // Consumes `size` bytes. Returns false on failure, with errorString() set.
    virtual bool write(const char *data, qsizetype size) = 0;
    // Flushes everything and writes any trailer. No write() may follow.
    virtual bool finish() = 0;
    virtual QString errorString() const = 0;
};

} // namespace kiln::components
