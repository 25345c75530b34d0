#include "components/shared/FileHash.h"

#include "components/shared/FileHashSettings.h"

#include <QFile>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <openssl/evp.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace kiln::components {

namespace {

// Buffers in flight between the reader and the hashers: enough for the reader to stay a
// couple of chunks ahead of the slowest digest.
constexpr int kSlots = 4;

// The chunks the reader publishes; chunk i lives in slot i % kSlots until every hasher has
// consumed it.
struct Ring
{
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<std::vector<char>> buffers;
    qsizetype sizes[kSlots] = {};
    int pending[kSlots] = {};
    qint64 produced = 0;
    bool eof = false;
    bool abort = false;
};

void digestLoop(Ring &ring, EVP_MD_CTX *ctx)
{
    for (qint64 index = 0;; ++index) {
        const int slot = int(index % kSlots);
        std::unique_lock lock(ring.mutex);
        ring.changed.wait(lock, [&] { return ring.abort || ring.eof || ring.produced > index; });
        if (ring.abort || ring.produced <= index)
            return;
        lock.unlock();
        EVP_DigestUpdate(ctx, ring.buffers[slot].data(), size_t(ring.sizes[slot]));
        lock.lock();
        if (--ring.pending[slot] == 0)
            ring.changed.notify_all();
    }
}

// Fills `buffer` completely unless the file ends first; -1 on a read error.
qsizetype readFully(int fd, char *buffer, qsizetype size)
{
    qsizetype done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, buffer + done, size_t(size - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

} // namespace

FileHash::Result FileHash::compute(const QString &path, const QStringList &algorithms,
    const build::CancelTokenPtr &cancel, const Progress &progress)
{
    Result result;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        result.error = QStringLiteral("unable to open file %1: open %1: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno)).toLower());
        return result;
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    const qint64 total = qMax<qint64>(0, qint64(::lseek(fd, 0, SEEK_END)));
    ::lseek(fd, 0, SEEK_SET);

    std::vector<EVP_MD_CTX *> contexts;
    std::vector<EVP_MD *> digests;
    for (const QString &algorithm : algorithms) {
        EVP_MD *md = EVP_MD_fetch(nullptr, FileHashSettings::opensslName(algorithm), nullptr);
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        digests.push_back(md);
        contexts.push_back(ctx);
        if (!md || !ctx || EVP_DigestInit_ex(ctx, md, nullptr) != 1)
            result.error = QStringLiteral("unable to compute %1 hash for %2").arg(algorithm, path);
    }

    if (result.error.isEmpty()) {
        Ring ring;
        ring.buffers.assign(kSlots, std::vector<char>(size_t(ChunkSize)));
        std::vector<std::thread> hashers;
        for (EVP_MD_CTX *ctx : contexts)
            hashers.emplace_back(digestLoop, std::ref(ring), ctx);

        qint64 done = 0;
        for (qint64 index = 0;; ++index) {
            const int slot = int(index % kSlots);
            {
                std::unique_lock lock(ring.mutex);
                ring.changed.wait(lock, [&] { return ring.pending[slot] == 0; });
            }
            if (cancel && cancel->isCancelled()) {
                result.cancelled = true;
                result.error = cancel->reason();
                break;
            }
            const qsizetype n = readFully(fd, ring.buffers[slot].data(), ChunkSize);
            if (n < 0) {
                result.error = QStringLiteral("unable to compute %1 hash for %2")
                                   .arg(algorithms.join(QLatin1Char(',')), path);
                break;
            }
            if (n == 0)
                break;
            {
                std::lock_guard lock(ring.mutex);
                ring.sizes[slot] = n;
                ring.pending[slot] = int(contexts.size());
                ++ring.produced;
                ring.changed.notify_all();
            }
            done += n;
            if (progress)
                progress(done, total);
        }
        {
            std::lock_guard lock(ring.mutex);
            ring.eof = true;
            ring.abort = !result.error.isEmpty();
            ring.changed.notify_all();
        }
        for (std::thread &t : hashers)
            t.join();
    }
    ::close(fd);

    for (int i = 0; i < algorithms.size(); ++i) {
        if (result.error.isEmpty()) {
            unsigned char digest[EVP_MAX_MD_SIZE];
            unsigned int length = 0;
            EVP_DigestFinal_ex(contexts[size_t(i)], digest, &length);
            result.hex.insert(algorithms[i],
                QString::fromLatin1(
                    QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex()));
        }
        EVP_MD_CTX_free(contexts[size_t(i)]);
        EVP_MD_free(digests[size_t(i)]);
    }
    return result;
}

} // namespace kiln::components
