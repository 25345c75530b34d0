#include "app/ui/build/ConsoleStyle.h"

namespace kiln::ui {

using models::ConsoleLine;

namespace {

struct Tone
{
    QRgb light; // on a light background
    QRgb dark; // on a dark background
};

// Packer's order: output.go cycles green, cyan, magenta, yellow, blue.
constexpr Tone BuildTones[] = {
    {0x1a7f37, 0x56d364}, // green
    {0x0e7490, 0x39c5cf}, // cyan
    {0xa626a4, 0xd2a8ff}, // magenta
    {0x8a6d00, 0xe3b341}, // yellow
    {0x0550ae, 0x79c0ff}, // blue
};
constexpr Tone Red = {0xcf222e, 0xff7b72};
constexpr Tone Amber = {0x9a6700, 0xd29922};

} // namespace

ConsoleStyle::ConsoleStyle(const QPalette &palette)
    : m_palette(palette)
    , m_dark(palette.color(QPalette::Base).lightness() < 128)
{ }

QColor ConsoleStyle::buildColor(int index) const
{
    const Tone &t = BuildTones[(index < 0 ? 0 : index) % std::size(BuildTones)];
    return QColor(m_dark ? t.dark : t.light);
}

QColor ConsoleStyle::errorColor() const
{
    return QColor(m_dark ? Red.dark : Red.light);
}

QColor ConsoleStyle::warningColor() const
{
    return QColor(m_dark ? Amber.dark : Amber.light);
}

QColor ConsoleStyle::mutedColor() const
{
    QColor c = m_palette.color(QPalette::Text);
    c.setAlphaF(0.55f);
    return c;
}

QTextCharFormat ConsoleStyle::format(
    ConsoleLine::Kind kind, int buildIndex, const QString &text) const
{
    QTextCharFormat f;
    switch (kind) {
    case ConsoleLine::Kind::Announce:
    case ConsoleLine::Kind::Say:
    case ConsoleLine::Kind::Finished:
        f.setForeground(buildColor(buildIndex));
        f.setFontWeight(QFont::Bold);
        break;
    case ConsoleLine::Kind::Message:
        f.setForeground(buildColor(buildIndex));
        break;
    case ConsoleLine::Kind::Error:
    case ConsoleLine::Kind::Errored:
        f.setForeground(errorColor());
        f.setFontWeight(QFont::Bold);
        break;
    case ConsoleLine::Kind::SummaryError:
        f.setForeground(errorColor());
        break;
    case ConsoleLine::Kind::Warning:
        f.setForeground(warningColor());
        break;
    case ConsoleLine::Kind::Summary:
        f.setForeground(m_palette.color(QPalette::Text));
        if (text.startsWith(QLatin1String("==>")))
            f.setFontWeight(QFont::Bold);
        break;
    }
    return f;
}

} // namespace kiln::ui
