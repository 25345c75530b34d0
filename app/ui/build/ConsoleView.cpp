#include "app/ui/build/ConsoleView.h"

#include "app/ui/build/ConsoleFoldGutter.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace kiln::ui {

namespace {

// The next block on screen: hidden blocks have no lines, so a folded step of thousands of
// lines is skipped in one lookup instead of one step per block.
QTextBlock nextVisible(const QTextBlock &block)
{
    QTextBlock next = block.next();
    if (!next.isValid() || next.isVisible())
        return next;
    return block.document()->findBlockByLineNumber(block.firstLineNumber() + block.lineCount());
}

} // namespace

ConsoleView::ConsoleView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_folding(document())
    , m_gutter(new ConsoleFoldGutter(this))
{
    connect(this, &QPlainTextEdit::updateRequest, m_gutter, [this](const QRect &rect, int dy) {
        if (dy)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterWidth();
}

ConsoleView::~ConsoleView() = default;

QWidget *ConsoleView::foldGutter() const
{
    return m_gutter;
}

int ConsoleView::gutterWidth() const
{
    return std::max(12, fontMetrics().height()) + 2;
}

void ConsoleView::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void ConsoleView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void ConsoleView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterWidth();
}

QTextBlock ConsoleView::headerAt(int y) const
{
    const QTextBlock first = firstVisibleBlock();
    qreal top = blockBoundingGeometry(first).translated(contentOffset()).top();
    for (QTextBlock b = first; b.isValid() && top <= y; b = nextVisible(b)) {
        const qreal bottom = top + blockBoundingRect(b).height();
        if (y < bottom) {
            const int f = ConsoleFolding::flags(b);
            return ConsoleFolding::isFoldable(b) && !(f & ConsoleFolding::Running) ? b
                                                                                   : QTextBlock();
        }
        top = bottom;
    }
    return {};
}

void ConsoleView::paintGutter(QPaintEvent *event)
{
    QPainter p(m_gutter);
    const QRect area = event->rect();
    p.fillRect(area, palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Midlight));
    p.drawLine(m_gutter->width() - 1, area.top(), m_gutter->width() - 1, area.bottom());
    p.setRenderHint(QPainter::Antialiasing);
    const qreal w = m_gutter->width() - 2;
    QTextBlock block = firstVisibleBlock();
    qreal top = blockBoundingGeometry(block).translated(contentOffset()).top();
    while (block.isValid() && top <= area.bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (top + height >= area.top() && ConsoleFolding::isFoldable(block)) {
            const int f = ConsoleFolding::flags(block);
            const qreal line = fontMetrics().height();
            const qreal s = std::min(w, line) * 0.28; // half the marker's size
            const QPointF c(w / 2 + 1, top + line / 2);
            QPainterPath path;
            if (f & ConsoleFolding::Folded) { // ▸: lines are hidden here
                path.moveTo(c.x() - s * 0.6, c.y() - s);
                path.lineTo(c.x() + s * 0.8, c.y());
                path.lineTo(c.x() - s * 0.6, c.y() + s);
            } else { // ▾: open
                path.moveTo(c.x() - s, c.y() - s * 0.6);
                path.lineTo(c.x() + s, c.y() - s * 0.6);
                path.lineTo(c.x(), c.y() + s * 0.8);
            }
            path.closeSubpath();
            // The running step is drawn in the accent colour: it stays open.
            const QColor colour = (f & ConsoleFolding::Running)
                ? palette().color(QPalette::Highlight)
                : (f & ConsoleFolding::Folded) ? palette().color(QPalette::Text)
                                               : palette().color(QPalette::PlaceholderText);
            p.fillPath(path, colour);
        }
        top += height;
        block = nextVisible(block);
    }
}

void ConsoleView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_folding.foldedCount() == 0)
        return;
    // A "⋯" after every folded header on screen says that lines are hidden there.
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = event->rect();
    const QFontMetrics fm = fontMetrics();
    const QString dots = QStringLiteral("⋯");
    QTextBlock block = firstVisibleBlock();
    QRectF geometry = blockBoundingGeometry(block).translated(contentOffset());
    qreal top = geometry.top();
    while (block.isValid() && top <= area.bottom()) {
        const qreal height = blockBoundingRect(block).height();
        if (ConsoleFolding::flags(block) & ConsoleFolding::Folded) {
            const QTextLayout *layout = block.layout();
            const qreal textEnd = geometry.left() + document()->documentMargin()
                + (layout && layout->lineCount() > 0 ? layout->lineAt(0).naturalTextWidth() : 0);
            const QRectF box(textEnd + fm.horizontalAdvance(QLatin1Char(' ')), top + 2,
                fm.horizontalAdvance(dots) + 10, fm.height() - 3);
            p.setPen(palette().color(QPalette::Mid));
            p.setBrush(palette().color(QPalette::AlternateBase));
            p.drawRoundedRect(box, 4, 4);
            p.setPen(palette().color(QPalette::Text));
            p.drawText(box, Qt::AlignCenter, dots);
        }
        top += height;
        block = nextVisible(block);
    }
}

} // namespace kiln::ui
