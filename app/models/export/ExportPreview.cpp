#include "app/models/export/ExportPreview.h"

#include <QCoreApplication>

namespace kiln::models {

ExportPreview::ExportPreview(const QString &kilnBinary, QObject *parent)
    : QObject(parent)
    , m_binary(kilnBinary.isEmpty() ? QCoreApplication::applicationFilePath() : kilnBinary)
{ }

ExportPreview::~ExportPreview()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QStringList ExportPreview::arguments(Target target, Runner runner, const QString &templatePath)
{
    QStringList args{QStringLiteral("export")};
    switch (target) {
    case Target::GitHub:
        args << QStringLiteral("-ci=github");
        break;
    case Target::GitLab:
        args << QStringLiteral("-ci=gitlab");
        break;
    case Target::Hcl:
        args << QStringLiteral("-format=hcl");
        break;
    case Target::Json:
        args << QStringLiteral("-format=json");
        break;
    }
    if (isCi(target))
        args << (runner == Runner::Kiln ? QStringLiteral("-runner=kiln")
                                        : QStringLiteral("-runner=packer"));
    return args << templatePath;
}

void ExportPreview::request(Target target, Runner runner, const QString &templatePath)
{
    if (m_process) {
        // A newer request replaces the one still running: its answer would be stale.
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
        m_process->deleteLater();
        m_process = nullptr;
    }
    if (templatePath.isEmpty()) {
        m_ok = false;
        m_text.clear();
        m_warnings = tr("Save the template first: the export reads it from disk.");
        emit previewReady(false);
        return;
    }
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this, &ExportPreview::finished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finished(-1, QProcess::CrashExit);
    });
    m_process->start(m_binary, arguments(target, runner, templatePath));
}

void ExportPreview::finished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *p = m_process;
    if (!p)
        return;
    m_process = nullptr;
    p->deleteLater();
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    const QString err = QString::fromUtf8(p->readAllStandardError()).trimmed();
    m_ok = status == QProcess::NormalExit && exitCode == 0;
    if (m_ok) {
        m_text = out;
        m_warnings = err;
    } else {
        m_text.clear();
        // The command prints its errors (and its usage) on both streams, as Packer does.
        m_warnings = err.isEmpty() ? out.trimmed() : err;
        if (m_warnings.isEmpty())
            m_warnings = tr("Could not run %1: %2").arg(m_binary, p->errorString());
    }
    emit previewReady(m_ok);
}

} // namespace kiln::models
