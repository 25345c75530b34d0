#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace kiln::models {

// The character attributes an SGR escape sequence ("\x1b[1;32m") sets: what a terminal
// shows and a console pane must too, since tools like Ansible colour their output.
struct AnsiStyle
{
    // -1: the console's own colour; 0-255: the xterm palette; 256: `rgb`.
    int foreground = -1;
    unsigned rgb = 0; // 0xRRGGBB when foreground is 256
    bool bold = false;
    bool faint = false;
    bool italic = false;
    bool underline = false;

    bool isPlain() const { return foreground < 0 && !bold && !faint && !italic && !underline; }
    bool operator==(const AnsiStyle &) const = default;
};

// A stretch of text in one style.
struct AnsiRun
{
    QString text;
    AnsiStyle style;
};

// Splits command output at ANSI escape sequences. SGR sequences change the style of the
// text after them; every other control sequence (cursor movement, erase, OSC window
// titles) is dropped, as a log view has no cursor to move.
class AnsiStyledText
{
public:
    static bool hasEscapes(QStringView text) { return text.contains(QChar(0x1b)); }
    // Runs of `text`, starting in `style`; `style` is left as the text leaves it, so a
    // colour begun on one line carries on to the next, as in a terminal.
    static QList<AnsiRun> split(QStringView text, AnsiStyle &style);
    // The text without any escape sequence.
    static QString stripped(QStringView text);

private:
    static void applySgr(QStringView params, AnsiStyle &style);
};

} // namespace kiln::models
