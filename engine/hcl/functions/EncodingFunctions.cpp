// base64encode base64decode base64gzip urlencode textencodebase64
// textdecodebase64: go-cty-funcs' encoding package and Packer's own.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QHash>
#include <QStringDecoder>

#include <cerrno>
#include <iconv.h>
#include <zlib.h>

namespace kiln::hcl::functions {

namespace {

    // base64.StdEncoding.DecodeString: padding required, \r and \n ignored.
    // Returns the offset of the first corrupt byte in *badOffset on failure.
    std::optional<QByteArray> decodeBase64(const QByteArray &in, qsizetype *badOffset)
    {
        static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        QByteArray out;
        quint32 acc = 0;
        int n = 0;
        int pad = 0;
        qsizetype i = 0;
        for (; i < in.size(); ++i) {
            const char c = in[i];
            if (c == '\r' || c == '\n')
                continue;
            if (c == '=') {
                // Padding may only complete the final quantum.
                if (n < 2) {
                    *badOffset = i;
                    return std::nullopt;
                }
                ++pad;
                if (n + pad > 4) {
                    *badOffset = i;
                    return std::nullopt;
                }
                continue;
            }
            const qsizetype d = alphabet.indexOf(c);
            if (d < 0 || pad > 0) {
                *badOffset = i;
                return std::nullopt;
            }
            acc = (acc << 6) | quint32(d);
            if (++n == 4) {
                out += char(acc >> 16);
                out += char(acc >> 8);
                out += char(acc);
                acc = 0;
                n = 0;
            }
        }
        if (n != 0) {
            if (n + pad != 4) {
                *badOffset = in.size() - (pad > 0 ? pad : 0);
                return std::nullopt;
            }
            if (n == 2)
                out += char(acc >> 4);
            else if (n == 3) {
                out += char(acc >> 10);
                out += char(acc >> 2);
            }
        } else if (pad > 0) {
            *badOffset = in.size() - pad;
            return std::nullopt;
        }
        return out;
    }

    bool validUtf8(const QByteArray &b)
    {
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        (void)QString(dec.decode(b));
        return !dec.hasError();
    }

    // url.QueryEscape
    QString queryEscape(const QString &s)
    {
        QString out;
        for (const char c : s.toUtf8()) {
            const uchar u = uchar(c);
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_' || u == '.' || u == '~')
                out += QLatin1Char(c);
            else if (u == ' ')
                out += QLatin1Char('+');
            else
                out += QStringLiteral("%%1").arg(uint(u), 2, 16, QLatin1Char('0')).toUpper();
        }
        return out;
    }

    // Go's gzip.Writer output framing (no name, mtime 0, OS "unknown") around a
    // zlib deflate stream that, like Go's Flush+Close, ends with a sync flush and
    // an empty final stored block. The deflate bytes themselves come from zlib,
    // not Go's compressor, so they can differ from Packer's while decompressing
    // to the same text.
    QByteArray gzipLikeGo(const QByteArray &data)
    {
        QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
        z_stream zs {};
        deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        QByteArray buf(int(deflateBound(&zs, uLong(data.size())) + 64), Qt::Uninitialized);
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        zs.avail_in = uInt(data.size());
        zs.next_out = reinterpret_cast<Bytef *>(buf.data());
        zs.avail_out = uInt(buf.size());
        deflate(&zs, Z_SYNC_FLUSH);
        out += buf.left(buf.size() - zs.avail_out);
        deflateEnd(&zs);
        out += QByteArray("\x01\x00\x00\xff\xff", 5);
        const uLong crc = crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size()));
        for (int i = 0; i < 4; ++i)
            out += char((crc >> (8 * i)) & 0xff);
        const quint32 size = quint32(data.size());
        for (int i = 0; i < 4; ++i)
            out += char((size >> (8 * i)) & 0xff);
        return out;
    }

    // The IANA name Go's ianaindex reports for the common encodings; others are
    // shown as given.
    QString ianaName(const QString &given)
    {
        static const QHash<QString, QString> names {
            {QStringLiteral("utf8"), QStringLiteral("UTF-8")}, {QStringLiteral("utf-8"), QStringLiteral("UTF-8")},
            {QStringLiteral("utf-16"), QStringLiteral("UTF-16")}, {QStringLiteral("utf-16le"), QStringLiteral("UTF-16LE")},
            {QStringLiteral("utf-16be"), QStringLiteral("UTF-16BE")}, {QStringLiteral("latin1"), QStringLiteral("ISO-8859-1")},
            {QStringLiteral("iso-8859-1"), QStringLiteral("ISO-8859-1")}, {QStringLiteral("iso_8859-1"), QStringLiteral("ISO-8859-1")},
            {QStringLiteral("us-ascii"), QStringLiteral("US-ASCII")}, {QStringLiteral("ascii"), QStringLiteral("US-ASCII")},
            {QStringLiteral("windows-1252"), QStringLiteral("windows-1252")}, {QStringLiteral("cp1252"), QStringLiteral("windows-1252")},
            {QStringLiteral("shift_jis"), QStringLiteral("Shift_JIS")}, {QStringLiteral("gbk"), QStringLiteral("GBK")},
            {QStringLiteral("big5"), QStringLiteral("Big5")}, {QStringLiteral("euc-jp"), QStringLiteral("EUC-JP")},
            {QStringLiteral("euc-kr"), QStringLiteral("EUC-KR")}, {QStringLiteral("koi8-r"), QStringLiteral("KOI8-R")},
            {QStringLiteral("iso-8859-15"), QStringLiteral("ISO-8859-15")}, {QStringLiteral("windows-1251"), QStringLiteral("windows-1251")},
        };
        return names.value(given.toLower(), given);
    }

    enum class IconvResult { Ok, NoSuchEncoding, Invalid };

    // Converts with glibc's iconv, which knows the IANA names and aliases.
    IconvResult convertBytes(const QByteArray &in, const QString &from, const QString &to, QByteArray &out)
    {
        iconv_t cd = iconv_open(to.toLatin1().constData(), from.toLatin1().constData());
        if (cd == iconv_t(-1))
            return IconvResult::NoSuchEncoding;
        out = QByteArray(in.size() * 4 + 16, Qt::Uninitialized);
        char *inp = const_cast<char *>(in.constData());
        size_t inLeft = size_t(in.size());
        char *outp = out.data();
        size_t outLeft = size_t(out.size());
        IconvResult r = IconvResult::Ok;
        if (iconv(cd, &inp, &inLeft, &outp, &outLeft) == size_t(-1))
            r = IconvResult::Invalid;
        else if (iconv(cd, nullptr, nullptr, &outp, &outLeft) == size_t(-1))
            r = IconvResult::Invalid;
        out.truncate(out.size() - qsizetype(outLeft));
        iconv_close(cd);
        return r;
    }

    bool knownEncoding(const QString &name)
    {
        if (name.isEmpty())
            return false;
        iconv_t cd = iconv_open("UTF-8", name.toLatin1().constData());
        if (cd == iconv_t(-1))
            return false;
        iconv_close(cd);
        return true;
    }

} // namespace

