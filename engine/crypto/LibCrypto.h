#pragma once

#include <QString>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace kiln::crypto {

// OpenSSL's libcrypto, opened the first time a caller needs it. The kiln executable
// (validate, fmt, inspect, console) must not link it: libcrypto's 4,000 symbol
// bindings, made at load time, were a quarter of a small `kiln validate`. Only
// rsadecrypt() and the check of an SSH private key file need it there; they call
// through this table. The runtime module links OpenSSL as usual.
//
// Each member has the type and name of the OpenSSL 3 function it points to.
class LibCrypto
{
public:
    // The loaded library's functions, or nullptr with the reason in `error` when
    // libcrypto.so.3 cannot be opened or lacks one of them. Thread-safe; opens once.
    static const LibCrypto *get(QString *error = nullptr);

    decltype(&::BIO_new_mem_buf) BIO_new_mem_buf = nullptr;
    decltype(&::BIO_free) BIO_free = nullptr;
    decltype(&::PEM_read_bio_PrivateKey) PEM_read_bio_PrivateKey = nullptr;
    decltype(&::d2i_PrivateKey) d2i_PrivateKey = nullptr;
    decltype(&::d2i_AutoPrivateKey) d2i_AutoPrivateKey = nullptr;
    decltype(&::EVP_PKEY_free) EVP_PKEY_free = nullptr;
    decltype(&::EVP_PKEY_CTX_new) EVP_PKEY_CTX_new = nullptr;
    decltype(&::EVP_PKEY_CTX_free) EVP_PKEY_CTX_free = nullptr;
    decltype(&::EVP_PKEY_decrypt_init) EVP_PKEY_decrypt_init = nullptr;
    decltype(&::EVP_PKEY_CTX_set_rsa_padding) EVP_PKEY_CTX_set_rsa_padding = nullptr;
    decltype(&::EVP_PKEY_decrypt) EVP_PKEY_decrypt = nullptr;

private:
    LibCrypto() = default;
};

} // namespace kiln::crypto
