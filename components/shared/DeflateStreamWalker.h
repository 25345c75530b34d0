#pragma once

#include <QtGlobal>

namespace kiln::components {

// Walks a complete raw deflate stream (RFC 1951) block by block without producing output,
// to find where its final block starts and where the stream ends, to the bit.
//
// Why: libdeflate compresses a whole buffer at a time and always ends it with a final
// block. To join independently compressed pieces into ONE deflate stream (one gzip member,
// as gzip and pigz write), every piece but the last must have that final bit cleared and be
// followed by an empty stored block; both need the bit positions this walker finds.
// Decoding the Huffman symbols costs a small fraction of compressing them.
//
// Threading: stateless; safe to call from any thread.
class DeflateStreamWalker
{
public:
    struct Result
    {
        bool ok = false;
        qint64 finalHeaderBit = 0; // bit offset of the final block's BFINAL bit
        qint64 endBit = 0; // bit offset just past the final block
    };

    // Walks `size` bytes; ok is false if the data is not a well-formed deflate stream that
    // ends with a final block within those bytes.
    static Result walk(const uchar *data, qsizetype size);
};

} // namespace kiln::components
