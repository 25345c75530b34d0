#include "components/shared/s3/OpenSslDigest.h"

#include <openssl/evp.h>

namespace kiln::components {

OpenSslDigest::OpenSslDigest(Algorithm algorithm)
    : m_ctx(EVP_MD_CTX_new())
{
    EVP_DigestInit_ex(m_ctx, algorithm == Algorithm::Sha256 ? EVP_sha256() : EVP_md5(), nullptr);
}

OpenSslDigest::~OpenSslDigest()
{
    EVP_MD_CTX_free(m_ctx);
}

void OpenSslDigest::add(QByteArrayView data)
{
    EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size()));
}

QByteArray OpenSslDigest::result()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, out, &length);
    return QByteArray(reinterpret_cast<const char *>(out), qsizetype(length));
}

QByteArray OpenSslDigest::hash(QByteArrayView data, Algorithm algorithm)
{
    OpenSslDigest digest(algorithm);
    digest.add(data);
    return digest.result();
}

} // namespace kiln::components
