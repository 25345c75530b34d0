// The heap policy of the short commands (validate, fmt, inspect, console, hcl2_upgrade):
// their heap is advised for transparent huge pages, which took `kiln validate` on a
// 20,000-line template from ~9,800 page faults to ~900 (bench/validate.sh).

#include "app/cli/HugePageHeap.h"

#include <QFile>
#include <QTest>
#include <cstdlib>
#include <cstring>

namespace {

struct Mapping
{
    bool found = false;
    QByteArray name;
    int thpEligible = -1;
};

// The /proc/self/smaps entry of the mapping holding `address`.
Mapping mappingOf(const void *address)
{
    QFile f(QStringLiteral("/proc/self/smaps"));
    Mapping m;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return m;
    const auto a = reinterpret_cast<quintptr>(address);
    bool inside = false;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const int dash = line.indexOf('-');
        const int space = line.indexOf(' ');
        // Mapping lines start with the address range ("start-end perms offset dev inode
        // name"); the lines of their fields with a capitalised name ("Rss:", "VmFlags:").
        const char first = line.isEmpty() ? 0 : line.at(0);
        const bool header = (first >= '0' && first <= '9') || (first >= 'a' && first <= 'f');
        if (header && dash > 0 && space > dash) {
            bool ok1 = false, ok2 = false;
            const quintptr start = line.left(dash).toULongLong(&ok1, 16);
            const quintptr end = line.mid(dash + 1, space - dash - 1).toULongLong(&ok2, 16);
            if (inside)
                break;
            inside = ok1 && ok2 && a >= start && a < end;
            if (inside) {
                m.found = true;
                m.name = line.split(' ').last().trimmed();
            }
        } else if (inside && line.startsWith("THPeligible:")) {
            m.thpEligible = line.mid(12).trimmed().toInt();
        }
    }
    return m;
}

QByteArray thpMode()
{
    QFile f(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = f.readAll();
    const int open = text.indexOf('['), close = text.indexOf(']');
    return open >= 0 && close > open ? text.mid(open + 1, close - open - 1) : QByteArray();
}

} // namespace

class TestHugePageHeap : public QObject
{
    Q_OBJECT

private slots:
    void heapBlocksAreAdvised()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("the sanitizer's allocator replaces glibc's heap");
#endif
        const QByteArray mode = thpMode();
        if (mode.isEmpty() || mode == "never")
            QSKIP("transparent huge pages are off on this machine");

        QVERIFY(kiln::cli::useHugePageHeap(std::size_t(64) << 20));

        // A block of a large template's size (a token list) now comes from the advised
        // heap, not from a separate mmap that would fault page by page.
        const std::size_t size = std::size_t(24) << 20;
        auto *block = static_cast<char *>(std::malloc(size));
        QVERIFY(block);
        std::memset(block, 1, size);
        const Mapping m = mappingOf(block + size / 2);
        std::free(block);
        QVERIFY(m.found);
        QCOMPARE(m.name, QByteArray("[heap]"));
        QCOMPARE(m.thpEligible, 1);
    }
};

QTEST_GUILESS_MAIN(TestHugePageHeap)
#include "tst_hugepageheap.moc"
