#include "app/ui/settings/LanguageMenu.h"

#include "app/ui/settings/LanguageSettings.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QTranslator>

namespace kiln::ui {

namespace {

// The restart note in the language just chosen: that is the one the user reads best.
QString restartNote(const QString &code)
{
    const char *const text = QT_TRANSLATE_NOOP(
        "kiln::ui::LanguageMenu", "Kiln will use the new language the next time it starts.");
    QTranslator chosen;
    if (code != QLatin1String("en") && chosen.load(QStringLiteral(":/i18n/kiln_%1.qm").arg(code))) {
        const QString translated = chosen.translate("kiln::ui::LanguageMenu", text);
        if (!translated.isEmpty())
            return translated;
    }
    return code == QLatin1String("en") ? QString::fromUtf8(text) : LanguageMenu::tr(text);
}

} // namespace

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    const QString system = LanguageSettings::systemCode();
    QString systemName = system;
    for (const LanguageSettings::Language &l : LanguageSettings::languages())
        if (l.code == system)
            systemName = l.nativeName;
    auto add = [this](const QString &text, const QString &code) {
        QAction *a = addAction(text);
        a->setCheckable(true);
        a->setData(code);
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            const QString before = LanguageSettings::effectiveCode();
            choose(code);
            const QString after = LanguageSettings::effectiveCode();
            if (before != after)
                QMessageBox::information(parentWidget(), tr("Language"), restartNote(after));
        });
    };
    add(tr("System default (%1)").arg(systemName), QString());
    addSeparator();
    for (const LanguageSettings::Language &l : LanguageSettings::languages())
        add(l.nativeName, l.code);
    sync();
}

void LanguageMenu::choose(const QString &code)
{
    LanguageSettings::setOverrideCode(code);
    sync();
    emit languageChosen(code);
}

void LanguageMenu::sync()
{
    const QString current = LanguageSettings::overrideCode();
    for (QAction *a : m_group->actions())
        a->setChecked(a->data().toString() == current);
}

} // namespace kiln::ui
