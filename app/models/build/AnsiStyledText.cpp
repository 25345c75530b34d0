#include "app/models/build/AnsiStyledText.h"

#include <algorithm>

namespace kiln::models {

namespace {

constexpr QChar Esc(0x1b);

// Where the escape sequence starting at `at` (an ESC) ends, one past its last character;
// `csi` receives the parameters and final byte of a CSI sequence ("1;32m").
qsizetype sequenceEnd(QStringView text, qsizetype at, QStringView *csi)
{
    const qsizetype n = text.size();
    if (at + 1 >= n)
        return n;
    const QChar kind = text.at(at + 1);
    if (kind == QLatin1Char('[')) {
        // CSI: parameter and intermediate bytes, then one final byte in @..~.
        qsizetype i = at + 2;
        while (i < n && (text.at(i).unicode() < 0x40 || text.at(i).unicode() > 0x7e))
            ++i;
        const qsizetype end = i < n ? i + 1 : n;
        *csi = text.mid(at + 2, end - at - 2);
        return end;
    }
    if (kind == QLatin1Char(']')) {
        // OSC: ends at BEL or ST (ESC \).
        for (qsizetype i = at + 2; i < n; ++i) {
            if (text.at(i).unicode() == 0x07)
                return i + 1;
            if (text.at(i) == Esc && i + 1 < n && text.at(i + 1) == QLatin1Char('\\'))
                return i + 2;
        }
        return n;
    }
    // A two-character sequence (ESC =, ESC 7, ...).
    return at + 2;
}

} // namespace

void AnsiStyledText::applySgr(QStringView params, AnsiStyle &style)
{
    const QList<QStringView> parts = params.split(QLatin1Char(';'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        bool ok = false;
        const int p = parts.at(i).isEmpty() ? 0 : parts.at(i).toInt(&ok);
        if (!parts.at(i).isEmpty() && !ok)
            continue;
        if (p == 0)
            style = AnsiStyle();
        else if (p == 1)
            style.bold = true;
        else if (p == 2)
            style.faint = true;
        else if (p == 3)
            style.italic = true;
        else if (p == 4)
            style.underline = true;
        else if (p == 22)
            style.bold = style.faint = false;
        else if (p == 23)
            style.italic = false;
        else if (p == 24)
            style.underline = false;
        else if (p >= 30 && p <= 37)
            style.foreground = p - 30;
        else if (p == 39)
            style.foreground = -1;
        else if (p >= 90 && p <= 97)
            style.foreground = p - 90 + 8;
        else if (p == 38 && i + 2 < parts.size() && parts.at(i + 1) == QLatin1String("5")) {
            style.foreground = std::clamp(parts.at(i + 2).toInt(), 0, 255);
            i += 2;
        } else if (p == 38 && i + 4 < parts.size() && parts.at(i + 1) == QLatin1String("2")) {
            style.foreground = 256;
            style.rgb = unsigned(std::clamp(parts.at(i + 2).toInt(), 0, 255)) << 16
                | unsigned(std::clamp(parts.at(i + 3).toInt(), 0, 255)) << 8
                | unsigned(std::clamp(parts.at(i + 4).toInt(), 0, 255));
            i += 4;
        } else if (p == 48 && i + 1 < parts.size()) {
            // Backgrounds are not drawn (a log keeps its own), but their arguments are
            // skipped so they are not read as attributes.
            i += parts.at(i + 1) == QLatin1String("5") ? 2 : parts.at(i + 1) == QLatin1String("2") ? 4 : 0;
        }
    }
}

QList<AnsiRun> AnsiStyledText::split(QStringView text, AnsiStyle &style)
{
    QList<AnsiRun> runs;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty())
            runs.append({current, style});
        current.clear();
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype esc = text.indexOf(Esc, i);
        if (esc < 0) {
            current += text.mid(i);
            break;
        }
        current += text.mid(i, esc - i);
        QStringView csi;
        const qsizetype end = sequenceEnd(text, esc, &csi);
        if (csi.endsWith(QLatin1Char('m'))) {
            AnsiStyle next = style;
            applySgr(csi.chopped(1), next);
            if (!(next == style)) {
                flush();
                style = next;
            }
        }
        i = end;
    }
    flush();
    return runs;
}

QString AnsiStyledText::stripped(QStringView text)
{
    AnsiStyle ignored;
    QString out;
    for (const AnsiRun &r : split(text, ignored))
        out += r.text;
    return out;
}

} // namespace kiln::models
