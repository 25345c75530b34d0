#include "components/shared/qemu/IsoChecksum.h"

#include "components/shared/CurlRequest.h"
#include "components/shared/FileHash.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace kiln::components {

namespace {

QString typeForLength(qsizetype length)
{
    switch (length) {
    case 32: return QStringLiteral("md5");
    case 40: return QStringLiteral("sha1");
    case 64: return QStringLiteral("sha256");
    case 128: return QStringLiteral("sha512");
    default: return {};
    }
}

QByteArray readChecksumFile(const QString &url, const build::CancelTokenPtr &cancel, QString *error)
{
    const QUrl u(url);
    if (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https")) {
        CurlRequest req(url);
        req.setFollowRedirects(true);
        const CurlResponse r = req.perform(cancel);
        if (!r.ok() || r.status != 200) {
            *error = r.ok() ? QStringLiteral("bad response code: %1").arg(r.status) : r.error;
            return {};
        }
        return r.body;
    }
    QFile f(u.isLocalFile() ? u.toLocalFile() : url);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("open %1: %2").arg(f.fileName(), f.errorString());
        return {};
    }
    return f.readAll();
}

} // namespace

IsoChecksum IsoChecksum::resolve(const QString &checksum, const QString &fileName, const build::CancelTokenPtr &cancel,
                                 QString *error)
{
    IsoChecksum c;
    if (checksum.isEmpty() || checksum == QLatin1String("none"))
        return c;
    const qsizetype colon = checksum.indexOf(QLatin1Char(':'));
    const QString type = colon > 0 ? checksum.left(colon).toLower() : QString();
    if (type != QLatin1String("file")) {
        c.hex = (colon > 0 ? checksum.mid(colon + 1) : checksum).toLower();
        c.type = type.isEmpty() ? typeForLength(c.hex.size()) : type;
        return c;
    }
    const QString listUrl = checksum.mid(colon + 1);
    const QByteArray text = readChecksumFile(listUrl, cancel, error);
    if (!error->isEmpty())
        return c;
    static const QRegularExpression bsd(QStringLiteral("^(\\w+) \\((.*)\\) = ([0-9a-fA-F]+)$"));
    const QString wanted = QFileInfo(fileName).fileName();
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const auto m = bsd.match(line);
        QString hex, name;
        if (m.hasMatch()) {
            hex = m.captured(3);
            name = m.captured(2);
        } else {
            const qsizetype sp = line.indexOf(QLatin1Char(' '));
            if (sp <= 0)
                continue;
            hex = line.left(sp);
            name = line.mid(sp).trimmed();
            if (name.startsWith(QLatin1Char('*')))
                name.remove(0, 1); // binary-mode marker of sha256sum
        }
        if (QFileInfo(name).fileName() == wanted) {
            c.hex = hex.toLower();
            c.type = typeForLength(c.hex.size());
            return c;
        }
    }
    *error = QStringLiteral("no checksum found in: %1").arg(listUrl);
    return c;
}

QString IsoChecksum::verify(const QString &path, const build::CancelTokenPtr &cancel) const
{
    if (isNone())
        return {};
    const FileHash::Result r = FileHash::compute(path, {type}, cancel);
    if (!r.error.isEmpty())
        return r.error;
    const QString got = r.hex.value(type);
    if (got == hex)
        return {};
    return QStringLiteral("Checksums did not match for %1.\nExpected: %2\nGot: %3\n*%4.digest")
        .arg(path, hex, got, type);
}

} // namespace kiln::components
