#pragma once

// Runs a program to completion for the packaging tests and keeps what it
// printed; header-only so each packaging test stays one executable.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace kiln::packagingtest {

struct ProcessResult
{
    bool finished = false; // started and exited normally within the timeout
    int exitCode = -1;
    QString out;
    QString err;
};

inline ProcessResult runProcess(const QString &program, const QStringList &args,
    const QString &workDir = {},
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
    int timeoutMs = 60000, const QByteArray &input = {})
{
    ProcessResult r;
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = p.errorString();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

// What a bash completion function offers: sources `script`, sets COMP_WORDS to
// `words` (the last one is the word being completed) and calls `function`.
inline QStringList bashCompletions(const QString &script, const QString &function,
    const QStringList &words, const QString &workDir)
{
    QStringList quoted;
    for (const QString &w : words)
        quoted << QStringLiteral("'")
                + QString(w).replace(QStringLiteral("'"), QStringLiteral("'\\''"))
                + QStringLiteral("'");
    const QString program = QStringLiteral("source '%1' || exit 2\n"
                                           "COMP_WORDS=(%2)\n"
                                           "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                                           "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
                                           "COMP_POINT=${#COMP_LINE}\n"
                                           "%3 || exit 3\n"
                                           "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                                .arg(script, quoted.join(QLatin1Char(' ')), function);
    const ProcessResult r = runProcess(
        QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), program}, workDir);
    if (!r.finished || r.exitCode != 0)
        return {QStringLiteral("<bash failed: %1 %2>").arg(r.exitCode).arg(r.err)};
    QStringList replies = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    replies.sort();
    return replies;
}

} // namespace kiln::packagingtest
