#pragma once

#include "app/models/build/RunRequest.h"

#include <QStringList>

#include <memory>

class QSettings;

namespace kiln::models {

// Remembers the Run dialog's choices per template (QSettings, group "runs/<hash of the
// template's absolute path>"): -only/-except, -var values, -var-file paths, -force,
// -debug, -on-error, -parallel-builds. Values of sensitive variables are never written:
// they are asked for again each session.
class RunSettingsStore
{
public:
    // `settings` outlives the store; null uses the application's QSettings.
    explicit RunSettingsStore(QSettings *settings = nullptr);
    ~RunSettingsStore();

    // What was chosen last time for the template at `path` (its path set, nothing else
    // if nothing was remembered).
    RunRequest load(const QString &path) const;
    // Remembers `request` for request.path, leaving out -var values of `sensitive` names.
    void save(const RunRequest &request, const QStringList &sensitive);

private:
    static QString groupFor(const QString &path);
    std::unique_ptr<QSettings> m_own; // when the caller gave none
    QSettings *m_settings;
};

} // namespace kiln::models
