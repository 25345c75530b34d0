// abspath basename dirname file fileexists fileset pathexpand filebase64: the
// go-cty-funcs filesystem package and Packer's filebase64. Relative paths are
// taken from the template's directory (baseDir), except in abspath and
// filebase64, which Packer resolves against the working directory.

#include "engine/hcl/functions/DoublestarGlob.h"
#include "engine/hcl/functions/FileReading.h"
#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/PathSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <cerrno>
#include <sys/stat.h>

namespace kiln::hcl::functions {

std::optional<QByteArray> readFileBytes(const QString &baseDir, const QString &given, QString *error)
{
    std::optional<QString> path = gopath::expandHome(given, error);
    if (!path) {
        *error = QStringLiteral("failed to expand ~: %1").arg(*error);
        return std::nullopt;
    }
    QString p = *path;
    if (!gopath::isAbs(p))
        p = gopath::join(baseDir, p);
    p = gopath::clean(p);
    QFile f(p);
    if (!QFileInfo::exists(p)) {
        *error = QStringLiteral("no file exists at %1").arg(p);
        return std::nullopt;
    }
    if (QFileInfo(p).isDir() || !f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("failed to read %1").arg(p);
        return std::nullopt;
    }
    return f.readAll();
}

namespace {

    Value fileExists(const QString &baseDir, const QString &given, FunctionError &err)
    {
        QString why;
        std::optional<QString> path = gopath::expandHome(given, &why);
        if (!path)
            return fail(err, -1, QStringLiteral("failed to expand ~: %1").arg(why));
        QString p = *path;
        if (!gopath::isAbs(p))
            p = gopath::join(baseDir, p);
        p = gopath::clean(p);
        struct stat st {};
        if (::stat(QFile::encodeName(p).constData(), &st) != 0) {
            if (errno == ENOENT)
                return Value::falseValue();
            return fail(err, -1, QStringLiteral("failed to stat %1").arg(p));
        }
        if (S_ISREG(st.st_mode))
            return Value::trueValue();
        return fail(err, -1, QStringLiteral("%1 is not a regular file, but %2").arg(p, goQuote(gopath::modeString(p))));
    }

    Value fileSet(const QString &baseDir, const QList<Value> &a, FunctionError &err)
    {
        QString path = a[0].asString();
        if (!gopath::isAbs(path))
            path = gopath::join(baseDir, path);
        const QString pattern = gopath::join(path, a[1].asString());
        // doublestar resolves the pattern against the working directory when it
        // is relative; make that explicit.
        const QString absPattern = gopath::isAbs(pattern) ? pattern : gopath::join(QDir::currentPath(), pattern);
        const QString absPath = gopath::isAbs(path) ? gopath::clean(path) : gopath::join(QDir::currentPath(), path);
        std::optional<QStringList> matches = doublestarGlob(absPattern);
        if (!matches)
            return fail(err, -1, QStringLiteral("failed to glob pattern (%1): syntax error in pattern").arg(pattern));
        QList<Value> out;
        for (const QString &m : *matches) {
            struct stat st {};
            if (::stat(QFile::encodeName(m).constData(), &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            out.append(Value::string(QDir(absPath).relativeFilePath(m)));
        }
        if (out.isEmpty())
            return Value::setEmpty(Type::string());
        return Value::set(out);
    }

    Value fileBase64(const QString &path, FunctionError &err)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            const int e = QFileInfo::exists(path) ? EACCES : ENOENT;
            return fail(err, -1, QStringLiteral("failed to read file %1: %2").arg(goQuote(path), gopath::pathErrorText(QStringLiteral("open"), path, e)));
        }
        if (QFileInfo(path).isDir())
            return fail(err, -1, QStringLiteral("failed to read file %1: %2").arg(goQuote(path), gopath::pathErrorText(QStringLiteral("read"), path, EISDIR)));
        return Value::string(QString::fromLatin1(f.readAll().toBase64()));
    }

} // namespace

void addFilesystemFunctions(FunctionTable &t, const QString &baseDir)
{
    const Type str = Type::string();
    const QList<FunctionParam> path {param(QStringLiteral("path"), str)};

    add(t, simpleFunction(QStringLiteral("file"), QStringLiteral("Reads the contents of a file at the given path and returns them as a string."), path, str,
                          [baseDir](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<QByteArray> src = readFileBytes(baseDir, a[0].asString(), &why);
                              if (!src)
                                  return fail(err, -1, why);
                              QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
                              const QString text = dec.decode(*src);
                              if (dec.hasError())
                                  return fail(err, -1, QStringLiteral("contents of %1 are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, filesha256) to obtain file hashing results instead").arg(a[0].asString()));
                              return Value::string(text);
                          }));
    add(t, simpleFunction(QStringLiteral("filebase64"), QStringLiteral("Reads the contents of a file at the given path and returns them as a base64-encoded string."), path, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return fileBase64(a[0].asString(), err); }));
    add(t, simpleFunction(QStringLiteral("fileexists"), QStringLiteral("Determines whether a file exists at the given path."), path, Type::boolean(),
                          [baseDir](const QList<Value> &a, const Type &, FunctionError &err) { return fileExists(baseDir, a[0].asString(), err); }));
    add(t, simpleFunction(QStringLiteral("fileset"), QStringLiteral("Enumerates a set of regular file names given a pattern."),
                          {param(QStringLiteral("path"), str), param(QStringLiteral("pattern"), str)}, Type::set(str),
                          [baseDir](const QList<Value> &a, const Type &, FunctionError &err) { return fileSet(baseDir, a, err); }));
    add(t, simpleFunction(QStringLiteral("basename"), QStringLiteral("Returns the last element of a path."), path, str,
                          [](const QList<Value> &a, const Type &, FunctionError &) { return Value::string(gopath::base(a[0].asString())); }));
    add(t, simpleFunction(QStringLiteral("dirname"), QStringLiteral("Returns all but the last element of path, typically the path's directory."), path, str,
                          [](const QList<Value> &a, const Type &, FunctionError &) { return Value::string(gopath::dir(a[0].asString())); }));
    add(t, simpleFunction(QStringLiteral("abspath"), QStringLiteral("Returns an absolute representation of the specified path."), path, str,
                          [](const QList<Value> &a, const Type &, FunctionError &) {
                              const QString p = a[0].asString();
                              return Value::string(gopath::isAbs(p) ? gopath::clean(p) : gopath::join(QDir::currentPath(), p));
                          }));
    add(t, simpleFunction(QStringLiteral("pathexpand"), QStringLiteral("Replaces a leading ~ in a path with the current user's home directory."), path, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) {
                              QString why;
                              std::optional<QString> p = gopath::expandHome(a[0].asString(), &why);
                              if (!p)
                                  return fail(err, -1, why);
                              return Value::string(*p);
                          }));
}

} // namespace kiln::hcl::functions
