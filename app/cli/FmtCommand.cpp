#include "app/cli/FmtCommand.h"

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>
#include <optional>
#include <vector>

namespace kiln::cli {

namespace {

using kiln::hcl::Diagnostic;
using kiln::hcl::Diagnostics;

const char *const helpText
    = "Usage: kiln fmt [options] [TEMPLATE]\n"
      "\n"
      "  Rewrites all Packer configuration files to a canonical format. Both\n"
      "  configuration files (.pkr.hcl) and variable files (.pkrvars.hcl) are updated.\n"
      "  JSON files (.json) are not modified.\n"
      "\n"
      "  If TEMPLATE is \".\" the current directory will be used.\n"
      "  If TEMPLATE is \"-\" then content will be read from STDIN.\n"
      "\n"
      "  The given content must be in Packer's HCL2 configuration language; JSON is\n"
      "  not supported.\n"
      "\n"
      "Options:\n"
      "  -check        Check if the input is formatted. Exit status will be 0 if all\n"
      "                 input is properly formatted and non-zero otherwise.\n"
      "\n"
      "  -diff         Display diffs of formatting change\n"
      "\n"
      "  -write=false  Don't write to source files\n"
      "                (always disabled if using -check)\n"
      "\n"
      "  -recursive     Also process files in subdirectories. By default, only the\n"
      "                 given directory (or current directory) is processed.\n";

struct FmtOptions
{
    bool check = false;
    bool diff = false;
    bool write = true;
    bool recursive = false;
    QString path;
};

// Go's strconv.ParseBool, which the flag package uses for "-flag=value".
std::optional<bool> parseGoBool(const QString &v)
{
    static const QStringList yes{"1", "t", "T", "TRUE", "true", "True"};
    static const QStringList no{"0", "f", "F", "FALSE", "false", "False"};
    if (yes.contains(v))
        return true;
    if (no.contains(v))
        return false;
    return std::nullopt;
}

// Parses flags as Go's flag package does (which Packer uses): "-x", "--x",
// "-x=v"; flags end at the first non-flag argument, "-" or "--".
std::optional<FmtOptions> parseArgs(QStringList args)
{
    FmtOptions o;
    while (!args.isEmpty()) {
        const QString a = args.first();
        if (a.size() < 2 || !a.startsWith(u'-'))
            break;
        args.removeFirst();
        if (a == QLatin1String("--"))
            break;
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        std::optional<bool> value = true;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = parseGoBool(name.mid(eq + 1));
            name.truncate(eq);
        }
        if (!value)
            return std::nullopt;
        if (name == QLatin1String("check"))
            o.check = *value;
        else if (name == QLatin1String("diff"))
            o.diff = *value;
        else if (name == QLatin1String("write"))
            o.write = *value;
        else if (name == QLatin1String("recursive"))
            o.recursive = *value;
        else
            return std::nullopt; // unknown flag, or -h/-help
    }
    if (args.size() != 1)
        return std::nullopt;
    o.path = args.first();
    return o;
}

// hclparse refuses to hand unparseable input to the formatter. Until the
// parser is wired in, refuse what the scanner alone can prove broken:
// characters HCL never accepts and brackets, quotes, heredocs or template
// sequences that are not closed in order.
// Packer refuses to format what hclsyntax cannot parse; so does kiln, with the
// real parser (the same one validate uses).
bool looksParseable(const QByteArray &src, const QString &filename)
{
    hcl::Diagnostics diags;
    (void)hcl::parseConfig(src, filename, diags);
    return !diags.hasErrors();
}

bool isHclFile(const QString &path)
{
    return path.endsWith(QLatin1String(".pkr.hcl")) || path.endsWith(QLatin1String(".pkrvars.hcl"));
}

// hcl's diagnostic text writer: summary, blank line, detail wrapped at 80
// columns, blank line; Packer's UI adds a final newline.
QString wrapDetail(const QString &detail)
{
    QString out;
    int lineLen = 0;
    for (const QString &word : detail.split(u' ', Qt::SkipEmptyParts)) {
        if (lineLen > 0 && lineLen + 1 + word.size() > 80) {
            out += u'\n';
            lineLen = 0;
        } else if (lineLen > 0) {
            out += u' ';
            ++lineLen;
        }
        out += word;
        lineLen += int(word.size());
    }
    return out;
}

class FmtRun
{
public:
    FmtRun(const FmtOptions &o, CommandIo &io)
        : m_o(o)
        , m_io(io)
    { }

    int run()
    {
        if (m_o.check)
            m_o.write = false;
        if (m_o.path == QLatin1String("-"))
            formatStdin();
        else
            formatPath(m_o.path);
        if (!m_diags.isEmpty()) {
            QString text;
            for (const Diagnostic &d : m_diags) {
                text += QStringLiteral("Error: ") + d.summary + "\n\n";
                if (!d.detail.isEmpty())
                    text += wrapDetail(d.detail) + "\n\n";
            }
            m_io.out << text << "\n";
            return 1;
        }
        return m_o.check && m_bytesModified > 0 ? 3 : 0;
    }

private:
    void writeRaw(const QByteArray &bytes)
    {
        m_io.out.flush();
        if (QIODevice *dev = m_io.out.device())
            dev->write(bytes);
        else
            m_io.out << QString::fromUtf8(bytes);
    }

