#include "components/provisioners/ansible/AnsibleArguments.h"

namespace kiln::components {

namespace {

const QString noHttpAddr = QStringLiteral("ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER");

} // namespace

bool AnsibleArguments::hasArg(const QString &name, const QStringList &args)
{
    for (const QString &arg : args)
        if (arg.split(QLatin1Char('=')).contains(name))
            return true;
    return false;
}

QString AnsibleArguments::goQuote(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QStringLiteral("\\\"");
            break;
        case '\\':
            out += QStringLiteral("\\\\");
            break;
        case '\n':
            out += QStringLiteral("\\n");
            break;
        case '\t':
            out += QStringLiteral("\\t");
            break;
        case '\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + QLatin1Char('"');
}

QStringList AnsibleArguments::build(const Inputs &in)
{
    QStringList args;
    const QString connType = in.generatedData.value(QStringLiteral("ConnType")).toString();
    if (!in.buildName.isEmpty())
        args << QStringLiteral("-e")
             << QStringLiteral("packer_build_name=%1").arg(goQuote(in.buildName));
    args << QStringLiteral("-e") << QStringLiteral("packer_builder_type=%1").arg(in.builderType);
    const QString httpAddr = in.generatedData.value(QStringLiteral("PackerHTTPAddr")).toString();
    if (httpAddr != noHttpAddr)
        args << QStringLiteral("-e") << QStringLiteral("packer_http_addr=%1").arg(httpAddr);
    if (connType == QLatin1String("ssh") && !in.privateKeyFile.isEmpty()) {
        // Packer quotes each argument for Ansible's own shlex split of --ssh-extra-args.
        args << QStringLiteral("--ssh-extra-args");
        if (!in.sshExtraArgs.isEmpty())
            args << QStringLiteral("'%1'").arg(in.sshExtraArgs.join(QStringLiteral("' '")));
        else
            args << QStringLiteral("'-o IdentitiesOnly=yes'");
    }
    args << in.extraArguments;
    const QString passwordArg = QStringLiteral("ansible_password");
    if (!hasArg(passwordArg, args) && !in.useProxy && connType == QLatin1String("winrm"))
        args << QStringLiteral("-e")
             << QStringLiteral("ansible_password=%1")
                    .arg(in.generatedData.value(QStringLiteral("Password")).toString());
    if (!hasArg(passwordArg, args) && !in.privateKeyFile.isEmpty())
        args << QStringLiteral("-e")
             << QStringLiteral("ansible_ssh_private_key_file=%1").arg(in.privateKeyFile);
    if (hasArg(passwordArg, args) && connType == QLatin1String("ssh")
        && !hasArg(QStringLiteral("ansible_host_key_checking"), args)
        && !hasArg(QStringLiteral("ANSIBLE_HOST_KEY_CHECKING"), in.envVars))
        args << QStringLiteral("-e") << QStringLiteral("ansible_host_key_checking=False");
    args << QStringLiteral("-i") << in.inventory << in.playbook;
    return args;
}

QString AnsibleArguments::sanitized(const QString &program, const QStringList &args,
    const QStringList &extraArguments, const QVariantMap &generatedData)
{
    QString text = (QStringList{program} + args).join(QLatin1Char(' '));
    const QString mask = QStringLiteral("*****");
    for (const QString &arg : extraArguments) {
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq < 0)
            continue;
        const QString name = arg.left(eq).toLower();
        const QString value = arg.mid(eq + 1);
        if ((name.contains(QLatin1String("password")) || name.contains(QLatin1String("secret")))
            && !value.isEmpty())
            text.replace(value, mask);
    }
    for (const char *key : {"WinRMPassword", "Password"}) {
        const QString secret = generatedData.value(QLatin1String(key)).toString();
        if (!secret.isEmpty())
            text.replace(secret, mask);
    }
    return text;
}

} // namespace kiln::components
