#pragma once

#include <QByteArray>
#include <QByteArrayView>

struct evp_md_ctx_st;

namespace kiln::components {

// SHA-256 and MD5 through OpenSSL's EVP, which uses the CPU's SHA extensions: Qt 6.4's
// QCryptographicHash::Sha256 is portable C at about 40 MB/s, which made hashing, not the
// network, the limit of every upload (a 16 MiB part cost 0.4 s before a byte was sent).
class OpenSslDigest
{
public:
    enum class Algorithm { Sha256, Md5 };

    explicit OpenSslDigest(Algorithm algorithm);
    ~OpenSslDigest();
    OpenSslDigest(const OpenSslDigest &) = delete;
    OpenSslDigest &operator=(const OpenSslDigest &) = delete;

    void add(QByteArrayView data);
    // The raw digest; the object cannot be fed afterwards.
    QByteArray result();

    static QByteArray hash(QByteArrayView data, Algorithm algorithm);

private:
    evp_md_ctx_st *m_ctx = nullptr;
};

} // namespace kiln::components
