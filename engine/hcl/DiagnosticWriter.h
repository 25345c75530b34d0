#pragma once

#include "engine/hcl/Ast.h"
#include "engine/hcl/Diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <vector>

namespace kiln::hcl {

// Renders diagnostics exactly as Packer prints them (hcl's diagnostic text writer):
//
//   Error: <summary>
//
//     on <file> line <n>:
//     (source code not available)      -- when the file's bytes are unknown
//     <n>: <source line>                -- otherwise, with the subject underlined
//
//   <detail, word-wrapped to width>
//
// `sources` maps filenames to their bytes. width 0 means no wrapping.
class DiagnosticWriter
{
public:
    explicit DiagnosticWriter(QHash<QString, QByteArray> sources, int width = 0, bool color = false);
    void addSource(const QString &filename, const QByteArray &bytes);
    QString render(const Diagnostic &diag) const;
    QString render(const Diagnostics &diags) const;

    // A parsed file: its bytes, plus its body for the ", in <block>" context.
    // Native files given only as bytes are parsed on first use for that.
    void addFile(const File &file);
    // What to print after "line N" as ", in ..." for an offset in `filename`
    // (hcl's File.Nav.ContextString); e.g. the JSON syntax's key path.
    void setContextProvider(const QString &filename, std::function<QString(int offset)> provider);

    // hcl's context string for a native body: the top-level block containing
    // `offset`, as `type "label1" "label2"`; empty outside any block.
    static QString contextString(const syntax::Body &root, int offset);
    // github.com/mitchellh/go-wordwrap's WrapString, which hcl uses for details.
    static QString wrapString(const QString &text, int width);

    // A source line as bufio.ScanLines yields it, with its hcl line number.
    struct SourceLine
    {
        int number = 1;
        int startByte = 0;
        int endByte = 0; // excludes the newline and a \r before it
    };

private:
    QString contextFor(const QString &filename, int offset) const;

    QHash<QString, QByteArray> m_sources;
    int m_width;
    bool m_color;
    QHash<QString, std::function<QString(int)>> m_contexts;
    mutable QHash<QString, std::shared_ptr<const syntax::Body>> m_bodies;
    mutable QHash<QString, std::vector<SourceLine>> m_lines; // by file, made on first use
};

} // namespace kiln::hcl
