#include "components/shared/vagrant/VagrantBox.h"

#include "components/shared/AtomicOutputFile.h"
#include "components/shared/ParallelGzip.h"
#include "components/shared/vagrant/TarEntryWriter.h"

#include <QFileInfo>
#include <algorithm>
#include <memory>

namespace kiln::components {

QString VagrantBox::write(const QString &target, QList<Entry> entries, int level,
    const build::BuildUi &ui, const build::CancelTokenPtr &cancel)
{
    std::sort(entries.begin(), entries.end(),
        [](const Entry &a, const Entry &b) { return a.name < b.name; });
    AtomicOutputFile file(target);
    if (!file.open())
        return file.errorString();
    std::unique_ptr<ParallelGzip> gzip;
    if (level != 0)
        gzip = std::make_unique<ParallelGzip>(file, level);
    ByteStream &sink = gzip ? static_cast<ByteStream &>(*gzip) : static_cast<ByteStream &>(file);

    qint64 total = 0, done = 0, reported = 0;
    for (const Entry &e : std::as_const(entries))
        total += e.source.isEmpty() ? e.data.size() : QFileInfo(e.source).size();
    const auto progress = [&](qint64 n) {
        done += n;
        // Every 16 MiB: a multi-GiB disk would otherwise flood the event sink.
        if (done - reported >= (qint64(16) << 20)) {
            reported = done;
            ui.progress(target, done, total);
        }
        return !(cancel && cancel->isCancelled());
    };

    QString error;
    {
        TarEntryWriter tar(sink, TarEntryWriter::Format::Gnu);
        bool ok = tar.open();
        for (const Entry &e : std::as_const(entries)) {
            if (!ok)
                break;
            ui.message(QStringLiteral("Compressing: %1").arg(e.name));
            ok = e.source.isEmpty() ? tar.addData(e.name, e.data)
                                    : tar.addFile(e.source, e.name, progress);
        }
        ok = ok && tar.close();
        if (!ok)
            error = tar.cancelled() ? cancel->reason() : tar.errorString();
    }
    if (error.isEmpty() && gzip && !gzip->finish())
        error = gzip->errorString();
    // The compressor's worker threads must be done before the file goes away.
    gzip.reset();
    if (error.isEmpty() && !file.commit())
        error = file.errorString();
    if (error.isEmpty())
        ui.progress(target, total, total);
    return error;
}

} // namespace kiln::components
