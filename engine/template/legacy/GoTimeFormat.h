#pragma once

#include <QDateTime>
#include <QString>

namespace kiln::tmpl::legacy {

// Go's time.Time.Format with its reference-time layouts ("2006-01-02T15:04:05Z07:00"),
// as {{isotime "layout"}} uses them, and jehiah/go-strftime's Format for
// {{strftime "%Y%m%d"}}. Times are formatted in the QDateTime's own offset
// (Packer's InitTime is UTC).
class GoTimeFormat
{
public:
    static QString format(const QDateTime &t, const QString &layout);
    static QString strftime(const QDateTime &t, const QString &format);

    static constexpr const char *RFC3339 = "2006-01-02T15:04:05Z07:00";
};

} // namespace kiln::tmpl::legacy
