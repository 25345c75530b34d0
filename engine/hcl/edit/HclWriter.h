#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace kiln::hcl::edit {

// Writes new native-syntax text the way `packer fmt` would, then fits it to
// the file it goes into (indentation, indent unit, newline style).
class HclWriter
{
public:
    HclWriter(QByteArray indentUnit = "  ", QByteArray newline = "\n");

    // A quoted HCL string literal: `"`, `\` and control characters escaped,
    // `${` and `%{` doubled so they stay literal.
    static QByteArray quote(const QString &value);
    // Expression text as it goes after `name = `: a heredoc's final newline
    // dropped, since the line's own newline ends it.
    static QByteArray expressionText(const QString &expression);
    // Whether `name` can be written bare as an attribute name or label.
    static bool isIdentifier(const QString &name);

    // `type "label"... {` + `name = expression` lines + `}`, formatted
    // (aligned `=`), indented by `indent`, every line ending in a newline.
    QByteArray block(const QString &type, const QStringList &labels,
        const QList<QPair<QString, QString>> &attributes, const QByteArray &indent) const;
    // One `name = expression` line.
    QByteArray attribute(
        const QString &name, const QString &expression, const QByteArray &indent) const;

    // Moves lines written with `fromUnit` indentation (the least indented at
    // column 0) to `indent`, converting the indent unit; heredoc bodies are
    // left alone, their text is part of a value.
    QByteArray reindent(
        const QByteArray &text, const QByteArray &indent, const QByteArray &fromUnit = "  ") const;
    // Strips the indentation common to all non-blank lines (outside heredocs).
    static QByteArray dedent(const QByteArray &text);

private:
    QByteArray m_unit;
    QByteArray m_newline;
};

} // namespace kiln::hcl::edit
