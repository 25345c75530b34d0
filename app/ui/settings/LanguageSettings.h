#pragma once

#include <QList>
#include <QString>

class QTranslator;

namespace kiln::ui {

// Which language the designer speaks. By default the system locale picks one of the
// shipped translations (English when none matches); Settings > Language stores an
// override in QSettings. Kiln's own messages come from the .qm files compiled into the
// module (":/i18n/kiln_<code>.qm"), so an installed Kiln needs no extra files; Qt's
// standard dialogs use Qt's qtbase_<code>.qm from QLibraryInfo::TranslationsPath.
// Call from the GUI thread only; the translators belong to the QCoreApplication.
class LanguageSettings
{
public:
    struct Language
    {
        QString code; // "de", "zh_CN"; "en" is the untranslated source language
        QString nativeName; // as its speakers write it, so anyone can find their own
    };

    // English first, then the shipped translations.
    static QList<Language> languages();

    // The stored override, or an empty string when the system locale decides.
    static QString overrideCode();
    static void setOverrideCode(const QString &code);

    // The shipped language the system locale asks for ("en" when none matches).
    static QString systemCode();

    // The language that applies now: the override, else the first system UI language
    // with a translation, else "en".
    static QString effectiveCode();

    // Installs the translators for code (for "en", only its plural forms). Returns false when
    // Kiln's catalogue for a non-English code cannot be loaded; the designer then stays English.
    static bool apply(const QString &code);

    // The code applied last (by apply()).
    static QString appliedCode();

    // The first of uiLanguages (BCP 47 tags, most preferred first) that Kiln ships.
    static QString matchLocale(const QStringList &uiLanguages);
};

} // namespace kiln::ui
