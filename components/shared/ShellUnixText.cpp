#include "components/shared/ShellUnixText.h"

namespace kiln::components {

QString ShellUnixText::convert(QIODevice &in, QIODevice &out)
{
    QByteArray line;
    while (!in.atEnd()) {
        // readLine stops at "\n" or after 64 KiB; a long line is carried over in pieces.
        const QByteArray piece = in.readLine(64 * 1024);
        if (piece.isEmpty() && in.atEnd())
            break;
        line += piece;
        if (!line.endsWith('\n') && !in.atEnd())
            continue;
        if (line.endsWith('\n'))
            line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        line += '\n';
        if (out.write(line) != line.size())
            return out.errorString();
        line.clear();
    }
    return {};
}

} // namespace kiln::components
