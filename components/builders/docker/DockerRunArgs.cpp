#include "components/builders/docker/DockerRunArgs.h"

#include <QJsonArray>
#include <QProcessEnvironment>

namespace kiln::components {

namespace {

QJsonArray appended(const QJsonValue &array, const QString &value)
{
    QJsonArray a = array.toArray();
    a.append(value);
    return a;
}

} // namespace

DockerRunArgs DockerRunArgs::parse(const QStringList &args)
{
    DockerRunArgs out;
    QJsonObject config;
    QJsonObject host;
    QJsonObject tmpfs;
    QJsonObject labels;
    QJsonArray devices;
    config.insert(QStringLiteral("AttachStdin"), false);
    int i = 0;
    auto needValue
        = [&](const QString &flag, QString *value, const QString &inlineValue, bool hasInline) {
              if (hasInline) {
                  *value = inlineValue;
                  return true;
              }
              if (i + 1 >= args.size()) {
                  out.error = QStringLiteral("flag needs an argument: %1").arg(flag);
                  return false;
              }
              *value = args.at(++i);
              return true;
          };
    for (; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (arg == QLatin1String("--")) {
            ++i;
            break;
        }
        if (!arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-"))
            break;
        QString flag = arg;
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(QLatin1String("--"))) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            if (eq > 0) {
                flag = arg.left(eq);
                inlineValue = arg.mid(eq + 1);
                hasInline = true;
            }
        } else if (arg.size() > 2) {
            // A bundle of boolean short flags ("-dit") or a short flag with its value ("-eX=1").
            const QString letters = arg.mid(1);
            bool allBool = true;
            for (QChar c : letters)
                allBool = allBool && QStringLiteral("dit").contains(c);
            if (allBool) {
                for (QChar c : letters) {
                    if (c == QLatin1Char('i'))
                        config.insert(QStringLiteral("OpenStdin"), true);
                    else if (c == QLatin1Char('t'))
                        config.insert(QStringLiteral("Tty"), true);
                }
                continue;
            }
            flag = arg.left(2);
            inlineValue = arg.mid(2);
            if (inlineValue.startsWith(QLatin1Char('=')))
                inlineValue.remove(0, 1);
            hasInline = true;
        }
        QString v;
        if (flag == QLatin1String("-d") || flag == QLatin1String("--detach")) {
            // Containers are always created and started detached through the API.
        } else if (flag == QLatin1String("-i") || flag == QLatin1String("--interactive")) {
            config.insert(QStringLiteral("OpenStdin"), true);
        } else if (flag == QLatin1String("-t") || flag == QLatin1String("--tty")) {
            config.insert(QStringLiteral("Tty"), true);
        } else if (flag == QLatin1String("--privileged")) {
            host.insert(QStringLiteral("Privileged"), true);
        } else if (flag == QLatin1String("--rm")) {
            host.insert(QStringLiteral("AutoRemove"), true);
        } else if (flag == QLatin1String("--entrypoint")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            config.insert(QStringLiteral("Entrypoint"), QJsonArray{v});
        } else if (flag == QLatin1String("-e") || flag == QLatin1String("--env")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            // "NAME" alone takes the value from Kiln's environment, as the CLI does.
            if (!v.contains(QLatin1Char('='))) {
                const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                if (!env.contains(v))
                    continue;
                v += QLatin1Char('=') + env.value(v);
            }
            config.insert(QStringLiteral("Env"), appended(config.value(QStringLiteral("Env")), v));
        } else if (flag == QLatin1String("-v") || flag == QLatin1String("--volume")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            host.insert(QStringLiteral("Binds"), appended(host.value(QStringLiteral("Binds")), v));
        } else if (flag == QLatin1String("--cap-add")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            host.insert(
                QStringLiteral("CapAdd"), appended(host.value(QStringLiteral("CapAdd")), v));
        } else if (flag == QLatin1String("--cap-drop")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            host.insert(
                QStringLiteral("CapDrop"), appended(host.value(QStringLiteral("CapDrop")), v));
        } else if (flag == QLatin1String("-u") || flag == QLatin1String("--user")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            config.insert(QStringLiteral("User"), v);
        } else if (flag == QLatin1String("-w") || flag == QLatin1String("--workdir")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            config.insert(QStringLiteral("WorkingDir"), v);
        } else if (flag == QLatin1String("-h") || flag == QLatin1String("--hostname")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            config.insert(QStringLiteral("Hostname"), v);
        } else if (flag == QLatin1String("--name")) {
            if (!needValue(flag, &out.name, inlineValue, hasInline))
                return out;
        } else if (flag == QLatin1String("--network") || flag == QLatin1String("--net")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            host.insert(QStringLiteral("NetworkMode"), v);
        } else if (flag == QLatin1String("--runtime")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            host.insert(QStringLiteral("Runtime"), v);
        } else if (flag == QLatin1String("--platform")) {
            if (!needValue(flag, &out.platform, inlineValue, hasInline))
                return out;
        } else if (flag == QLatin1String("-l") || flag == QLatin1String("--label")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            labels.insert(eq < 0 ? v : v.left(eq), eq < 0 ? QString() : v.mid(eq + 1));
        } else if (flag == QLatin1String("--tmpfs")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            const qsizetype colon = v.indexOf(QLatin1Char(':'));
            tmpfs.insert(colon < 0 ? v : v.left(colon), colon < 0 ? QString() : v.mid(colon + 1));
        } else if (flag == QLatin1String("--device")) {
            if (!needValue(flag, &v, inlineValue, hasInline))
                return out;
            const QStringList parts = v.split(QLatin1Char(':'));
            QJsonObject d{{QStringLiteral("PathOnHost"), parts.value(0)},
                {QStringLiteral("PathInContainer"), parts.value(1, parts.value(0))},
                {QStringLiteral("CgroupPermissions"), parts.value(2, QStringLiteral("rwm"))}};
            devices.append(d);
        } else {
            out.error = QStringLiteral("unknown flag: %1").arg(flag);
            return out;
        }
    }
    if (i >= args.size()) {
        out.error = QStringLiteral("\"docker run\" requires at least 1 argument.");
        return out;
    }
    config.insert(QStringLiteral("Image"), args.at(i));
    const QStringList command = args.mid(i + 1);
    if (!command.isEmpty())
        config.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(command));
    if (!tmpfs.isEmpty())
        host.insert(QStringLiteral("Tmpfs"), tmpfs);
    if (!devices.isEmpty())
        host.insert(QStringLiteral("Devices"), devices);
    if (!labels.isEmpty())
        config.insert(QStringLiteral("Labels"), labels);
    config.insert(QStringLiteral("HostConfig"), host);
    out.body = config;
    return out;
}

} // namespace kiln::components
