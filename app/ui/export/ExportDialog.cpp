#include "app/ui/export/ExportDialog.h"

#include "app/ui/editor/HclLexer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexeryaml.h>
#include <Qsci/qsciscintilla.h>

namespace kiln::ui {

namespace {

// The repository a CI file belongs to: the nearest directory above the template with .git.
QString repositoryRoot(const QString &path)
{
    const QFileInfo info(path);
    QDir dir(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    const QDir start = dir;
    do {
        if (QFileInfo::exists(dir.filePath(QStringLiteral(".git"))))
            return dir.absolutePath();
    } while (dir.cdUp());
    return start.absolutePath();
}

} // namespace

ExportDialog::ExportDialog(const QString &templatePath, const QString &kilnBinary, QWidget *parent)
    : QDialog(parent)
    , m_path(templatePath)
    , m_preview(new models::ExportPreview(kilnBinary, this))
    , m_target(new QComboBox)
    , m_runner(new QComboBox)
    , m_editor(new QsciScintilla)
    , m_message(new QLabel)
    , m_save(new QPushButton(tr("&Save…")))
{
    setWindowTitle(tr("Export"));
    m_target->addItem(tr("GitHub Actions workflow"), int(Target::GitHub));
    m_target->addItem(tr("GitLab CI pipeline"), int(Target::GitLab));
    m_target->addItem(tr("HCL2 template for Packer"), int(Target::Hcl));
    m_target->addItem(tr("JSON template for Packer"), int(Target::Json));
    m_runner->addItem(tr("Packer"), int(Runner::Packer));
    m_runner->addItem(tr("Kiln"), int(Runner::Kiln));
    m_runner->setToolTip(
        tr("What the CI jobs install and build with. Kiln's own components need Kiln."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Runner:"), m_runner);

    m_editor->setReadOnly(true);
    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginWidth(0, QStringLiteral("0000"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setMinimumSize(640, 420);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_runner, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_preview, &models::ExportPreview::previewReady, this, &ExportDialog::showPreview);
    refresh();
}

ExportDialog::Target ExportDialog::target() const
{
    return Target(m_target->currentData().toInt());
}

ExportDialog::Runner ExportDialog::runner() const
{
    return Runner(m_runner->currentData().toInt());
}

void ExportDialog::setTarget(Target target)
{
    m_target->setCurrentIndex(m_target->findData(int(target)));
}

void ExportDialog::setRunner(Runner runner)
{
    m_runner->setCurrentIndex(m_runner->findData(int(runner)));
}

QString ExportDialog::message() const
{
    return m_message->text();
}

void ExportDialog::refresh()
{
    m_runner->setEnabled(models::ExportPreview::isCi(target()));
    m_save->setEnabled(false);
    m_message->setText(tr("Exporting…"));
    m_preview->request(target(), runner(), m_path);
}

void ExportDialog::showPreview(bool ok)
{
    QsciLexer *lexer = nullptr;
    switch (target()) {
    case Target::GitHub:
    case Target::GitLab:
        lexer = new QsciLexerYAML(m_editor);
        break;
    case Target::Json:
        lexer = new QsciLexerJSON(m_editor);
        break;
    case Target::Hcl:
        lexer = new HclLexer(m_editor);
        break;
    }
    lexer->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLexer(lexer);
    delete m_lexer;
    m_lexer = lexer;
    m_editor->setText(m_preview->text());
    m_message->setText(m_preview->warnings());
    m_save->setEnabled(ok);
}

QString ExportDialog::suggestedPath() const
{
    const QFileInfo info(m_path);
    const QString base = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    const QString name
        = info.isDir() ? info.fileName() : info.fileName().section(QLatin1Char('.'), 0, 0);
    switch (target()) {
    case Target::GitHub:
        return repositoryRoot(m_path) + QStringLiteral("/.github/workflows/packer.yml");
    case Target::GitLab:
        return repositoryRoot(m_path) + QStringLiteral("/.gitlab-ci.yml");
    case Target::Hcl:
        return base + QStringLiteral("/%1.exported.pkr.hcl").arg(name);
    case Target::Json:
        return base + QStringLiteral("/%1.exported.pkr.json").arg(name);
    }
    return {};
}

bool ExportDialog::saveTo(const QString &path, QString *error) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    const QByteArray text = m_preview->text().toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size() || !f.commit()) {
        *error = tr("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void ExportDialog::save()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Export"), suggestedPath());
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        m_message->setText(error);
    else
        m_message->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace kiln::ui
