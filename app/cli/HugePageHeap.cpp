#include "app/cli/HugePageHeap.h"

#include <cstdint>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace kiln::cli {

bool useHugePageHeap(std::size_t bytes)
{
    constexpr std::uintptr_t hugePage = std::uintptr_t(2) << 20;
    // Large blocks (a template's token list) come from the heap too instead of their own
    // mmap (at most 32 MiB: glibc's limit for this setting), the heap grows `bytes` at a
    // time and is not given back between commands.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TOP_PAD, int(bytes));
    mallopt(M_TRIM_THRESHOLD, int(2 * bytes));

    auto *before = static_cast<char *>(sbrk(0));
    // volatile: the compiler may otherwise drop a malloc whose block is only freed.
    void *volatile grow = malloc(16 << 20);
    auto *after = static_cast<char *>(sbrk(0));
    const std::uintptr_t begin
        = (reinterpret_cast<std::uintptr_t>(before) + hugePage - 1) & ~(hugePage - 1);
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(after);
    const bool advised
        = end > begin && madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE) == 0;
    free(grow);
    return advised;
}

} // namespace kiln::cli
