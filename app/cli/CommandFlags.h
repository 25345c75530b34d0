#pragma once

// Flag parsing shared by the template commands, with Go's `flag` package rules
// (what Packer uses): `-name`, `--name`, `-name=value`, `-name value` (not for
// booleans), parsing stops at the first non-flag argument or after `--`.
// Also the flags every template command takes (-var, -var-file, -only,
// -except) and the small UI that prints as Packer's BasicUi or, with
// -machine-readable, its MachineReadableUi.

#include "app/cli/Command.h"
#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/DiagnosticWriter.h"
#include "engine/template/TemplateLoader.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace kiln::cli {

class CommandFlags
{
public:
    // A setter returns an error text, empty on success.
    using Setter = std::function<QString(const QString &value)>;

    void addBool(const QString &name, bool *target);
    void addString(const QString &name, QString *target);
    void addCustom(const QString &name, Setter setter);

    // The template flags: -var k=v, -var-file=path (both kept in command-line
    // order), -only=a,b and -except=a,b (comma-separated, repeatable).
    void addTemplateFlags(QStringList *only, QStringList *except, QList<tmpl::VarSetting> *vars);

    // Parses `args`; on failure returns false with Go's message in *error
    // ("flag provided but not defined: -x", "invalid value ... for flag -var: ...").
    bool parse(const QStringList &args, QString *error);
    const QStringList &remaining() const { return m_rest; }

private:
    struct Flag
    {
        bool isBool = false;
        bool *boolTarget = nullptr;
        Setter setter;
    };
    QHash<QString, Flag> m_flags;
    QStringList m_rest;
};

// Packer's Ui for the template commands: Say/Message to stdout, Error to
// stderr; machine-readable mode writes `timestamp,target,ui,<kind>,<text>` lines.
class CommandUi
{
public:
    CommandUi(CommandIo &io, bool machineReadable)
        : m_io(io)
        , m_machine(machineReadable)
    {
    }
    void say(const QString &text);
    void message(const QString &text);
    void error(const QString &text);

    // Packer's writeDiags: renders diagnostics (80 columns, no colour) with the
    // source lines of `files` (Packer passes none after parsing: "(source code
    // not available)"); errors go to error(), warnings alone to say().
    // Returns 1 if there was an error, else 0.
    int writeDiagnostics(const hcl::Diagnostics &diags, const QHash<QString, QByteArray> &files = {});
    // The same, for diagnostics about files already parsed (a template's `files`).
    int writeDiagnostics(const hcl::Diagnostics &diags, const QList<hcl::File> &files);

    // Replaces every secret with "<sensitive>" in what is printed from now on.
    void setSecrets(const QStringList &secrets) { m_secrets = secrets; }

private:
    int writeRendered(const hcl::Diagnostics &diags, const hcl::DiagnosticWriter &writer);
    void machine(const QString &kind, const QString &text);
    QString scrub(QString text) const;

    CommandIo &m_io;
    bool m_machine;
    QStringList m_secrets;
};

} // namespace kiln::cli
