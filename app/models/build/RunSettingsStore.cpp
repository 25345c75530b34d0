#include "app/models/build/RunSettingsStore.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace kiln::models {

RunSettingsStore::RunSettingsStore(QSettings *settings)
    : m_own(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_own.get())
{
}

RunSettingsStore::~RunSettingsStore() = default;

QString RunSettingsStore::groupFor(const QString &path)
{
    // Paths hold slashes, which QSettings reads as groups: the key is a hash of the path.
    const QByteArray canonical = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("runs/")
        + QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).toHex());
}

RunRequest RunSettingsStore::load(const QString &path) const
{
    RunRequest r;
    r.path = path;
    m_settings->beginGroup(groupFor(path));
    r.only = m_settings->value(QStringLiteral("only")).toStringList();
    r.except = m_settings->value(QStringLiteral("except")).toStringList();
    r.options.force = m_settings->value(QStringLiteral("force"), false).toBool();
    r.options.debug = m_settings->value(QStringLiteral("debug"), false).toBool();
    build::parseOnError(m_settings->value(QStringLiteral("onError"), QStringLiteral("cleanup")).toString(),
        &r.options.onError);
    r.parallel = m_settings->value(QStringLiteral("parallel"), 0).toInt();
    r.warnOnUndeclaredVar = m_settings->value(QStringLiteral("warnUndeclared"), false).toBool();
    const int n = m_settings->beginReadArray(QStringLiteral("vars"));
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        tmpl::VarSetting v;
        v.kind = m_settings->value(QStringLiteral("file"), false).toBool() ? tmpl::VarSetting::Kind::File
                                                                            : tmpl::VarSetting::Kind::Var;
        v.name = m_settings->value(QStringLiteral("name")).toString();
        v.value = m_settings->value(QStringLiteral("value")).toString();
        r.vars << v;
    }
    m_settings->endArray();
    m_settings->endGroup();
    return r;
}

void RunSettingsStore::save(const RunRequest &request, const QStringList &sensitive)
{
    m_settings->remove(groupFor(request.path));
    m_settings->beginGroup(groupFor(request.path));
    m_settings->setValue(QStringLiteral("path"), QFileInfo(request.path).absoluteFilePath());
    m_settings->setValue(QStringLiteral("only"), request.only);
    m_settings->setValue(QStringLiteral("except"), request.except);
    m_settings->setValue(QStringLiteral("force"), request.options.force);
    m_settings->setValue(QStringLiteral("debug"), request.options.debug);
    m_settings->setValue(QStringLiteral("onError"), build::onErrorName(request.options.onError));
    m_settings->setValue(QStringLiteral("parallel"), request.parallel);
    m_settings->setValue(QStringLiteral("warnUndeclared"), request.warnOnUndeclaredVar);
    m_settings->beginWriteArray(QStringLiteral("vars"));
    int i = 0;
    for (const tmpl::VarSetting &v : request.vars) {
        if (v.kind == tmpl::VarSetting::Kind::Var && sensitive.contains(v.name))
            continue;
        m_settings->setArrayIndex(i++);
        m_settings->setValue(QStringLiteral("file"), v.kind == tmpl::VarSetting::Kind::File);
        m_settings->setValue(QStringLiteral("name"), v.name);
        m_settings->setValue(QStringLiteral("value"), v.value);
    }
    m_settings->endArray();
    m_settings->endGroup();
    m_settings->sync();
}

} // namespace kiln::models
