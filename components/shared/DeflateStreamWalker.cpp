#include "components/shared/DeflateStreamWalker.h"

#include <QtEndian>
#include <array>
#include <vector>

namespace kiln::components {

namespace {

// Least-significant-bit-first reader, as deflate packs its bits, over a 64-bit buffer that
// refill() tops up to at least 56 bits: enough for a length and a distance with their extra
// bits. Reads past the end give zero bits; callers check overrun() so a truncated stream is
// an error, not a crash.
class BitReader
{
public:
    BitReader(const uchar *data, qsizetype size)
        : m_data(data)
        , m_size(size)
    { }

    void refill()
    {
        if (m_next + 8 <= m_size) {
            m_buffer |= qFromLittleEndian<quint64>(m_data + m_next) << m_count;
            m_next += (63 - m_count) >> 3;
            m_count |= 56;
            return;
        }
        while (m_count <= 56) {
            const quint64 byte = m_next < m_size ? m_data[m_next] : 0;
            m_buffer |= byte << m_count;
            ++m_next;
            m_count += 8;
        }
    }
    // At most the bits refill() guaranteed.
    quint32 peek(int count) const { return quint32(m_buffer & ((quint64(1) << count) - 1)); }
    void skip(int count)
    {
        m_buffer >>= count;
        m_count -= count;
    }
    quint32 take(int count)
    {
        if (m_count < count)
            refill();
        const quint32 value = peek(count);
        skip(count);
        return value;
    }
    qint64 position() const { return qint64(m_next) * 8 - m_count; }
    // Moves to an absolute bit offset (stored blocks: byte alignment and their raw bytes).
    void seek(qint64 bit)
    {
        m_next = qsizetype(bit / 8);
        m_buffer = 0;
        m_count = 0;
        refill();
        skip(int(bit % 8));
    }
    bool overrun() const { return position() > qint64(m_size) * 8; }

private:
    const uchar *m_data;
    qsizetype m_size;
    qsizetype m_next = 0; // next byte to load into the buffer
    quint64 m_buffer = 0;
    int m_count = 0; // valid bits in the buffer
};

// A canonical Huffman code as a two-level lookup table: the next 10 input bits index the
// first level, which holds every shorter code directly (nearly all symbols) and links the
// rare longer ones to a second-level table. The first level stays in L1 cache.
class HuffmanTable
{
public:
    bool build(const quint8 *lengths, int count)
    {
        std::array<int, 16> perLength{};
        for (int i = 0; i < count; ++i)
            ++perLength[lengths[i]];
        perLength[0] = 0;
        int maxLength = 0;
        int left = 1;
        for (int len = 1; len < 16; ++len) {
            left = (left << 1) - perLength[len];
            if (left < 0)
                return false; // over-subscribed
            if (perLength[len])
                maxLength = len;
        }
        m_primaryBits = qMin(maxLength, kPrimaryBits);
        const quint32 primarySize = quint32(1) << m_primaryBits;
        const quint32 primaryMask = primarySize - 1;
        m_entries.assign(primarySize, 0);

        std::array<quint32, 16> next{};
        quint32 code = 0;
        for (int len = 1; len < 16; ++len) {
            code = (code + quint32(perLength[len - 1])) << 1;
            next[len] = code;
        }
        // Codes bit-reversed, as they arrive least significant bit first.
        std::array<quint32, 320> reversed{};
        std::array<quint8, 1 << kPrimaryBits> subBits{};
        for (int symbol = 0; symbol < count; ++symbol) {
            const int len = lengths[symbol];
            if (!len)
                continue;
            const quint32 value = next[len]++;
            quint32 r = 0;
            for (int b = 0; b < len; ++b)
                r |= ((value >> b) & 1u) << (len - 1 - b);
            reversed[symbol] = r;
            if (len <= m_primaryBits) {
                for (quint32 i = r; i < primarySize; i += quint32(1) << len)
                    m_entries[i] = quint32(symbol) << 8 | quint32(len);
            } else {
                quint8 &bits = subBits[r & primaryMask];
                bits = quint8(qMax(int(bits), len - m_primaryBits));
            }
        }
        if (maxLength <= m_primaryBits)
            return true;
        for (quint32 prefix = 0; prefix < primarySize; ++prefix) {
            if (!subBits[prefix])
                continue;
            const quint32 offset = quint32(m_entries.size());
            m_entries[prefix] = offset << 8 | kLink | subBits[prefix];
            m_entries.resize(offset + (size_t(1) << subBits[prefix]), 0);
        }
        for (int symbol = 0; symbol < count; ++symbol) {
            const int len = lengths[symbol];
            if (len <= m_primaryBits)
                continue;
            const quint32 link = m_entries[reversed[symbol] & primaryMask];
            const quint32 offset = link >> 8;
            const quint32 size = quint32(1) << (link & 15);
            const int rest = len - m_primaryBits;
            for (quint32 i = reversed[symbol] >> m_primaryBits; i < size; i += quint32(1) << rest)
                m_entries[offset + i] = quint32(symbol) << 8 | quint32(rest);
        }
        return true;
    }

