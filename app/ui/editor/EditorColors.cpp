#include "app/ui/editor/EditorColors.h"

namespace kiln::ui {

EditorColors EditorColors::fromPalette(const QPalette &palette)
{
    EditorColors c;
    c.paper = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.dark = c.paper.lightness() < 128;
    c.margin = palette.color(QPalette::Window);
    c.marginText = palette.color(QPalette::PlaceholderText);
    c.selection = palette.color(QPalette::Highlight);
    // A caret line one step off the background, visible but quiet in both appearances.
    c.caretLine = c.dark ? c.paper.lighter(125) : c.paper.darker(104);
    c.braceMatch = c.dark ? QColor(0x3a, 0x5a, 0x3a) : QColor(0xc8, 0xf0, 0xc8);
    c.error = c.dark ? QColor(0xff, 0x60, 0x60) : QColor(0xd0, 0x10, 0x10);
    c.warning = c.dark ? QColor(0xff, 0xb8, 0x3c) : QColor(0xc8, 0x7a, 0x00);
    c.annotationErrorPaper = c.dark ? QColor(0x4a, 0x22, 0x24) : QColor(0xfd, 0xe8, 0xe8);
    c.annotationWarningPaper = c.dark ? QColor(0x48, 0x3a, 0x1c) : QColor(0xfd, 0xf3, 0xdc);
    return c;
}

QColor EditorColors::style(HclStyle s) const
{
    switch (s) {
    case HclStyle::Default:
    case HclStyle::Count:
        return text;
    case HclStyle::Comment:
        return dark ? QColor(0x7f, 0x8c, 0x8d) : QColor(0x6a, 0x73, 0x7d);
    case HclStyle::BlockType:
        return dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x3e, 0xa8);
    case HclStyle::Attribute:
        return dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x5c, 0xc5);
    case HclStyle::Label:
        return dark ? QColor(0x4e, 0xc9, 0xb0) : QColor(0x1f, 0x7a, 0x5c);
    case HclStyle::String:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case HclStyle::Interpolation:
        return dark ? QColor(0xff, 0xd7, 0x00) : QColor(0xaf, 0x00, 0xdb);
    case HclStyle::Heredoc:
        return dark ? QColor(0xd7, 0xba, 0x7d) : QColor(0x79, 0x5e, 0x26);
    case HclStyle::Number:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    case HclStyle::Keyword:
        return dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x77, 0x00, 0x88);
    case HclStyle::Operator:
        return dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x40, 0x40, 0x40);
    case HclStyle::Function:
        return dark ? QColor(0xdc, 0xdc, 0xaa) : QColor(0x79, 0x5e, 0x26);
    case HclStyle::Reference:
        return dark ? QColor(0xd4, 0xd4, 0xd4) : QColor(0x00, 0x10, 0x80);
    case HclStyle::Escape:
        return dark ? QColor(0xd7, 0xba, 0x7d) : QColor(0xee, 0x00, 0x00);
    }
    return text;
}

} // namespace kiln::ui
