#pragma once

#include <QElapsedTimer>
#include <QString>

namespace kiln::output {

// The one live progress line a terminal console shows at the bottom ("\r"-redrawn), for
// downloads, uploads and checksums. Packer 1.6.6 draws a progress bar for downloads on a
// terminal only; Kiln does the same for every Progress event and never on a pipe or a file,
// where "\r" would garble the log.
//
// Not thread-safe: the console writer calls it under its own lock.
class ProgressLine
{
public:
    // Records progress of `what`; returns whether the line should be redrawn now (the
    // percentage changed, 200 ms passed, or the transfer started or ended).
    bool update(const QString &prefix, const QString &what, qint64 bytes, qint64 total);
    // The line without "\r" or newline, e.g. "    NAME: ubuntu.iso  12.0 MiB / 1.2 GiB  1%".
    QString text() const;
    bool visible() const { return m_visible; }
    // Whether the transfer just reported is complete (the line is erased then).
    bool finished() const { return m_total >= 0 && m_bytes >= m_total; }
    void setVisible(bool visible) { m_visible = visible; }
    void clear();

    // "512 B", "12.0 KiB", "1.2 GiB".
    static QString size(qint64 bytes);

private:
    QString m_prefix;
    QString m_what;
    qint64 m_bytes = 0;
    qint64 m_total = -1;
    int m_percent = -1;
    bool m_visible = false;
    QElapsedTimer m_sinceDraw;
};

} // namespace kiln::output