    // The next symbol, or -1 for a bit pattern the code does not use. The reader must hold
    // at least 15 bits.
    int decode(BitReader &in) const
    {
        quint32 entry = m_entries[in.peek(m_primaryBits)];
        if (entry & kLink) {
            in.skip(m_primaryBits);
            entry = m_entries[(entry >> 8) + in.peek(int(entry & 15))];
        }
        if (!(entry & 15))
            return -1;
        in.skip(int(entry & 15));
        return int(entry >> 8);
    }

private:
    static constexpr int kPrimaryBits = 10;
    // An entry is symbol << 8 | code length (bits consumed at this level), or, in the first
    // level, second-level offset << 8 | kLink | second-level index bits; 0 is unused.
    static constexpr quint32 kLink = 0x10;
    std::vector<quint32> m_entries{0};
    int m_primaryBits = 0;
};

struct FixedTables
{
    HuffmanTable literals;
    HuffmanTable distances;
    FixedTables()
    {
        std::array<quint8, 288> lit{};
        for (int i = 0; i < 288; ++i)
            lit[i] = i < 144 ? 8 : (i < 256 ? 9 : (i < 280 ? 7 : 8));
        literals.build(lit.data(), 288);
        std::array<quint8, 30> dist;
        dist.fill(5);
        distances.build(dist.data(), 30);
    }
};

bool readDynamicTables(BitReader &in, HuffmanTable &literals, HuffmanTable &distances)
{
    static constexpr int kOrder[19]
        = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    const int hlit = int(in.take(5)) + 257;
    const int hdist = int(in.take(5)) + 1;
    const int hclen = int(in.take(4)) + 4;
    if (hlit > 286 || hdist > 30)
        return false;
    std::array<quint8, 19> codeLengthLengths{};
    for (int i = 0; i < hclen; ++i)
        codeLengthLengths[kOrder[i]] = quint8(in.take(3));
    HuffmanTable codeLengths;
    if (!codeLengths.build(codeLengthLengths.data(), 19))
        return false;
    std::array<quint8, 286 + 30> lengths{};
    const int total = hlit + hdist;
    for (int i = 0; i < total;) {
        if (in.overrun())
            return false;
        in.refill();
        const int symbol = codeLengths.decode(in);
        if (symbol < 0)
            return false;
        if (symbol < 16) {
            lengths[i++] = quint8(symbol);
            continue;
        }
        int repeat = 0;
        quint8 value = 0;
        if (symbol == 16) {
            if (i == 0)
                return false;
            value = lengths[i - 1];
            repeat = 3 + int(in.take(2));
        } else if (symbol == 17) {
            repeat = 3 + int(in.take(3));
        } else {
            repeat = 11 + int(in.take(7));
        }
        if (i + repeat > total)
            return false;
        while (repeat-- > 0)
            lengths[i++] = value;
    }
    if (lengths[256] == 0) // no end-of-block code: the block could never end
        return false;
    return literals.build(lengths.data(), hlit) && distances.build(lengths.data() + hlit, hdist);
}

// Skips one Huffman-coded block's symbols up to and including its end-of-block code.
// Decoding is a serial chain (each code's length gives the next one's position), so the
// loop keeps that chain short: up to three literals per refill (3 x 15 bits fit the 56
// refill() guarantees) and the end-of-data check only when refilling.
bool skipSymbols(BitReader &in, const HuffmanTable &literals, const HuffmanTable &distances)
{
    for (;;) {
        if (in.overrun())
            return false;
        in.refill();
        int symbol = literals.decode(in);
        if (symbol >= 0 && symbol < 256) {
            symbol = literals.decode(in);
            if (symbol >= 0 && symbol < 256) {
                symbol = literals.decode(in);
                if (symbol >= 0 && symbol < 256)
                    continue;
            }
            in.refill(); // a length and distance may need 48 more bits
        }
        if (symbol < 0)
            return false;
        if (symbol == 256)
            return true;
        symbol -= 257;
        if (symbol >= 29)
            return false;
        in.skip(symbol < 8 || symbol == 28 ? 0 : (symbol - 4) / 4);
        const int distance = distances.decode(in);
        if (distance < 0 || distance >= 30)
            return false;
        in.skip(distance < 4 ? 0 : distance / 2 - 1);
    }
}

} // namespace

DeflateStreamWalker::Result DeflateStreamWalker::walk(const uchar *data, qsizetype size)
{
    static const FixedTables fixed;
    HuffmanTable literals;
    HuffmanTable distances;
    BitReader in(data, size);
    Result result;
    for (;;) {
        const qint64 header = in.position();
        const bool final = in.take(1) != 0;
        const quint32 type = in.take(2);
        bool ok = false;
        if (type == 0) {
            in.seek((in.position() + 7) & ~qint64(7));
            const quint32 length = in.take(16);
            const quint32 complement = in.take(16);
            ok = (length ^ 0xffffu) == complement;
            in.seek(in.position() + qint64(length) * 8);
        } else if (type == 1) {
            ok = skipSymbols(in, fixed.literals, fixed.distances);
        } else if (type == 2) {
            ok = readDynamicTables(in, literals, distances) && skipSymbols(in, literals, distances);
        }
        if (!ok || in.overrun())
            return result;
        if (final) {
            result.ok = true;
            result.finalHeaderBit = header;
            result.endBit = in.position();
            return result;
        }
    }
}

} // namespace kiln::components
