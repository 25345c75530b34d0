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

// The terminal's 16 colours (black, red, green, yellow, blue, magenta, cyan, white, then
// their bright forms), each in a tone that reads on a light and on a dark background:
// "white" on white or "black" on black would vanish.
constexpr Tone AnsiTones[16] = {
    {0x24292f, 0x8b949e}, {0xcf222e, 0xff7b72}, {0x1a7f37, 0x56d364}, {0x8a6d00, 0xe3b341},
    {0x0550ae, 0x79c0ff}, {0xa626a4, 0xd2a8ff}, {0x0e7490, 0x39c5cf}, {0x6e7781, 0xc9d1d9},
    {0x57606a, 0xb1bac4}, {0xa40e26, 0xffa198}, {0x116329, 0x7ee787}, {0x7d4e00, 0xf2cc60},
    {0x0969da, 0xa5d6ff}, {0x8250df, 0xe2c5ff}, {0x1b7c83, 0x56d4dd}, {0x8c959f, 0xf0f6fc},
};
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

QColor ConsoleStyle::ansiColor(int index, unsigned rgb) const
{
    if (index < 0)
        return m_palette.color(QPalette::Text);
    if (index < 16)
        return QColor(m_dark ? AnsiTones[index].dark : AnsiTones[index].light);
    if (index < 232) {
        // xterm's 6x6x6 cube.
        static constexpr int Level[6] = {0, 95, 135, 175, 215, 255};
        const int i = index - 16;
        return QColor(Level[i / 36], Level[(i / 6) % 6], Level[i % 6]);
    }
    if (index < 256) {
        const int grey = 8 + 10 * (index - 232);
        return QColor(grey, grey, grey);
    }
    return QColor(QRgb(rgb));
}

QTextCharFormat ConsoleStyle::withAnsi(QTextCharFormat base, const models::AnsiStyle &style) const
{
    if (style.foreground >= 0)
        base.setForeground(ansiColor(style.foreground, style.rgb));
    if (style.bold)
        base.setFontWeight(QFont::Bold);
    if (style.faint) {
        QColor c = base.foreground().color();
        c.setAlphaF(0.6f);
        base.setForeground(c);
    }
    if (style.italic)
        base.setFontItalic(true);
    if (style.underline)
        base.setFontUnderline(true);
    return base;
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
