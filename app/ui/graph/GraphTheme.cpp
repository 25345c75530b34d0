#include "app/ui/graph/GraphTheme.h"

namespace kiln::ui {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
        a.greenF() * (1 - t) + b.greenF() * t, a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

GraphTheme GraphTheme::fromPalette(const QPalette &p)
{
    GraphTheme t;
    const QColor base = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    t.dark = base.lightnessF() < 0.5;
    t.canvas
        = t.dark ? mix(base, QColor(0, 0, 0), 0.25) : mix(base, QColor(0x8a, 0x94, 0xa6), 0.08);
    t.grid = mix(t.canvas, text, t.dark ? 0.08 : 0.10);
    t.card = t.dark ? mix(base, QColor(255, 255, 255), 0.06) : base;
    t.cardBorder = mix(t.card, text, t.dark ? 0.22 : 0.18);
    t.text = text;
    t.mutedText = mix(text, t.card, 0.42);
    t.lane = t.dark ? mix(t.canvas, QColor(255, 255, 255), 0.035)
                    : mix(t.canvas, QColor(255, 255, 255), 0.55);
    t.laneBorder = mix(t.lane, text, t.dark ? 0.16 : 0.12);
    t.edge = mix(t.canvas, text, t.dark ? 0.45 : 0.38);
    t.selection = p.color(QPalette::Highlight);
    t.error = t.dark ? QColor(0xf8, 0x71, 0x71) : QColor(0xdc, 0x26, 0x26);
    t.warning = t.dark ? QColor(0xfb, 0xbf, 0x24) : QColor(0xd9, 0x77, 0x06);
    return t;
}

QColor GraphTheme::accent(models::NodeKind kind) const
{
    using models::NodeKind;
    switch (kind) {
    case NodeKind::Source:
        return dark ? QColor(0x60, 0xa5, 0xfa) : QColor(0x25, 0x63, 0xeb);
    case NodeKind::Provisioner:
        return dark ? QColor(0x34, 0xd3, 0x99) : QColor(0x05, 0x96, 0x69);
    case NodeKind::ErrorCleanupProvisioner:
        return dark ? QColor(0xfb, 0x92, 0x3c) : QColor(0xea, 0x58, 0x0c);
    case NodeKind::PostProcessor:
        return dark ? QColor(0xa7, 0x8b, 0xfa) : QColor(0x7c, 0x3a, 0xed);
    case NodeKind::Variable:
        return dark ? QColor(0x2d, 0xd4, 0xbf) : QColor(0x0d, 0x94, 0x88);
    case NodeKind::Local:
        return dark ? QColor(0x94, 0xa3, 0xb8) : QColor(0x47, 0x55, 0x69);
    case NodeKind::DataSource:
        return dark ? QColor(0xf4, 0x72, 0xb6) : QColor(0xdb, 0x27, 0x77);
    }
    return text;
}

} // namespace kiln::ui
