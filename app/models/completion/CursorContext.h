#pragma once

#include "app/models/completion/HclOutline.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kiln::models {

// Where the cursor is, syntactically, as completion needs to know it.
struct CursorContext
{
    enum class Kind {
        None, // in a comment, or somewhere nothing can be proposed
        BodyItem, // where an argument or nested block name goes
        BlockLabel, // inside a block header's label
        Expression, // in an argument's value
    };

    Kind kind = Kind::None;
    // Blocks enclosing the cursor, outermost first (indexes into the outline).
    QList<int> path;
    // BlockLabel: the block whose header it is and which label.
    int block = -1;
    int labelIndex = -1;
    // Expression: the argument's name and whether the cursor is in literal string text
    // (a quoted string or heredoc outside any ${...}).
    QString attribute;
    bool inString = false;
    // The identifier-and-dots text right before the cursor ("var.im"), in bytes.
    QByteArray word;
    int wordStart = 0;
    // BlockLabel: where the label's text starts (what an accepted type replaces).
    int labelStart = 0;
    // The attributes already present in the innermost block (names).
    QStringList presentAttributes;
    // The nested blocks already present in the innermost block (types).
    QStringList presentBlocks;
    // The argument at the cursor while its name is being typed; excluded from "present".
    QString typedName;

    static CursorContext analyse(const HclOutline &outline, const QByteArray &utf8, int pos);
};

} // namespace kiln::models
