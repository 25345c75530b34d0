#include "components/shared/ShellEnvVars.h"

namespace kiln::components {

namespace {

// What a builder without an HTTP server puts in the generated data (Packer's
// commonsteps.HttpAddrNotImplemented and friends): such values are not exported.
bool implemented(const QVariant &value)
{
    return value.isValid() && !value.toString().startsWith(QLatin1String("ERR_HTTP_"));
}

// Go's %q for a string: double-quoted with Go escapes.
QString goQuote(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(int(c.unicode()), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

} // namespace

ShellEnvVars::ShellEnvVars(
    const QString &buildName, const QString &builderType, const QVariantMap &generatedData)
{
    m_vars.insert(QStringLiteral("PACKER_BUILD_NAME"), buildName);
    m_vars.insert(QStringLiteral("PACKER_BUILDER_TYPE"), builderType);
    const QVariant addr = generatedData.value(QStringLiteral("PackerHTTPAddr"));
    if (implemented(addr))
        m_vars.insert(QStringLiteral("PACKER_HTTP_ADDR"), addr.toString());
    const QVariant ip = generatedData.value(QStringLiteral("PackerHTTPIP"));
    if (implemented(ip))
        m_vars.insert(QStringLiteral("PACKER_HTTP_IP"), ip.toString());
    const QVariant port = generatedData.value(QStringLiteral("PackerHTTPPort"));
    if (implemented(port))
        m_vars.insert(QStringLiteral("PACKER_HTTP_PORT"), port.toString());
}

void ShellEnvVars::addVars(const QStringList &keyValues)
{
    for (const QString &kv : keyValues) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue; // rejected by validate() in prepare
        m_vars.insert(kv.left(eq), escapeSingleQuotes(kv.mid(eq + 1)));
    }
}

void ShellEnvVars::addEnv(const QMap<QString, QString> &env)
{
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        m_vars.insert(it.key(), escapeSingleQuotes(it.value()));
}

QString ShellEnvVars::flatten(const QString &format) const
{
    QString out;
    for (auto it = m_vars.cbegin(); it != m_vars.cend(); ++it)
        out += goSprintf(format, {it.key(), it.value()});
    return out;
}

QString ShellEnvVars::escapeSingleQuotes(const QString &value)
{
    QString out = value;
    return out.replace(QLatin1String("'"), QLatin1String("'\"'\"'"));
}

QString ShellEnvVars::goSprintf(const QString &format, const QStringList &args)
{
    QString out;
    int used = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        if (i + 1 >= format.size()) {
            out += QLatin1String("%!(NOVERB)");
            break;
        }
        const QChar verb = format.at(++i);
        if (verb == QLatin1Char('%')) {
            out += verb;
            continue;
        }
        if (used >= args.size()) {
            out += QStringLiteral("%!%1(MISSING)").arg(verb);
            continue;
        }
        const QString &arg = args.at(used++);
        if (verb == QLatin1Char('s') || verb == QLatin1Char('v'))
            out += arg;
        else if (verb == QLatin1Char('q'))
            out += goQuote(arg);
        else
            out += QStringLiteral("%!%1(string=%2)").arg(verb, arg);
    }
    if (used < args.size()) {
        QStringList extra;
        for (int k = used; k < args.size(); ++k)
            extra << QStringLiteral("string=%1").arg(args.at(k));
        out += QStringLiteral("%!(EXTRA %1)").arg(extra.join(QLatin1String(", ")));
    }
    return out;
}

} // namespace kiln::components
