#include "app/models/document/TextEditCommand.h"

#include "app/models/document/TemplateDocument.h"

#include <algorithm>

namespace kiln::models {

TextEditCommand::TextEditCommand(TemplateDocument *doc, QString file, QList<TextChange> changes,
    const QString &label, Origin origin)
    : QUndoCommand(label)
    , m_doc(doc)
    , m_file(std::move(file))
    , m_origin(origin)
{
    // Applying from the end keeps the earlier offsets valid.
    std::stable_sort(changes.begin(), changes.end(),
        [](const TextChange &a, const TextChange &b) { return a.start > b.start; });
    const QString before = doc->text(m_file);
    for (const TextChange &c : changes) {
        const int start = qBound(0, c.start, int(before.size()));
        const int end = qBound(start, c.end, int(before.size()));
        m_applied.append({start, before.mid(start, end - start), c.text});
    }
}

void TextEditCommand::redo()
{
    for (const Applied &a : m_applied)
        m_doc->replaceText(m_file, a.start, a.start + int(a.removed.size()), a.inserted);
}

void TextEditCommand::undo()
{
    for (auto it = m_applied.crbegin(); it != m_applied.crend(); ++it)
        m_doc->replaceText(m_file, it->start, it->start + int(it->inserted.size()), it->removed);
}

int TextEditCommand::id() const
{
    return m_origin == Typing ? 0x4b494c4e : -1;
}

bool TextEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const TextEditCommand *>(other);
    if (next->m_file != m_file || m_applied.size() != 1 || next->m_applied.size() != 1)
        return false;
    Applied &mine = m_applied.first();
    const Applied &theirs = next->m_applied.first();
    // A new line starts a new undo step, as most editors do.
    if (theirs.inserted.contains(QLatin1Char('\n')))
        return false;
    // Typing on: an insertion right after what this command inserted.
    if (theirs.removed.isEmpty() && !theirs.inserted.isEmpty() && !mine.inserted.isEmpty()
        && theirs.start == mine.start + mine.inserted.size()) {
        mine.inserted += theirs.inserted;
        return true;
    }
    // Backspacing over what was typed, or over text before it.
    if (theirs.inserted.isEmpty() && !theirs.removed.isEmpty()) {
        const int myEnd = mine.start + int(mine.inserted.size());
        if (theirs.start + theirs.removed.size() == myEnd
            && theirs.removed.size() <= mine.inserted.size()) {
            mine.inserted.chop(theirs.removed.size());
            setObsolete(mine.inserted.isEmpty() && mine.removed.isEmpty());
            return true;
        }
        if (mine.inserted.isEmpty() && theirs.start + theirs.removed.size() == mine.start) {
            mine.removed.prepend(theirs.removed);
            mine.start = theirs.start;
            return true;
        }
    }
    return false;
}

} // namespace kiln::models
