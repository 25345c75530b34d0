#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace kiln::models {

// What the Export dialog shows: `kiln export` run in the background for the chosen
// target, so the preview is exactly what the command line writes. The generators live
// in the CLI layer (app/cli/export), which the designer module does not link; running
// the same binary keeps one implementation.
class ExportPreview : public QObject
{
    Q_OBJECT

public:
    enum class Target { GitHub, GitLab, Hcl, Json };
    enum class Runner { Packer, Kiln };

    // `kilnBinary`: the kiln executable (the running application when empty).
    explicit ExportPreview(const QString &kilnBinary = {}, QObject *parent = nullptr);
    ~ExportPreview() override;

    // The export command's arguments for a target, runner and template path.
    static QStringList arguments(Target target, Runner runner, const QString &templatePath);
    static bool isCi(Target target) { return target == Target::GitHub || target == Target::GitLab; }

    // Starts (or restarts) the export; previewReady follows. An empty path fails at once.
    void request(Target target, Runner runner, const QString &templatePath);
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

    QString text() const { return m_text; }
    QString warnings() const { return m_warnings; }
    bool ok() const { return m_ok; }

signals:
    // `ok` false: `text` is empty and `warnings` holds the command's errors.
    void previewReady(bool ok);

private:
    void finished(int exitCode, QProcess::ExitStatus status);

    QString m_binary;
    QProcess *m_process = nullptr;
    QString m_text;
    QString m_warnings;
    bool m_ok = false;
};

} // namespace kiln::models
