#include "components/shared/qemu/IsoDownloader.h"

#include "components/shared/CurlRequest.h"
#include "components/shared/qemu/IsoChecksum.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace kiln::components {

QString IsoDownloader::cacheDir()
{
    const QString env = qEnvironmentVariable("PACKER_CACHE_DIR");
    if (!env.isEmpty())
        return QFileInfo(env).absoluteFilePath();
    const QString xdg = qEnvironmentVariable("XDG_CACHE_HOME");
    if (!xdg.isEmpty())
        return QDir(xdg).filePath(QStringLiteral("packer"));
    return QDir(qEnvironmentVariable("HOME")).filePath(QStringLiteral(".cache/packer"));
}

QString IsoDownloader::fetch(const Request &request, const build::BuildUi &ui, const build::CancelTokenPtr &cancel,
                             QString *error)
{
    ui.say(QStringLiteral("Retrieving %1").arg(request.description));
    QStringList errors;
    for (const QString &source : request.urls) {
        if (cancel && cancel->isCancelled()) {
            *error = QStringLiteral("Download cancelled: [%1]").arg(errors.join(QLatin1Char(' ')));
            return {};
        }
        ui.say(QStringLiteral("Trying %1").arg(source));
        QString e;
        const QString path = fetchOne(request, source, ui, cancel, &e);
        if (e.isEmpty())
            return path;
        errors << e;
    }
    *error = QStringLiteral("error downloading %1: [%2]").arg(request.description, errors.join(QLatin1Char(' ')));
    ui.error(*error);
    return {};
}

QString IsoDownloader::fetchOne(const Request &request, const QString &source, const build::BuildUi &ui,
                                const build::CancelTokenPtr &cancel, QString *error)
{
    QUrl url(source);
    QString checksumText = request.checksum;
    QUrlQuery query(url);
    if (query.hasQueryItem(QStringLiteral("checksum")))
        checksumText = query.queryItemValue(QStringLiteral("checksum"), QUrl::FullyDecoded);
    const bool hasChecksum = !checksumText.isEmpty() && checksumText != QLatin1String("none");
    if (hasChecksum) {
        query.removeAllQueryItems(QStringLiteral("checksum"));
        query.addQueryItem(QStringLiteral("checksum"), QString::fromLatin1(QUrl::toPercentEncoding(checksumText)));
        url.setQuery(query);
    }
    const QString shown = url.toString(QUrl::FullyEncoded);
    const QByteArray key = hasChecksum ? checksumText.toUtf8() : shown.toUtf8();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
    QString target = request.targetPath;
    if (target.isEmpty()) {
        target = QDir(cacheDir()).filePath(sha + (request.extension.isEmpty() ? QString() : QLatin1Char('.') + request.extension));
    } else if (QFileInfo(target).suffix().isEmpty()) {
        if (!target.endsWith(QLatin1Char('/')))
            target += QLatin1Char('/');
        target += sha + QLatin1Char('.') + (request.extension.isEmpty() ? QStringLiteral("iso") : request.extension);
    }
    target = QFileInfo(target).absoluteFilePath();
    QDir().mkpath(QFileInfo(target).absolutePath());

    const IsoChecksum checksum = IsoChecksum::resolve(checksumText, url.path(), cancel, error);
    if (!error->isEmpty()) {
        ui.say(QStringLiteral("Download failed %1").arg(*error));
        return {};
    }
    ui.say(QStringLiteral("Trying %1").arg(shown));

    const bool remote = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    QString result;
    if (!remote) {
        // Local files are used where they are (go-getter's Inplace), never copied.
        result = url.isLocalFile() ? url.toLocalFile() : url.path();
        if (!QFileInfo::exists(result)) {
            *error = QStringLiteral("stat %1: no such file or directory").arg(result);
            ui.say(QStringLiteral("Download failed %1").arg(*error));
            return {};
        }
    } else {
        result = target;
        const QUrl sourceUrl(source);
        QUrlQuery plain(sourceUrl);
        plain.removeAllQueryItems(QStringLiteral("checksum"));
        QUrl fetchUrl(source);
        fetchUrl.setQuery(plain);
        // A cached file that still matches is used as is; go-getter does the same.
        const bool cached = QFileInfo::exists(target) && !checksum.isNone() && checksum.verify(target, cancel).isEmpty();
        if (!cached) {
            *error = download(fetchUrl.toString(QUrl::FullyEncoded), target, ui, cancel);
            if (!error->isEmpty()) {
                ui.say(QStringLiteral("Download failed %1").arg(*error));
                return {};
            }
        }
    }
    *error = checksum.verify(result, cancel);
    if (!error->isEmpty()) {
        ui.say(QStringLiteral("Checksum did not match, removing %1").arg(target));
        if (remote && !QFile::remove(target))
            ui.error(QStringLiteral("Failed to remove cache file. Please remove manually: %1").arg(target));
        return {};
    }
    ui.say(QStringLiteral("%1 => %2").arg(shown, result));
    return result;
}

QString IsoDownloader::download(const QString &url, const QString &target, const build::BuildUi &ui,
                                const build::CancelTokenPtr &cancel)
{
    const QString partPath = target + QStringLiteral(".part");
    QFile part(partPath);
    const qint64 offset = part.exists() ? part.size() : 0;
    if (!part.open(QIODevice::WriteOnly | QIODevice::Append))
        return QStringLiteral("open %1: %2").arg(partPath, part.errorString());
    CurlRequest req(url);
    req.setFollowRedirects(true);
    if (offset > 0)
        req.addHeader("Range", "bytes=" + QByteArray::number(offset) + '-');
    // Until the status is known the body cannot be appended blindly: a server that ignores
    // Range answers 200 with the whole file, which must replace the partial one.
    req.setBodySink(&part);
    const QString name = QFileInfo(target).fileName();
    req.setProgress([&ui, name, offset](qint64 done, qint64 total) {
        ui.progress(name, offset + done, total < 0 ? -1 : offset + total);
    });
    const CurlResponse r = req.perform(cancel);
    part.close();
    if (!r.ok())
        return r.cancelled ? QStringLiteral("context canceled") : r.error;
    if (r.status == 416 && offset > 0) {
        // The partial file already holds everything.
    } else if (r.status != 200 && r.status != 206) {
        QFile::remove(partPath);
        return QStringLiteral("bad response code: %1").arg(r.status);
    }
    if (r.status == 200 && offset > 0) {
        // Whole body appended after stale bytes: keep only the new body.
        QFile f(partPath);
        if (f.open(QIODevice::ReadOnly)) {
            f.seek(offset);
            QFile out(partPath + QStringLiteral(".tmp"));
            if (out.open(QIODevice::WriteOnly)) {
                while (!f.atEnd())
                    out.write(f.read(4 << 20));
            }
            out.close();
            f.close();
            QFile::remove(partPath);
            QFile::rename(out.fileName(), partPath);
        }
    }
    QFile::remove(target);
    if (!QFile::rename(partPath, target))
        return QStringLiteral("rename %1 %2: failed").arg(partPath, target);
    return {};
}

} // namespace kiln::components