void addEncodingFunctions(FunctionTable &t)
{
    const Type str = Type::string();
    add(t, simpleFunction(QStringLiteral("base64encode"), QStringLiteral("Applies Base64 encoding to a string."),
                          {param(QStringLiteral("str"), str)}, str, [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::string(QString::fromLatin1(a[0].asString().toUtf8().toBase64()));
                          }));
    add(t, simpleFunction(QStringLiteral("base64decode"), QStringLiteral("Decodes a string containing a base64 sequence."),
                          {param(QStringLiteral("str"), str)}, str, [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const QString s = a[0].asString();
                              qsizetype bad = 0;
                              std::optional<QByteArray> dec = decodeBase64(s.toUtf8(), &bad);
                              if (!dec)
                                  return fail(err, -1, QStringLiteral("failed to decode base64 data '%1'").arg(s));
                              if (!validUtf8(*dec))
                                  return fail(err, -1, QStringLiteral("the result of decoding the the provided string is not valid UTF-8"));
                              return Value::string(QString::fromUtf8(*dec));
                          }));
    add(t, simpleFunction(QStringLiteral("base64gzip"), QStringLiteral("Compresses the given string with gzip and then encodes the result in Base64."),
                          {param(QStringLiteral("str"), str)}, str, [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::string(QString::fromLatin1(gzipLikeGo(a[0].asString().toUtf8()).toBase64()));
                          }));
    add(t, simpleFunction(QStringLiteral("urlencode"), QStringLiteral("Applies URL encoding to a given string."),
                          {param(QStringLiteral("str"), str)}, str, [](const QList<Value> &a, const Type &, FunctionError &) {
                              return Value::string(queryEscape(a[0].asString()));
                          }));

    add(t, simpleFunction(QStringLiteral("textencodebase64"),
                          QStringLiteral("Encodes the input string (UTF-8) to the destination encoding. The output is base64 to account for cty limiting strings to NFC normalised UTF-8 strings."),
                          {param(QStringLiteral("string"), str), param(QStringLiteral("encoding"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const QString enc = a[1].asString();
                              if (!knownEncoding(enc))
                                  return fail(err, 1, QStringLiteral("%1 is not a supported IANA encoding name or alias").arg(goQuote(enc)));
                              QByteArray out;
                              if (convertBytes(a[0].asString().toUtf8(), QStringLiteral("UTF-8"), enc, out) != IconvResult::Ok)
                                  return fail(err, 0, QStringLiteral("the given string contains characters that cannot be represented in %1").arg(ianaName(enc)));
                              return Value::string(QString::fromLatin1(out.toBase64()));
                          }));
    add(t, simpleFunction(QStringLiteral("textdecodebase64"),
                          QStringLiteral("Encodes the input base64 blob from an encoding to utf-8. The input is base64 to account for cty limiting strings to NFC normalised UTF-8 strings."),
                          {param(QStringLiteral("source"), str), param(QStringLiteral("encoding"), str)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              const QString enc = a[1].asString();
                              if (!knownEncoding(enc))
                                  return fail(err, 1, QStringLiteral("%1 is not a supported IANA encoding name or alias").arg(goQuote(enc)));
                              qsizetype bad = 0;
                              std::optional<QByteArray> raw = decodeBase64(a[0].asString().toUtf8(), &bad);
                              if (!raw)
                                  return fail(err, 0, QStringLiteral("the given value is has an invalid base64 symbol at offset %1").arg(bad));
                              QByteArray out;
                              if (convertBytes(*raw, enc, QStringLiteral("UTF-8"), out) != IconvResult::Ok || QString::fromUtf8(out).contains(QChar(0xFFFD)))
                                  return fail(err, 0, QStringLiteral("the given string contains symbols that are not defined for %1").arg(ianaName(enc)));
                              return Value::string(QString::fromUtf8(out));
                          }));
}

} // namespace kiln::hcl::functions
