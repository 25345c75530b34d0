#pragma once

#include "components/shared/ByteStream.h"

#include <QString>

namespace kiln::components {

// An output file that only appears under its final name once it is complete: bytes go to
// "<target>.kiln-tmp-XXXXXX" beside the target, commit() renames it over the target, and
// an uncommitted temp file is removed by the destructor (failure, cancel). Readers never
// see a half-written archive and a failed run leaves nothing behind.
class AtomicOutputFile : public ByteStream
{
public:
    explicit AtomicOutputFile(QString target);
    ~AtomicOutputFile() override;
    AtomicOutputFile(const AtomicOutputFile &) = delete;
    AtomicOutputFile &operator=(const AtomicOutputFile &) = delete;

    // Creates the temp file (and the target's directory). False with errorString() set.
    bool open();
    bool write(const char *data, qsizetype size) override;
    bool finish() override { return true; }
    // Closes the temp file and renames it to the target.
    bool commit();
    // Removes the temp file now (also done by the destructor).
    void discard();

    QString errorString() const override { return m_error; }
    QString tempPath() const { return m_tempPath; }
    QString target() const { return m_target; }

private:
    QString m_target;
    QString m_tempPath;
    QString m_error;
    int m_fd = -1;
};

} // namespace kiln::components