    void fail(const QString &summary, const QString &detail = {})
    {
        m_diags += Diagnostic::error(summary, detail);
    }

    void formatPath(const QString &path)
    {
        const QFileInfo info(path);
        if (!info.exists()) {
            fail(QStringLiteral("Cannot tell wether %1 is a directory").arg(path),
                QStringLiteral("stat %1: no such file or directory").arg(path));
            return;
        }
        if (!info.isDir()) {
            if (!isHclFile(path)) {
                fail(QStringLiteral("Cannot tell whether %1 contains HCL2 configuration data")
                         .arg(path));
                return;
            }
            formatFile(path);
            return;
        }
        formatDirectory(path);
    }

    // Packer formats a directory's *.pkr.hcl files, then its *.pkrvars.hcl
    // files, each in name order; -recursive then descends into
    // subdirectories (skipping hidden ones such as .git).
    void formatDirectory(const QString &dir)
    {
        const QDir d(dir);
        const QDir::Filters filters = QDir::Files | QDir::Hidden | QDir::System;
        const QStringList all = d.entryList(filters, QDir::Name);
        for (const char *suffix : {".pkr.hcl", ".pkrvars.hcl"})
            for (const QString &name : all)
                if (name.endsWith(QLatin1String(suffix)))
                    formatFile(join(dir, name));
        if (!m_o.recursive)
            return;
        for (const QString &sub : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            formatDirectory(join(dir, sub));
    }

    static QString join(const QString &dir, const QString &name)
    {
        return QDir::cleanPath(dir + u'/' + name);
    }

    void formatFile(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("encountered an error while formatting %1").arg(path),
                QStringLiteral("failed to open %1: %2").arg(path, f.errorString()));
            return;
        }
        const QByteArray in = f.readAll();
        f.close();
        if (!looksParseable(in, path)) {
            fail(QStringLiteral("encountered an error while formatting %1").arg(path),
                QStringLiteral("failed to parse HCL %1").arg(path));
            return;
        }
        const QByteArray out = hcl::formatHcl(in);
        if (out == in)
            return;
        m_bytesModified += out.size();
        m_io.out << path << "\n";
        if (m_o.write) {
            QFile w(path);
            if (!w.open(QIODevice::WriteOnly | QIODevice::Truncate) || w.write(out) != out.size()) {
                fail(QStringLiteral("encountered an error while formatting %1").arg(path),
                    QStringLiteral("open %1: %2").arg(path, w.errorString()));
                return;
            }
        }
        if (m_o.diff)
            showDiff(in, out, path);
    }

    // Packer shells out to diff(1) with these labels; so do we, for the
    // same hunks.
    void showDiff(const QByteArray &before, const QByteArray &after, const QString &path)
    {
        QTemporaryFile a;
        QTemporaryFile b;
        if (!a.open() || !b.open()) {
            fail(QStringLiteral("encountered an error while formatting %1").arg(path),
                QStringLiteral("failed to generate diff for %1").arg(path));
            return;
        }
        a.write(before);
        b.write(after);
        a.flush();
        b.flush();
        QProcess diff;
        diff.setProcessChannelMode(QProcess::MergedChannels);
        diff.start(QStringLiteral("diff"),
            {QStringLiteral("--label=old/") + path, QStringLiteral("--label=new/") + path,
                QStringLiteral("-u"), a.fileName(), b.fileName()});
        diff.waitForFinished(-1);
        const QByteArray text = diff.readAll();
        if (text.isEmpty()) {
            fail(QStringLiteral("encountered an error while formatting %1").arg(path),
                QStringLiteral("failed to generate diff for %1: %2").arg(path, diff.errorString()));
            return;
        }
        writeRaw(text);
    }

    // Newer Packer reads "-" from standard input and writes the result to
    // standard output (no file name, no diff).
    void formatStdin()
    {
        QByteArray in;
        if (QIODevice *dev = m_io.in.device())
            in = dev->readAll();
        else
            in = m_io.in.readAll().toUtf8();
        if (!looksParseable(in, QStringLiteral("-"))) {
            fail(QStringLiteral("encountered an error while formatting -"),
                QStringLiteral("failed to parse HCL -"));
            return;
        }
        const QByteArray out = hcl::formatHcl(in);
        if (out == in) {
            writeRaw(out);
            return;
        }
        m_bytesModified += out.size();
        if (m_o.write)
            writeRaw(out);
    }

    FmtOptions m_o;
    CommandIo &m_io;
    Diagnostics m_diags;
    qsizetype m_bytesModified = 0;
};

} // namespace

Command fmtCommand()
{
    return {QStringLiteral("fmt"), QStringLiteral("Rewrites HCL2 config files to canonical format"),
        [](const QStringList &args, CommandIo &io) {
            const std::optional<FmtOptions> options = parseArgs(args);
            if (!options) {
                io.out << helpText;
                return 1;
            }
            return FmtRun(*options, io).run();
        }};
}

} // namespace kiln::cli
