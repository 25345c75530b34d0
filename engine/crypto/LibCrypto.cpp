#include "engine/crypto/LibCrypto.h"

#include <QLibrary>

#include <mutex>

namespace kiln::crypto {

namespace {

    struct Loaded
    {
        QLibrary library;
        LibCrypto *functions = nullptr;
        QString error;
    };

    template<typename F>
    bool resolve(QLibrary &library, const char *name, F &slot, QString &error)
    {
        slot = reinterpret_cast<F>(library.resolve(name));
        if (!slot && error.isEmpty())
            error = QStringLiteral("%1 has no function %2").arg(library.fileName(), QLatin1String(name));
        return slot != nullptr;
    }

} // namespace

const LibCrypto *LibCrypto::get(QString *error)
{
    // Never unloaded: OpenSSL keeps global state for the process's lifetime.
    static Loaded *loaded = nullptr;
    static std::once_flag once;
    std::call_once(once, [] {
        loaded = new Loaded;
        // The soname Debian 12's libssl3 installs, the ABI these declarations are for.
        loaded->library.setFileNameAndVersion(QStringLiteral("crypto"), 3);
        loaded->library.setLoadHints(QLibrary::PreventUnloadHint);
        if (!loaded->library.load()) {
            loaded->error = QStringLiteral("cannot load OpenSSL's libcrypto: %1").arg(loaded->library.errorString());
            return;
        }
        auto *f = new LibCrypto;
        QLibrary &l = loaded->library;
        QString &why = loaded->error;
        const bool all = resolve(l, "BIO_new_mem_buf", f->BIO_new_mem_buf, why)
            & resolve(l, "BIO_free", f->BIO_free, why)
            & resolve(l, "PEM_read_bio_PrivateKey", f->PEM_read_bio_PrivateKey, why)
            & resolve(l, "d2i_PrivateKey", f->d2i_PrivateKey, why)
            & resolve(l, "d2i_AutoPrivateKey", f->d2i_AutoPrivateKey, why)
            & resolve(l, "EVP_PKEY_free", f->EVP_PKEY_free, why)
            & resolve(l, "EVP_PKEY_CTX_new", f->EVP_PKEY_CTX_new, why)
            & resolve(l, "EVP_PKEY_CTX_free", f->EVP_PKEY_CTX_free, why)
            & resolve(l, "EVP_PKEY_decrypt_init", f->EVP_PKEY_decrypt_init, why)
            & resolve(l, "EVP_PKEY_CTX_set_rsa_padding", f->EVP_PKEY_CTX_set_rsa_padding, why)
            & resolve(l, "EVP_PKEY_decrypt", f->EVP_PKEY_decrypt, why);
        if (all)
            loaded->functions = f;
        else
            delete f;
    });
    if (!loaded->functions && error)
        *error = loaded->error;
    return loaded->functions;
}

} // namespace kiln::crypto
