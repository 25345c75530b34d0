#include "engine/template/legacy/PackerTemplateFunctions.h"

#include "engine/template/legacy/GoTimeFormat.h"
#include "engine/template/legacy/SecretSources.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

namespace kiln::tmpl::legacy {

namespace {

using F = GoTemplateFunction;
using R = GoTemplateFunction::Result;
using A = GoTemplateFunction::Arg;

const char *const placeholderMsg
    = "To set this dynamically in the Packer template, you must use the `build` function";

// strings.Split semantics: an empty separator splits into UTF-8 characters.
QStringList goSplit(const QString &s, const QString &sep)
{
    if (sep.isEmpty()) {
        QStringList out;
        for (qsizetype i = 0; i < s.size(); ++i) {
            const bool pair = s[i].isHighSurrogate() && i + 1 < s.size();
            out << s.mid(i, pair ? 2 : 1);
            i += pair ? 1 : 0;
        }
        return out;
    }
    return s.split(sep);
}

// strings.Replace(src, old, new, n); n < 0 replaces all. An empty `old`
// matches before every character and at the end, as in Go.
QString goReplace(const QString &src, const QString &oldS, const QString &newS, qint64 n)
{
    if (n == 0 || oldS == newS)
        return src;
    QString out;
    qsizetype pos = 0;
    qint64 done = 0;
    if (oldS.isEmpty()) {
        for (qsizetype i = 0; i <= src.size() && (n < 0 || done < n); ++i, ++done) {
            out += src.mid(pos, i - pos) + newS;
            pos = i;
        }
        return out + src.mid(pos);
    }
    while (n < 0 || done < n) {
        const qsizetype at = src.indexOf(oldS, pos);
        if (at < 0)
            break;
        out += src.mid(pos, at - pos) + newS;
        pos = at + oldS.size();
        ++done;
    }
    return out + src.mid(pos);
}

// funcGenBuild: reads the build's generated data from the context data.
R buildValue(const QVariant &data, const QString &key)
{
    if (data.typeId() != QMetaType::QVariantMap)
        return R::fail(QStringLiteral("Error validating build variable: the given variable %1 will not be passed into your plugin.").arg(key));
    const QVariantMap m = data.toMap();
    auto it = m.find(key);
    if (it != m.end() && it.value().typeId() == QMetaType::QString) {
        const QString v = it.value().toString();
        if (v.contains(QLatin1String(placeholderMsg)))
            return R::ok(QStringLiteral("{{.%1}}").arg(key));
        return R::ok(v);
    }
    return R::fail(QStringLiteral("loaded data, but couldnt find %1 in it.").arg(key));
}

} // namespace

QString timeOrderedUuid()
{
    const quint32 unix = quint32(QDateTime::currentSecsSinceEpoch());
    QByteArray b(12, '\0');
    QRandomGenerator::system()->generate(b.begin(), b.end());
    const QByteArray hex = b.toHex();
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(unix, 8, 16, QLatin1Char('0'))
        .arg(QString::fromLatin1(hex.mid(0, 4)), QString::fromLatin1(hex.mid(4, 4)),
             QString::fromLatin1(hex.mid(8, 4)), QString::fromLatin1(hex.mid(12, 12)));
}

GoTemplateFunctions packerTemplateFunctions(const InterpolateContext &ctx)
{
    GoTemplateFunctions f;
    f.insert(QStringLiteral("build_name"), F{{}, false, [ctx](const QVariantList &) {
                 return ctx.buildName.isEmpty() ? R::fail(QStringLiteral("build_name not available")) : R::ok(ctx.buildName);
             }});
    f.insert(QStringLiteral("build_type"), F{{}, false, [ctx](const QVariantList &) {
                 return ctx.buildType.isEmpty() ? R::fail(QStringLiteral("build_type not available")) : R::ok(ctx.buildType);
             }});
    f.insert(QStringLiteral("env"), F{{A::String}, false, [ctx](const QVariantList &a) {
                 if (!ctx.enableEnv)
                     return R::fail(QStringLiteral("env vars are not allowed here"));
                 return R::ok(ctx.env(a[0].toString()));
             }});
    f.insert(QStringLiteral("isotime"), F{{A::String}, true, [ctx](const QVariantList &a) {
                 const QDateTime t = ctx.effectiveInitTime();
                 if (a.isEmpty())
                     return R::ok(GoTimeFormat::format(t, QLatin1String(GoTimeFormat::RFC3339)));
                 if (a.size() > 1) {
                     QStringList parts;
                     for (const QVariant &v : a)
                         parts << v.toString();
                     return R::fail(QStringLiteral("too many values, 1 needed: [%1]").arg(parts.join(QLatin1Char(' '))));
                 }
                 return R::ok(GoTimeFormat::format(t, a[0].toString()));
             }});
    f.insert(QStringLiteral("strftime"), F{{A::String}, false, [ctx](const QVariantList &a) {
                 return R::ok(GoTimeFormat::strftime(ctx.effectiveInitTime(), a[0].toString()));
             }});
    f.insert(QStringLiteral("pwd"), F{{}, false, [](const QVariantList &) { return R::ok(QDir::currentPath()); }});
    f.insert(QStringLiteral("split"), F{{A::String, A::String, A::Int}, false, [](const QVariantList &a) {
                 const QString sep = a[1].toString();
                 const QStringList parts = goSplit(a[0].toString(), sep);
                 const qint64 i = a[2].toLongLong();
                 if (parts.size() <= i)
                     return R::fail(QStringLiteral("the substring %1 was unavailable using the separator value, %2, only %3 values were found")
                                        .arg(i).arg(sep).arg(parts.size()));
                 if (i < 0)
                     return R::fail(QStringLiteral("runtime error: index out of range [%1]").arg(i));
                 return R::ok(parts[i]);
             }});
    f.insert(QStringLiteral("template_dir"), F{{}, false, [ctx](const QVariantList &) {
                 if (ctx.templatePath.isEmpty())
                     return R::fail(QStringLiteral("template path not available"));
                 return R::ok(QDir::cleanPath(QFileInfo(QFileInfo(ctx.templatePath).path()).absoluteFilePath()));
             }});
    f.insert(QStringLiteral("timestamp"), F{{}, false, [ctx](const QVariantList &) {
                 return R::ok(QString::number(ctx.effectiveInitTime().toSecsSinceEpoch()));
             }});
    f.insert(QStringLiteral("uuid"), F{{}, false, [](const QVariantList &) { return R::ok(timeOrderedUuid()); }});
    f.insert(QStringLiteral("user"), F{{A::String}, false, [ctx](const QVariantList &a) {
                 if (!ctx.userVariables)
                     return R::fail(QStringLiteral("test"));
                 const QString k = a[0].toString();
                 auto it = ctx.userVariables->find(k);
                 if (it == ctx.userVariables->end()) {
                     if (ctx.enableEnv)
                         return R::fail(QStringLiteral("Error: variable not set: %1").arg(k));
                     return R::ok(QString());
                 }
                 return R::ok(it.value());
             }});
    f.insert(QStringLiteral("packer_version"), F{{}, false, [ctx](const QVariantList &) {
                 return ctx.corePackerVersion.isEmpty() ? R::fail(QStringLiteral("packer_version not available")) : R::ok(ctx.corePackerVersion);
             }});
    f.insert(QStringLiteral("consul_key"), F{{A::String}, false, [ctx](const QVariantList &a) {
                 if (!ctx.enableEnv)
                     return R::fail(QStringLiteral("consul_key is not allowed here"));
                 QString error;
                 const QString v = SecretSources::consulKey(a[0].toString(), ctx, error);
                 return error.isEmpty() ? R::ok(v) : R::fail(error);
             }});
    f.insert(QStringLiteral("vault"), F{{A::String, A::String}, false, [ctx](const QVariantList &a) {
                 if (!ctx.enableEnv)
                     return R::fail(QStringLiteral("Vault vars are only allowed in the variables section"));
                 QString error;
                 const QString v = SecretSources::vault(a[0].toString(), a[1].toString(), ctx, error);
                 return error.isEmpty() ? R::ok(v) : R::fail(error);
             }});
    f.insert(QStringLiteral("aws_secretsmanager"), F{{A::String}, true, [ctx](const QVariantList &a) {
                 if (!ctx.enableEnv)
                     return R::fail(QStringLiteral("AWS Secrets Manager is only allowed in the variables section"));
                 if (a.isEmpty())
                     return R::fail(QStringLiteral("secret name must be provided"));
                 if (a.size() > 2)
                     return R::fail(QStringLiteral("only secret name and optional secret key can be provided."));
                 QString error;
                 const QString v = SecretSources::awsSecret(a[0].toString(), a.size() > 1 ? a[1].toString() : QString(), false, ctx, error);
                 return error.isEmpty() ? R::ok(v) : R::fail(error);
             }});
    f.insert(QStringLiteral("aws_secretsmanager_raw"), F{{A::String}, false, [ctx](const QVariantList &a) {
                 if (!ctx.enableEnv)
                     return R::fail(QStringLiteral("AWS Secrets Manager is only allowed in the variables section"));
                 QString error;
                 const QString v = SecretSources::awsSecret(a[0].toString(), QString(), true, ctx, error);
                 return error.isEmpty() ? R::ok(v) : R::fail(error);
             }});
    f.insert(QStringLiteral("sed"), F{{A::String, A::String}, false, [](const QVariantList &) {
                 return R::fail(QStringLiteral("template function `sed` is deprecated use `replace` or `replace_all` instead.Documentation: https://www.packer.io/docs/templates/engine"));
             }});
    f.insert(QStringLiteral("build"), F{{A::String}, false, [ctx](const QVariantList &a) { return buildValue(ctx.data, a[0].toString()); }});
    f.insert(QStringLiteral("replace"), F{{A::String, A::String, A::Int, A::String}, false, [](const QVariantList &a) {
                 return R::ok(goReplace(a[3].toString(), a[0].toString(), a[1].toString(), a[2].toLongLong()));
             }});
    f.insert(QStringLiteral("replace_all"), F{{A::String, A::String, A::String}, false, [](const QVariantList &a) {
                 return R::ok(goReplace(a[2].toString(), a[0].toString(), a[1].toString(), -1));
             }});
    f.insert(QStringLiteral("upper"), F{{A::String}, false, [](const QVariantList &a) { return R::ok(a[0].toString().toUpper()); }});
    f.insert(QStringLiteral("lower"), F{{A::String}, false, [](const QVariantList &a) { return R::ok(a[0].toString().toLower()); }});
    return f;
}

} // namespace kiln::tmpl::legacy
