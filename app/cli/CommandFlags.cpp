#include "app/cli/CommandFlags.h"

#include "engine/hcl/DiagnosticWriter.h"

#include <QDateTime>

#include <algorithm>

namespace kiln::cli {

void CommandFlags::addBool(const QString &name, bool *target)
{
    Flag f;
    f.isBool = true;
    f.boolTarget = target;
    m_flags.insert(name, f);
}

void CommandFlags::addString(const QString &name, QString *target)
{
    addCustom(name, [target](const QString &v) {
        *target = v;
        return QString();
    });
}

void CommandFlags::addCustom(const QString &name, Setter setter)
{
    Flag f;
    f.setter = std::move(setter);
    m_flags.insert(name, f);
}

void CommandFlags::addTemplateFlags(QStringList *only, QStringList *except, QList<tmpl::VarSetting> *vars)
{
    addCustom(QStringLiteral("only"), [only](const QString &v) {
        *only += v.split(QLatin1Char(','));
        return QString();
    });
    addCustom(QStringLiteral("except"), [except](const QString &v) {
        *except += v.split(QLatin1Char(','));
        return QString();
    });
    addCustom(QStringLiteral("var"), [vars](const QString &v) {
        const qsizetype eq = v.indexOf(QLatin1Char('='));
        if (eq < 0)
            return QStringLiteral("No '=' value in arg: %1").arg(v);
        vars->append({tmpl::VarSetting::Kind::Var, v.left(eq), v.mid(eq + 1)});
        return QString();
    });
    addCustom(QStringLiteral("var-file"), [vars](const QString &v) {
        vars->append({tmpl::VarSetting::Kind::File, QString(), v});
        return QString();
    });
}

bool CommandFlags::parse(const QStringList &args, QString *error)
{
    m_rest.clear();
    qsizetype i = 0;
    for (; i < args.size(); ++i) {
        QString a = args[i];
        if (a.size() < 2 || !a.startsWith(QLatin1Char('-')))
            break;
        if (a == QLatin1String("--")) {
            ++i;
            break;
        }
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        if (name.isEmpty() || name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('='))) {
            *error = QStringLiteral("bad flag syntax: %1").arg(a);
            return false;
        }
        QString value;
        bool hasValue = false;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasValue = true;
        }
        auto it = m_flags.constFind(name);
        if (it == m_flags.constEnd()) {
            *error = QStringLiteral("flag provided but not defined: -%1").arg(name);
            return false;
        }
        if (it->isBool) {
            if (!hasValue) {
                *it->boolTarget = true;
                continue;
            }
            static const QStringList truthy = {QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("T"),
                                               QStringLiteral("TRUE"), QStringLiteral("true"), QStringLiteral("True")};
            static const QStringList falsy = {QStringLiteral("0"), QStringLiteral("f"), QStringLiteral("F"),
                                              QStringLiteral("FALSE"), QStringLiteral("false"), QStringLiteral("False")};
            if (truthy.contains(value)) {
                *it->boolTarget = true;
            } else if (falsy.contains(value)) {
                *it->boolTarget = false;
            } else {
                *error = QStringLiteral("invalid boolean value \"%1\" for -%2: parse error").arg(value, name);
                return false;
            }
            continue;
        }
        if (!hasValue) {
            if (i + 1 >= args.size()) {
                *error = QStringLiteral("flag needs an argument: -%1").arg(name);
                return false;
            }
            value = args[++i];
        }
        const QString problem = it->setter(value);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("invalid value \"%1\" for flag -%2: %3").arg(value, name, problem);
            return false;
        }
    }
    m_rest = args.mid(i);
    return true;
}

QString CommandUi::scrub(QString text) const
{
    // Longest first, so a secret containing another is replaced whole.
    QStringList secrets = m_secrets;
    std::sort(secrets.begin(), secrets.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &s : secrets)
        if (!s.isEmpty())
            text.replace(s, QStringLiteral("<sensitive>"));
    return text;
}

void CommandUi::machine(const QString &kind, const QString &text)
{
    QString data = scrub(text);
    data.replace(QLatin1Char(','), QStringLiteral("%!(PACKER_COMMA)"));
    data.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    data.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    m_io.out << QDateTime::currentSecsSinceEpoch() << ",,ui," << kind << ',' << data << '\n';
    m_io.out.flush();
}

void CommandUi::say(const QString &text)
{
    if (m_machine)
        return machine(QStringLiteral("say"), text);
    m_io.out << scrub(text) << '\n';
    m_io.out.flush();
}

void CommandUi::message(const QString &text)
{
    if (m_machine)
        return machine(QStringLiteral("message"), text);
    m_io.out << scrub(text) << '\n';
    m_io.out.flush();
}

void CommandUi::error(const QString &text)
{
    if (m_machine)
        return machine(QStringLiteral("error"), text);
    m_io.err << scrub(text) << '\n';
    m_io.err.flush();
}

int CommandUi::writeDiagnostics(const hcl::Diagnostics &diags, const QHash<QString, QByteArray> &files)
{
    if (diags.isEmpty())
        return 0;
    return writeRendered(diags, hcl::DiagnosticWriter(files, 80, false));
}

int CommandUi::writeDiagnostics(const hcl::Diagnostics &diags, const QList<hcl::File> &files)
{
    if (diags.isEmpty())
        return 0;
    // The parsed bodies name the block around each error (", in source ..."); given
    // only bytes, the writer would parse every file again.
    hcl::DiagnosticWriter writer({}, 80, false);
    for (const hcl::File &f : files)
        writer.addFile(f);
    return writeRendered(diags, writer);
}

int CommandUi::writeRendered(const hcl::Diagnostics &diags, const hcl::DiagnosticWriter &writer)
{
    const QString text = writer.render(diags);
    if (text.isEmpty())
        return 0;
    if (diags.hasErrors()) {
        error(text);
        return 1;
    }
    say(text);
    return 0;
}

} // namespace kiln::cli
