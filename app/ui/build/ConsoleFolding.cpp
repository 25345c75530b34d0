#include "app/ui/build/ConsoleFolding.h"

#include <QTextDocument>

namespace kiln::ui {

using models::ConsoleLine;

namespace {

// What identifies a header across a re-render (timestamps shown, palette changed): the
// document is rebuilt from the run's buffer, so block numbers change but these do not.
class HeaderData : public QTextBlockUserData
{
public:
    explicit HeaderData(QString key)
        : key(std::move(key))
    { }
    QString key;
};

QString headerKey(const ConsoleLine &line)
{
    return line.build + QChar(0x1f) + QString::number(line.msecsSinceEpoch) + QChar(0x1f)
        + line.text;
}

QString keyOf(const QTextBlock &block)
{
    const auto *d = static_cast<const HeaderData *>(block.userData());
    return d ? d->key : QString();
}

void setFlags(QTextBlock block, int flags)
{
    block.setUserState((ConsoleFolding::buildId(block) << ConsoleFolding::FlagBits) | flags);
}

} // namespace

ConsoleFolding::ConsoleFolding(QTextDocument *document)
    : m_doc(document)
{ }

int ConsoleFolding::flags(const QTextBlock &block)
{
    const int s = block.userState();
    return s < 0 ? 0 : s & ((1 << FlagBits) - 1);
}

int ConsoleFolding::buildId(const QTextBlock &block)
{
    const int s = block.userState();
    return s < 0 ? 0 : s >> FlagBits;
}

bool ConsoleFolding::isFoldable(const QTextBlock &block)
{
    const int f = flags(block);
    return (f & Header) && (f & HasBody);
}

int ConsoleFolding::idOf(const QString &build)
{
    auto it = m_ids.constFind(build);
    if (it != m_ids.constEnd())
        return it.value();
    const int id = int(m_ids.size()) + 1;
    m_ids.insert(build, id);
    return id;
}

QTextBlock ConsoleFolding::runningHeader(int id) const
{
    auto it = m_tracks.constFind(id);
    if (it == m_tracks.constEnd())
        return {};
    // The cursor moves when blocks before it go; if its own header was elided it now sits
    // on some other block, which is why the flags decide.
    const QTextBlock b = it->header.block();
    return (flags(b) & Running) && buildId(b) == id ? b : QTextBlock();
}

void ConsoleFolding::noteAppended(QTextBlock block, const QList<ConsoleLine> &lines)
{
    QList<QTextBlock> finished;
    const QString *lastBuild = nullptr;
    int lastId = 0;
    for (const ConsoleLine &line : lines) {
        if (!block.isValid())
            break;
        int id = 0;
        // Announcements precede every step; run-wide lines belong to no build.
        if (!line.build.isEmpty() && line.kind != ConsoleLine::Kind::Announce) {
            if (!lastBuild || *lastBuild != line.build) {
                lastId = idOf(line.build);
                lastBuild = &line.build;
            }
            id = lastId;
        }
        int f = 0;
        if (id != 0) {
            switch (line.kind) {
            case ConsoleLine::Kind::Say: {
                f = Header | Running;
                const QTextBlock previous = runningHeader(id);
                if (previous.isValid()) {
                    setFlags(previous, flags(previous) & ~Running);
                    if (m_autoFold && !m_replaying)
                        finished << previous;
                }
                Track &t = m_tracks[id];
                t.header = QTextCursor(block);
                t.hasBody = false;
                block.setUserData(new HeaderData(headerKey(line)));
                break;
            }
            case ConsoleLine::Kind::Finished:
            case ConsoleLine::Kind::Errored: {
                f = StepEnd;
                const QTextBlock previous = runningHeader(id);
                if (previous.isValid())
                    setFlags(previous, flags(previous) & ~Running);
                m_tracks.remove(id);
                break;
            }
            default: {
                auto it = m_tracks.find(id);
                if (it != m_tracks.end() && !it->hasBody) {
                    const QTextBlock header = runningHeader(id);
                    if (header.isValid())
                        setFlags(header, flags(header) | HasBody);
                    it->hasBody = true;
                }
                break;
            }
            }
        }
        block.setUserState((id << FlagBits) | f);
        block = block.next();
    }
    for (const QTextBlock &header : std::as_const(finished))
        fold(header);
}

void ConsoleFolding::markNotice(QTextBlock block)
{
    block.setUserState(Notice);
    block.setUserData(nullptr);
    block.setVisible(true);
}

void ConsoleFolding::moveState(QTextBlock from, QTextBlock to)
{
    to.setUserState(from.userState());
    to.setVisible(from.isVisible());
    const auto *d = static_cast<const HeaderData *>(from.userData());
    to.setUserData(d ? new HeaderData(d->key) : nullptr);
    from.setUserState(-1);
    from.setUserData(nullptr);
    from.setVisible(true);
}

void ConsoleFolding::noteElided(const QList<ConsoleLine> &lines, qsizetype from, qsizetype count)
{
    for (qsizetype i = from; i < from + count; ++i)
        if (const ConsoleLine &l = lines.at(i); !l.build.isEmpty()
            && (l.kind == ConsoleLine::Kind::Say || l.kind == ConsoleLine::Kind::Finished
                || l.kind == ConsoleLine::Kind::Errored))
            m_cut.insert(idOf(l.build));
}

ConsoleFolding::Removal ConsoleFolding::removing(QTextBlock first, const QTextBlock &end)
{
    Removal out;
    QHash<int, bool> lastHeaderFolded;
    for (QTextBlock b = first; b.isValid() && b != end; b = b.next()) {
        const int f = flags(b);
        if (!(f & (Header | StepEnd)))
            continue;
        m_cut.insert(buildId(b));
        if (!(f & Header))
            continue;
        lastHeaderFolded[buildId(b)] = f & Folded;
        if (f & Folded) {
            --m_folded;
            m_foldedKeys.remove(keyOf(b));
        }
    }
    for (auto it = lastHeaderFolded.cbegin(); it != lastHeaderFolded.cend(); ++it)
        if (it.value())
            out.revealBuilds << it.key();
    return out;
}

void ConsoleFolding::removed(const Removal &removal, const QTextBlock &firstAfter)
{
    for (const int id : removal.revealBuilds) {
        QTextBlock last;
        for (QTextBlock b = firstAfter; b.isValid(); b = b.next()) {
            if (buildId(b) != id)
                continue;
            if (flags(b) & (Header | StepEnd))
                break;
            b.setVisible(true);
            last = b;
        }
        if (last.isValid())
            dirty(firstAfter.position(), last.position() + last.length());
    }
}

void ConsoleFolding::setVisibleRange(const QTextBlock &header, bool visible)
{
    const int id = buildId(header);
    QTextBlock last = header;
    for (QTextBlock b = header.next(); b.isValid(); b = b.next()) {
        if ((flags(b) & Notice) && stopsAtNotice(id))
            break;
        if (buildId(b) != id)
            continue; // other builds' lines, run-wide lines and the elision notice stay
        if (flags(b) & (Header | StepEnd))
            break;
        b.setVisible(visible);
        last = b;
    }
    dirty(header.position(), last.position() + last.length());
}

void ConsoleFolding::dirty(int from, int to)
{
    const int end = std::min(to, m_doc->characterCount());
    if (end > from)
        m_doc->markContentsDirty(from, end - from);
}

bool ConsoleFolding::fold(const QTextBlock &header)
{
    const int f = flags(header);
    if (!(f & Header) || !(f & HasBody) || (f & (Folded | Running)))
        return false;
    setFlags(header, f | Folded);
    ++m_folded;
    m_foldedKeys.insert(keyOf(header));
    setVisibleRange(header, false);
    return true;
}

bool ConsoleFolding::unfold(const QTextBlock &header)
{
    const int f = flags(header);
    if (!(f & Folded))
        return false;
    setFlags(header, f & ~Folded);
    --m_folded;
    m_foldedKeys.remove(keyOf(header));
    setVisibleRange(header, true);
    return true;
}

bool ConsoleFolding::toggle(const QTextBlock &header)
{
    return (flags(header) & Folded) ? unfold(header) : fold(header);
}

template <class Wanted> void ConsoleFolding::foldWhere(Wanted wanted)
{
    // Per build: whether the step being walked is folded. One pass, however many builds.
    QHash<int, bool> hiding;
    for (QTextBlock b = m_doc->begin(); b.isValid(); b = b.next()) {
        const int id = buildId(b);
        int f = flags(b);
        if (f & Notice) {
            for (auto it = hiding.begin(); it != hiding.end(); ++it)
                if (stopsAtNotice(it.key()))
                    it.value() = false;
        }
        if (id == 0)
            continue;
        if (f & Header) {
            if (!(f & Folded) && (f & HasBody) && !(f & Running) && wanted(b)) {
                f |= Folded;
                setFlags(b, f);
                ++m_folded;
                m_foldedKeys.insert(keyOf(b));
            }
            hiding[id] = f & Folded;
        } else if (f & StepEnd) {
            hiding[id] = false;
        } else if (hiding.value(id)) {
            b.setVisible(false);
        }
    }
    dirty(0, m_doc->characterCount());
}

void ConsoleFolding::foldAll()
{
    m_autoFold = true;
    foldWhere([](const QTextBlock &) { return true; });
}

void ConsoleFolding::unfoldAll()
{
    m_autoFold = false;
    m_foldedKeys.clear();
    m_folded = 0;
    for (QTextBlock b = m_doc->begin(); b.isValid(); b = b.next()) {
        const int f = flags(b);
        if (f & Folded)
            setFlags(b, f & ~Folded);
        b.setVisible(true);
    }
    dirty(0, m_doc->characterCount());
}

QTextBlock ConsoleFolding::headerOf(const QTextBlock &block) const
{
    if (flags(block) & Header)
        return block;
    const int id = buildId(block);
    if (id == 0)
        return {};
    for (QTextBlock b = block.previous(); b.isValid(); b = b.previous()) {
        if ((flags(b) & Notice) && stopsAtNotice(id))
            break;
        if (buildId(b) != id)
            continue;
        if (flags(b) & Header)
            return b;
        if (flags(b) & StepEnd)
            break;
    }
    return {};
}

bool ConsoleFolding::reveal(const QTextBlock &block)
{
    if (!block.isValid() || block.isVisible())
        return false;
    const QTextBlock header = headerOf(block);
    if (header.isValid() && unfold(header))
        return true;
    // Hidden with no folded header above it: show it alone rather than keep it lost.
    QTextBlock b = block;
    b.setVisible(true);
    dirty(std::max(0, block.position() - 1), block.position() + block.length());
    return true;
}

void ConsoleFolding::reset(bool keepFolds)
{
    m_tracks.clear();
    m_cut.clear();
    m_cutAll = false;
    m_folded = 0;
    // Replaying the same lines: reapply() restores exactly the folds the user left, so
    // steps must not fold as they finish on the way.
    m_replaying = keepFolds;
    if (!keepFolds) {
        m_foldedKeys.clear();
        m_autoFold = false;
    }
}

void ConsoleFolding::reapply()
{
    m_replaying = false;
    if (m_foldedKeys.isEmpty())
        return;
    const QSet<QString> keys = m_foldedKeys;
    foldWhere([&keys](const QTextBlock &b) { return keys.contains(keyOf(b)); });
}

} // namespace kiln::ui
