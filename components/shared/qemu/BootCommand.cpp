#include "components/shared/qemu/BootCommand.h"

#include "engine/template/GoDuration.h"

#include <QHash>

namespace kiln::components {

namespace {

const QHash<QString, QString> &specials()
{
    static const QHash<QString, QString> map = {
        {"bs", "backspace"}, {"del", "delete"}, {"enter", "ret"}, {"esc", "esc"}, {"return", "ret"},
        {"tab", "tab"}, {"up", "up"}, {"down", "down"}, {"left", "left"}, {"right", "right"},
        {"spacebar", "spc"}, {"insert", "insert"}, {"home", "home"}, {"end", "end"}, {"pageup", "pgup"},
        {"pagedown", "pgdn"}, {"leftalt", "alt"}, {"leftctrl", "ctrl"}, {"leftshift", "shift"},
        {"rightalt", "alt_r"}, {"rightctrl", "ctrl_r"}, {"rightshift", "shift_r"}, {"leftsuper", "meta_l"},
        {"rightsuper", "meta_r"}, {"menu", "menu"}, {"f1", "f1"}, {"f2", "f2"}, {"f3", "f3"}, {"f4", "f4"},
        {"f5", "f5"}, {"f6", "f6"}, {"f7", "f7"}, {"f8", "f8"}, {"f9", "f9"}, {"f10", "f10"},
        {"f11", "f11"}, {"f12", "f12"},
    };
    return map;
}

// US layout: the unshifted key of each symbol, and the symbols that need shift.
const QHash<QChar, QString> &plainSymbols()
{
    static const QHash<QChar, QString> map = {
        {' ', "spc"}, {'-', "minus"}, {'=', "equal"}, {'[', "bracket_left"}, {']', "bracket_right"},
        {'\\', "backslash"}, {';', "semicolon"}, {'\'', "apostrophe"}, {'`', "grave_accent"},
        {',', "comma"}, {'.', "dot"}, {'/', "slash"}, {'\n', "ret"}, {'\t', "tab"},
    };
    return map;
}

const QHash<QChar, QString> &shiftedSymbols()
{
    static const QHash<QChar, QString> map = {
        {'!', "1"}, {'@', "2"}, {'#', "3"}, {'$', "4"}, {'%', "5"}, {'^', "6"}, {'&', "7"}, {'*', "8"},
        {'(', "9"}, {')', "0"}, {'_', "minus"}, {'+', "equal"}, {'{', "bracket_left"},
        {'}', "bracket_right"}, {'|', "backslash"}, {':', "semicolon"}, {'"', "apostrophe"},
        {'~', "grave_accent"}, {'<', "comma"}, {'>', "dot"}, {'?', "slash"},
    };
    return map;
}

void typeLiteral(const QString &text, QList<BootAction> *out)
{
    for (QChar c : text) {
        const QStringList keys = BootCommand::keysForChar(c);
        if (!keys.isEmpty())
            out->append({BootAction::Press, keys, 0});
    }
}

} // namespace

QStringList BootCommand::keysForChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 'a' && u <= 'z')
        return {QString(c)};
    if (u >= 'A' && u <= 'Z')
        return {QStringLiteral("shift"), QString(c.toLower())};
    if (u >= '0' && u <= '9')
        return {QString(c)};
    if (plainSymbols().contains(c))
        return {plainSymbols().value(c)};
    if (shiftedSymbols().contains(c))
        return {QStringLiteral("shift"), shiftedSymbols().value(c)};
    return {};
}

QString BootCommand::specialKey(const QString &name)
{
    return specials().value(name.toLower());
}

QList<BootAction> BootCommand::parse(const QString &command)
{
    QList<BootAction> out;
    qsizetype i = 0;
    while (i < command.size()) {
        const QChar c = command.at(i);
        const qsizetype close = c == QLatin1Char('<') ? command.indexOf(QLatin1Char('>'), i + 1) : -1;
        if (close < 0) {
            typeLiteral(QString(c), &out);
            ++i;
            continue;
        }
        const QString name = command.mid(i + 1, close - i - 1);
        const QString lower = name.toLower();
        if (lower.startsWith(QLatin1String("wait"))) {
            const QString rest = name.mid(4);
            qint64 ms = 1000;
            bool ok = true;
            if (!rest.isEmpty()) {
                bool digits = false;
                const int seconds = rest.toInt(&digits);
                if (digits) {
                    ms = qint64(seconds) * 1000;
                } else {
                    const auto d = tmpl::parseGoDuration(rest);
                    ok = d.has_value();
                    ms = d.value_or(0);
                }
            }
            if (ok) {
                out.append({BootAction::Wait, {}, ms});
                i = close + 1;
                continue;
            }
        }
        QString base = lower;
        BootAction::Kind kind = BootAction::Press;
        if (lower.endsWith(QLatin1String("on")) && !specialKey(lower.chopped(2)).isEmpty()) {
            base = lower.chopped(2);
            kind = BootAction::Down;
        } else if (lower.endsWith(QLatin1String("off")) && !specialKey(lower.chopped(3)).isEmpty()) {
            base = lower.chopped(3);
            kind = BootAction::Up;
        }
        const QString key = specialKey(base);
        if (key.isEmpty()) {
            // Not a key Packer knows: the text is typed as it is, brackets included.
            typeLiteral(command.mid(i, close - i + 1), &out);
        } else {
            out.append({kind, {key}, 0});
        }
        i = close + 1;
    }
    return out;
}

} // namespace kiln::components
