#pragma once

#include "engine/hcl/edit/ByteEdit.h"
#include "engine/hcl/edit/SourceText.h"
#include "engine/hcl/json/JsonValue.h"

#include <QList>
#include <QPair>

namespace kiln::hcl::edit {

// Text surgery on a JSON document (HCL JSON syntax or a legacy Packer
// template): members and array elements are added, replaced, removed and
// moved in place, so key order, indentation and everything else in the file
// stay as written. New text follows the file's indent unit and puts one
// member or element per line when its container already does.
class JsonTextEditor
{
public:
    explicit JsonTextEditor(const SourceText &text);

    // The JSON value that stands for an HCL expression: the expression
    // itself when it is plain JSON (`"x"`, `3`, `[1, 2]`), else the string
    // "${expression}" (HCL's JSON syntax evaluates it as a template).
    static QByteArray jsonForExpression(const QString &expression);
    static QByteArray quote(const QString &s);

    // Renders {"key": value, ...} over several lines, at `indent` (the
    // first line unindented, as it follows a key or a bracket).
    QByteArray object(
        const QList<QPair<QString, QByteArray>> &members, const QByteArray &indent) const;
    // The indentation one level inside `container`.
    QByteArray innerIndent(const json::JsonValue &container) const;

    // The text of [start, end) with the indentation of its first line taken
    // off the following ones: ready to be inserted elsewhere (insertElement
    // and setMember indent every line after the first for their place).
    QByteArray valueText(int start, int end) const;

    ByteEdit replace(const json::JsonValue &value, const QByteArray &json) const;
    // Replaces the value of the last `key` member, or appends the member.
    ByteEdit setMember(
        const json::JsonValue &object, const QString &key, const QByteArray &json) const;
    ByteEdit removeMember(const json::JsonValue &object, int index) const;
    // Inserts an element so it becomes number `index` (past the end: appended).
    ByteEdit insertElement(const json::JsonValue &array, int index, const QByteArray &json) const;
    ByteEdit removeElement(const json::JsonValue &array, int index) const;
    // Moves element `from` so it ends up at `to`.
    QList<ByteEdit> moveElement(const json::JsonValue &array, int from, int to) const;

private:
    // Item ranges of an object (key through value) or an array.
    QList<QPair<int, int>> items(const json::JsonValue &container) const;
    ByteEdit insertItem(
        const json::JsonValue &container, int index, const QByteArray &itemText) const;
    ByteEdit removeItem(const json::JsonValue &container, int index) const;
    bool multiLine(const json::JsonValue &container) const;

    const SourceText &m_text;
};

} // namespace kiln::hcl::edit
