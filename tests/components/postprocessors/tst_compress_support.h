#pragma once

// Helpers shared by the compress tests (tst_compress*.cpp): an in-memory ByteStream, test
// data, and running the system's compression tools as independent readers.

#include "components/Builtins.h"
#include "components/postprocessors/compress/CompressPostProcessor.h"
#include "components/shared/ByteStream.h"
#include "engine/build/BuildEvent.h"
#include "engine/build/CancelToken.h"
#include "engine/build/PostProcessor.h"
#include "engine/registry/Registry.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

namespace compress_test {

// A compress post-processor made the way builds make it: through the registry.
inline std::unique_ptr<kiln::build::PostProcessor> createCompress()
{
    static kiln::registry::Registry *registry = [] {
        auto *r = new kiln::registry::Registry;
        kiln::components::registerBuiltins(*r);
        return r;
    }();
    const auto *d
        = registry->find(kiln::registry::ComponentKind::PostProcessor, QStringLiteral("compress"));
    if (!d || !d->create)
        return {};
    return std::unique_ptr<kiln::build::PostProcessor>(
        dynamic_cast<kiln::build::PostProcessor *>(d->create().release()));
}

inline kiln::build::ComponentConfig config(const QMap<QString, kiln::hcl::Value> &settings)
{
    kiln::build::ComponentConfig c(kiln::hcl::Value::object(settings));
    c.interpolation.buildName = QStringLiteral("alpha");
    c.interpolation.buildType = QStringLiteral("file");
    return c;
}

// Records a build's events; optionally cancels the build on its first progress event.
class RecordingSink : public kiln::build::EventSink
{
public:
    void post(const kiln::build::BuildEvent &event) override
    {
        QMutexLocker lock(&mutex);
        events << event;
        if (cancelOnProgress && event.kind == kiln::build::BuildEvent::Kind::Progress)
            cancelOnProgress->cancel(QStringLiteral("interrupted"));
    }
    QStringList says()
    {
        QMutexLocker lock(&mutex);
        QStringList out;
        for (const kiln::build::BuildEvent &e : events)
            if (e.kind == kiln::build::BuildEvent::Kind::Say)
                out << e.text;
        return out;
    }
    QMutex mutex;
    QList<kiln::build::BuildEvent> events;
    kiln::build::CancelTokenPtr cancelOnProgress;
};

// Collects a compressor's output in memory.
class MemoryStream : public kiln::components::ByteStream
{
public:
    bool write(const char *data, qsizetype size) override
    {
        bytes.append(data, size);
        return true;
    }
    bool finish() override { return true; }
    QString errorString() const override { return {}; }
    QByteArray bytes;
};

inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Text-like data that compresses but not trivially: words drawn from a small vocabulary.
inline QByteArray textLike(qsizetype size, quint32 seed)
{
    static const char *words[] = {"kiln ", "packer ", "image ", "build\n", "artifact ", "0x1f8b ",
        "provision ", "qcow2 ", "the ", "of ", "sha256 ", "\t"};
    QRandomGenerator gen(seed);
    QByteArray out;
    out.reserve(size + 16);
    while (out.size() < size)
        out += words[gen.bounded(int(std::size(words)))];
    out.truncate(size);
    return out;
}

// Bytes that do not compress: deflate has to fall back to stored blocks.
inline QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(gen.bounded(256));
    return out;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Decompresses `path` with the system tool for `algorithm` after testing it with `-t`.
inline QByteArray decompress(const QString &algorithm, const QString &path)
{
    QString tool;
    if (algorithm == QLatin1String("pgzip") || algorithm == QLatin1String("bgzf"))
        tool = QStringLiteral("gzip");
    else if (algorithm == QLatin1String("zstd"))
        tool = QStringLiteral("zstd");
    else
        tool = algorithm; // xz, bzip2, lz4
    const Run t = run(tool, {QStringLiteral("-t"), path});
    if (t.exitCode != 0) {
        qWarning() << tool << "-t failed:" << t.err;
        return {};
    }
    return run(tool, {QStringLiteral("-dc"), path}).out;
}

} // namespace compress_test
