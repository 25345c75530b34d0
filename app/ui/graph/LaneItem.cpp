#include "app/ui/graph/LaneItem.h"

#include "app/ui/Icons.h"
#include "app/ui/graph/GraphLayout.h"
#include "app/ui/graph/GraphTheme.h"

#include <QPainter>

namespace kiln::ui {

LaneItem::LaneItem(const models::PipelineBuild &build, const QRectF &rect, const GraphTheme *theme)
    : m_build(build)
    , m_rect(rect)
    , m_theme(theme)
{
    setZValue(0);
    setAcceptDrops(true);
    QString tip = QStringLiteral("<b>build</b> %1").arg(build.label().toHtmlEscaped());
    for (const hcl::Diagnostic &d : build.diagnostics)
        tip += QStringLiteral("<br/>%1").arg(d.summary.toHtmlEscaped());
    setToolTip(tip);
}

QRectF LaneItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2);
}

QPointF LaneItem::entry() const
{
    return QPointF(
        m_rect.left(), m_rect.top() + GraphLayout::LaneHeader + GraphLayout::NodeHeight / 2);
}

void LaneItem::setDropHighlight(bool on, qreal markerX, qreal markerY)
{
    m_drop = on;
    m_marker = QPointF(markerX, markerY);
    update();
}

void LaneItem::setRunState(const QString &buildName, const QString &state)
{
    if (state.isEmpty())
        m_runStates.remove(buildName);
    else
        m_runStates.insert(buildName, state);
    update();
}

QString LaneItem::runSummary() const
{
    if (m_runStates.isEmpty())
        return {};
    int running = 0, done = 0, failed = 0, cancelled = 0;
    QString step;
    for (const QString &s : m_runStates) {
        if (s.startsWith(QLatin1String("running"))) {
            ++running;
            if (s.startsWith(QLatin1String("running step ")))
                step = s.mid(13);
        } else if (s == QLatin1String("done")) {
            ++done;
        } else if (s == QLatin1String("failed")) {
            ++failed;
        } else {
            ++cancelled;
        }
    }
    QStringList parts;
    if (running)
        parts << (step.isEmpty() ? tr("%n running", nullptr, running)
                                 : tr("%n running · %1", nullptr, running).arg(step));
    if (done)
        parts << tr("%n done", nullptr, done);
    if (failed)
        parts << tr("%n failed", nullptr, failed);
    if (cancelled)
        parts << tr("%n cancelled", nullptr, cancelled);
    return parts.join(QStringLiteral("  ·  "));
}

void LaneItem::paint(QPainter *p, const QStyleOptionGraphicsItem *, QWidget *)
{
    const GraphTheme &t = *m_theme;
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(m_drop ? t.selection : t.laneBorder, m_drop ? 1.5 : 1.0,
        m_drop ? Qt::DashLine : Qt::SolidLine));
    p->setBrush(t.lane);
    p->drawRoundedRect(m_rect, 10, 10);

    // Header: build icon, name, source count.
    const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    p->drawPixmap(QPointF(m_rect.left() + 12, m_rect.top() + 8),
        Icons::pixmap(QStringLiteral("kind-build"), t.mutedText, 14, dpr));
    QFont f = p->font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    f.setCapitalization(QFont::AllUppercase);
    f.setLetterSpacing(QFont::PercentageSpacing, 106);
    p->setFont(f);
    p->setPen(t.mutedText);
    const QRectF header(m_rect.left() + 32, m_rect.top() + 4, m_rect.width() - 44, 22);
    const QString title = m_build.name.isEmpty() ? tr("Build #%1").arg(m_build.index + 1)
                                                 : tr("Build · %1").arg(m_build.name);
    p->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, title);
    QFont small = p->font();
    small.setBold(false);
    small.setCapitalization(QFont::MixedCase);
    p->setFont(small);
    QString info = m_build.sources.size() == 1 ? tr("1 source")
                                               : tr("%1 sources").arg(m_build.sources.size());
    if (!m_build.diagnostics.isEmpty())
        info += QStringLiteral("  ·  ") + m_build.diagnostics.first().summary;
    const QString run = runSummary();
    p->setPen(m_build.diagnostics.hasErrors() ? t.error : t.mutedText);
    if (run.isEmpty())
        p->drawText(header, Qt::AlignRight | Qt::AlignVCenter,
            QFontMetricsF(small).elidedText(info, Qt::ElideRight, header.width() / 2));

    // Run status: a pill at the header's right end, coloured by the most urgent state.
    if (!run.isEmpty()) {
        QColor c = t.accent(models::NodeKind::Source);
        if (run.contains(tr("failed")))
            c = t.error;
        else if (!run.contains(tr("running")) && run.contains(tr("cancelled")))
            c = t.mutedText;
        else if (!run.contains(tr("running")))
            c = t.accent(models::NodeKind::Provisioner);
        QFont pf = small;
        pf.setBold(true);
        p->setFont(pf);
        const QFontMetricsF fm(pf);
        const qreal w = fm.horizontalAdvance(run) + 20;
        const QRectF pill(m_rect.right() - w - 10, m_rect.top() + 5, w, 20);
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawRoundedRect(pill, 10, 10);
        p->setPen(Qt::white);
        p->drawText(pill, Qt::AlignCenter, run);
        p->setFont(small);
    }

    // An empty lane says what it is for.
    if (m_build.provisioners.isEmpty() && m_build.chains.isEmpty() && !m_build.errorCleanup) {
        p->setPen(t.mutedText);
        p->drawText(m_rect.adjusted(20, GraphLayout::LaneHeader, -20, -GraphLayout::LanePadding),
            Qt::AlignLeft | Qt::AlignVCenter, tr("Drop provisioners and post-processors here"));
    }
    if (m_drop && m_marker.x() >= 0) {
        p->setPen(QPen(t.selection, 3, Qt::SolidLine, Qt::RoundCap));
        const qreal top = m_marker.y() >= 0 ? m_marker.y() : m_rect.top() + GraphLayout::LaneHeader;
        p->drawLine(
            QPointF(m_marker.x(), top), QPointF(m_marker.x(), top + GraphLayout::NodeHeight));
    }
}

} // namespace kiln::ui
