#pragma once

#include <cstddef>

namespace kiln::cli {

// Backs the start of the process heap with transparent huge pages.
//
// A command-line run of `kiln validate`/`fmt`/`inspect` allocates tens of megabytes on a
// large template (tokens, syntax tree, values) and exits: with 4 KiB pages a third of its
// time went to first-touch page faults (about 9,800 on a 20,000-line template). This grows
// the heap once by `bytes` and asks the kernel for huge pages there (madvise
// MADV_HUGEPAGE, what glibc's `glibc.malloc.hugetlb=1` tunable does, which can only be set
// from the environment before the process starts): the same run takes about 1,000 faults.
// Harmless where transparent huge pages are off, or when malloc is not glibc's (a
// sanitizer's allocator): the heap then simply does not move and nothing is advised.
// Call it once, early, on the main thread, only for short-lived commands. Returns whether
// a range of the heap was advised.
bool useHugePageHeap(std::size_t bytes);

} // namespace kiln::cli
