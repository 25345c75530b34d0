#pragma once

#include <QString>
#include <QStringList>

namespace kiln::registry {

// A set of keys of which a component accepts at most one (or exactly one). Packer checks
// these in each plugin's Prepare(); the plugin's own error texts are kept so diagnostics can
// repeat them word for word when they are known.
struct ExclusiveGroup
{
    enum class Rule {
        ExactlyOne, // one key must be set, and only one
        AtMostOne, // none or one
    };

    QStringList keys;
    Rule rule = Rule::AtMostOne;
    // Packer's error when none of the keys is set (ExactlyOne only); empty if unknown.
    QString missingMessage;
    // Packer's error when more than one key is set; empty if unknown.
    QString conflictMessage;

    bool contains(const QString &key) const { return keys.contains(key); }
};

} // namespace kiln::registry
