#pragma once

#include "engine/build/BuildEvent.h"
#include "engine/output/CommandUi.h"
#include "engine/output/OutputStream.h"

#include <QFile>
#include <QString>
#include <QtGlobal>
#include <memory>

namespace kiln::build {
class SecretFilter;
}

namespace kiln::output {

// The debug log of PACKER_LOG=1: Go's log package lines, "2006/01/02 15:04:05 text" in
// local time (only the first line of a multi-line text gets the time, as with Go), every
// text passed through the secret filter first.
//
// As in Packer 1.6.6: logging is on when PACKER_LOG is set and not "0"; PACKER_LOG_PATH
// then names a file (created or truncated) instead of stderr. The file also receives the
// UI ("ui: ==> NAME: text", "ui error: ...", "machine readable: TARGET,TYPE []string{...}");
// stderr does not, because the UI is already on the terminal. (Packer filters stderr line by
// line and lets the continuation lines of multi-line UI texts through; Kiln drops the whole
// text.) UI texts are logged without colour escapes.
//
// installMessageHandler() routes qDebug/qInfo/qWarning/qCritical of the whole process here,
// so engine code logs with Qt's ordinary functions.
//
// Threading: every method is thread-safe.
class LogWriter : public build::EventSink, public CommandUi
{
public:
    // `includeUi`: also log UI output (false for stderr).
    LogWriter(
        OutputStreamPtr out, std::shared_ptr<const build::SecretFilter> secrets, bool includeUi);
    ~LogWriter() override;

    // The log PACKER_LOG / PACKER_LOG_PATH ask for, or nullptr when logging is off or the
    // file cannot be created (then *error is Packer's "Couldn't setup logging: ..." text).
    static std::unique_ptr<LogWriter> fromEnvironment(
        std::shared_ptr<const build::SecretFilter> secrets, QString *error = nullptr);

    // log.Printf: one entry; a newline is added unless the text ends with one.
    void log(const QString &text);

    void post(const build::BuildEvent &event) override;
    void say(const QString &text) override;
    void error(const QString &text) override;
    void machine(const QString &target, const QString &type, const QStringList &args) override;

    // Sends Qt's messages to this log until the writer is destroyed ("[DEBUG] ", "[WARN] ",
    // "[ERR] " prefixes for the levels other than info, as Packer's log lines read).
    void installMessageHandler();

    // The bytes of one entry written at `time`.
    static QByteArray entry(const QDateTime &time, const QString &text);
    // Go's %#v of a []string: []string{"a", "b\n"}.
    static QString goStringSlice(const QStringList &values);

private:
    static void handleMessage(
        QtMsgType type, const QMessageLogContext &context, const QString &message);

    OutputStreamPtr m_out;
    std::shared_ptr<const build::SecretFilter> m_secrets;
    bool m_includeUi = false;
    std::unique_ptr<QFile> m_file; // owned when created from PACKER_LOG_PATH
    QtMessageHandler m_previousHandler = nullptr;
    bool m_installed = false;
};

} // namespace kiln::output
