#pragma once

// The syntax-specific half of PipelineEditor: one subclass per way a template
// can be written (native HCL, HCL's JSON syntax, legacy Packer JSON). Each
// parses the text once and computes byte edits; this base turns them into the
// EditResult every operation answers with.

#include "engine/hcl/Diagnostic.h"
#include "engine/hcl/edit/ByteEdit.h"
#include "engine/hcl/edit/SourceText.h"
#include "engine/template/edit/BlockAddress.h"
#include "engine/template/edit/EditResult.h"

#include <QList>
#include <QPair>
#include <QString>
#include <memory>
#include <optional>

namespace kiln::tmpl::edit {

class PipelineDocument
{
public:
    using Attributes = QList<QPair<QString, QString>>;
    using Kind = BlockAddress::Kind;

    PipelineDocument(QString fileName, QString text);
    virtual ~PipelineDocument();

    // Picks the subclass for the file name (see PipelineEditor.h).
    static std::unique_ptr<PipelineDocument> create(QString fileName, QString text);

    const QString &fileName() const { return m_fileName; }
    const QString &text() const { return m_text; }
    const hcl::edit::SourceText &source() const { return m_source; }
    const QString &parseError() const { return m_parseError; }

    virtual std::optional<hcl::SourceRange> rangeOf(const BlockAddress &address) const = 0;
    virtual std::optional<BlockAddress> blockAt(int byte) const = 0;
    virtual int buildCount() const = 0;
    virtual int count(int build, Kind kind, int chain) const = 0;

    // Every operation has a default that says the syntax does not offer it;
    // subclasses override what their syntax supports.
    virtual EditResult addSource(const QString &type, const QString &name, const Attributes &attrs);
    virtual EditResult connectSource(int build, const QString &sourceRef);
    virtual EditResult disconnectSource(int build, const QString &sourceRef);
    virtual EditResult insertBlock(
        int build, Kind kind, int chain, int position, const QString &type, const Attributes &attrs)
        = 0;
    virtual EditResult move(const BlockAddress &from, int toPosition) = 0;
    virtual EditResult moveToBuild(const BlockAddress &from, int toBuild, int toPosition);
    virtual EditResult remove(const BlockAddress &address) = 0;
    virtual EditResult duplicate(const BlockAddress &address);
    virtual QString blockText(const BlockAddress &address) const;
    virtual EditResult insertBlockText(int build, Kind kind, int position, const QString &text);
    virtual EditResult setAttribute(
        const BlockAddress &address, const QString &key, const QString &expression)
        = 0;
    virtual EditResult removeAttribute(const BlockAddress &address, const QString &key) = 0;
    virtual EditResult renameBlock(const BlockAddress &address, const QStringList &labels);
    virtual EditResult addBuild(const QString &name);
    virtual EditResult addVariable(
        const QString &name, const QString &type, const QString &defaultExpr);

protected:
    // What this syntax is called in messages ("HCL JSON templates").
    virtual QString syntaxName() const = 0;
    // Parses edited bytes; the first error as a message, empty when fine.
    virtual QString checkParses(const QByteArray &bytes) const = 0;
    // Final touch on edited bytes (native: `packer fmt` if the input was clean).
    virtual QByteArray normalize(const QByteArray &bytes) const { return bytes; }

    // Applies byte edits, normalizes, verifies the result parses and answers
    // with minimal UTF-16 edits. A result that would not parse is refused
    // (e.g. a malformed expression handed to setAttribute).
    EditResult finish(const QList<hcl::edit::ByteEdit> &edits) const;
    EditResult unsupported(const QString &operation) const;
    // The first error of diags as "file:line,col-col: Summary; detail".
    static QString describe(const hcl::Diagnostics &diags);
    void setParseError(QString error) { m_parseError = std::move(error); }

    // Messages for addresses that point nowhere.
    static QString noBuild(const QString &file, int build, int count);
    static QString noEntry(const QString &what, int build, int index, int count);

private:
    QString m_fileName;
    QString m_text;
    hcl::edit::SourceText m_source;
    QString m_parseError;
};

} // namespace kiln::tmpl::edit
