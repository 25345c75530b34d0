#include "app/ui/settings/LanguageSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace kiln::ui {

namespace {

const char *const SettingsKey = "ui/language";

struct Installed
{
    QPointer<QTranslator> kiln;
    QPointer<QTranslator> qt;
    QString code = QStringLiteral("en");
};

Installed &installed()
{
    static Installed state;
    return state;
}

void remove(QPointer<QTranslator> &t)
{
    if (!t)
        return;
    QCoreApplication::removeTranslator(t);
    delete t;
}

} // namespace

QList<LanguageSettings::Language> LanguageSettings::languages()
{
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("es"), QStringLiteral("Español")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
}

QString LanguageSettings::overrideCode()
{
    const QString code = QSettings().value(QLatin1String(SettingsKey)).toString();
    for (const Language &l : languages())
        if (l.code == code)
            return code;
    return {}; // unknown or absent: the system decides
}

void LanguageSettings::setOverrideCode(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(QLatin1String(SettingsKey));
    else
        settings.setValue(QLatin1String(SettingsKey), code);
}

QString LanguageSettings::systemCode()
{
    return matchLocale(QLocale::system().uiLanguages());
}

QString LanguageSettings::effectiveCode()
{
    const QString code = overrideCode();
    return code.isEmpty() ? systemCode() : code;
}

QString LanguageSettings::matchLocale(const QStringList &uiLanguages)
{
    // uiLanguages is ordered by preference, e.g. {"de-CH", "de", "en-US"}: the first one
    // with a catalogue wins; Chinese other than Simplified falls back to English rather
    // than showing Simplified characters to a Traditional reader.
    for (QString tag : uiLanguages) {
        tag.replace(u'-', u'_');
        const QLocale locale(tag);
        if (locale.language() == QLocale::English)
            return QStringLiteral("en");
        if (locale.language() == QLocale::Chinese) {
            if (locale.script() == QLocale::SimplifiedHanScript)
                return QStringLiteral("zh_CN");
            continue;
        }
        const QString language = tag.section(u'_', 0, 0);
        for (const Language &l : languages())
            if (l.code == language)
                return l.code;
    }
    return QStringLiteral("en");
}

bool LanguageSettings::apply(const QString &code)
{
    Installed &state = installed();
    remove(state.kiln);
    remove(state.qt);
    state.code = QStringLiteral("en");
    // Dates and numbers follow the language, but keep the system's region when the system
    // already speaks it (de_CH stays Swiss rather than becoming German).
    const auto useLocaleOf = [](const QString &language) {
        const QLocale wanted(language);
        QLocale::setDefault(
            wanted.language() == QLocale::system().language() ? QLocale::system() : wanted);
    };
    if (code.isEmpty() || code == QLatin1String("en")) {
        useLocaleOf(QStringLiteral("en_US"));
        // English is the source language; its catalogue holds only the plural forms
        // ("1 error", "2 errors") that tr(..., n) cannot spell by itself.
        auto *plurals = new QTranslator(QCoreApplication::instance());
        if (plurals->load(QStringLiteral(":/i18n/kiln_en.qm"))) {
            QCoreApplication::installTranslator(plurals);
            state.kiln = plurals;
        } else {
            delete plurals;
        }
        return true;
    }
    auto *kiln = new QTranslator(QCoreApplication::instance());
    if (!kiln->load(QStringLiteral(":/i18n/kiln_%1.qm").arg(code))) {
        delete kiln;
        useLocaleOf(QStringLiteral("en_US"));
        return false;
    }
    useLocaleOf(code);
    QCoreApplication::installTranslator(kiln);
    state.kiln = kiln;
    // Qt's own catalogue is optional: without it the standard buttons stay English.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(
            QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        state.qt = qt;
    } else {
        delete qt;
    }
    state.code = code;
    return true;
}

QString LanguageSettings::appliedCode()
{
    return installed().code;
}

} // namespace kiln::ui
