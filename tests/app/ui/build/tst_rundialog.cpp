// The Run dialog: the variables it offers (HCL2 and legacy JSON), the request it makes,
// what it remembers per template (never a sensitive value), and a real run started from
// it through the build dock whose output shows the values chosen.
// KILN_SCREENSHOT_DIR=dir writes rundialog.png (run under xvfb-run to see real fonts).
#include "app/models/build/RunSettingsStore.h"
#include "app/models/build/RunVariables.h"
#include "app/ui/build/BuildDock.h"
#include "app/ui/build/ConsolePane.h"
#include "app/ui/build/RunDialog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kiln;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.toUtf8()) == text.toUtf8().size();
}

const char *hclTemplate = R"(variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "Where the image goes"
}

variable "api_token" {
  type      = string
  sensitive = true
}

variable "zones" {
  type    = list(string)
  default = ["a", "b"]
}

source "null" "web" {
  communicator = "none"
}

source "null" "db" {
  communicator = "none"
}

build {
  sources = ["source.null.web", "source.null.db"]

  provisioner "shell-local" {
    inline = ["echo ${source.name} region=${var.region} token=${var.api_token} zones=${length(var.zones)}"]
  }
}
)";

const char *legacyTemplate = R"({
  "variables": {
    "user": "admin",
    "password": null
  },
  "sensitive-variables": ["password"],
  "builders": [{"type": "null", "communicator": "none"}]
}
)";

QLineEdit *valueEdit(QWidget *dialog, const QString &name)
{
    return dialog->findChild<QLineEdit *>(QStringLiteral("var-") + name);
}

QPushButton *runButton(QWidget *dialog)
{
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Run"))
            return b;
    return nullptr;
}

QRadioButton *radio(QWidget *dialog, const QString &startsWith)
{
    for (QRadioButton *r : dialog->findChildren<QRadioButton *>())
        if (r->text().startsWith(startsWith))
            return r;
    return nullptr;
}

void check(QWidget *dialog, const QString &build)
{
    auto *list = dialog->findChildren<QListWidget *>().first();
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text() == build)
            list->item(i)->setCheckState(Qt::Checked);
}

} // namespace

class TestRunDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_hcl;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KilnRunDialogTest"));
        QSettings().clear();
        m_hcl = m_dir.filePath("t.pkr.hcl");
        QVERIFY(writeFile(m_hcl, QString::fromUtf8(hclTemplate)));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void hclVariables()
    {
        QString error;
        const QList<models::RunVariable> vars = models::runVariablesOf(m_hcl, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(vars.size(), 3);
        QCOMPARE(vars.at(0).name, QStringLiteral("api_token"));
        QVERIFY(vars.at(0).sensitive);
        QVERIFY(!vars.at(0).hasDefault);
        QCOMPARE(vars.at(1).name, QStringLiteral("region"));
        QCOMPARE(vars.at(1).defaultText, QStringLiteral("eu-west-1"));
        QCOMPARE(vars.at(1).description, QStringLiteral("Where the image goes"));
        QCOMPARE(vars.at(1).type, QStringLiteral("string"));
        QCOMPARE(vars.at(2).name, QStringLiteral("zones"));
        QCOMPARE(vars.at(2).type, QStringLiteral("list of string"));
        QCOMPARE(vars.at(2).defaultText, QStringLiteral("[ \"a\", \"b\" ]"));
    }

    void legacyVariables()
    {
        const QString path = m_dir.filePath("legacy.json");
        QVERIFY(writeFile(path, QString::fromUtf8(legacyTemplate)));
        const QList<models::RunVariable> vars = models::runVariablesOf(path);
        QCOMPARE(vars.size(), 2);
        QCOMPARE(vars.at(0).name, QStringLiteral("password"));
        QVERIFY(vars.at(0).sensitive);
        QVERIFY(!vars.at(0).hasDefault);
        QCOMPARE(vars.at(1).name, QStringLiteral("user"));
        QCOMPARE(vars.at(1).defaultText, QStringLiteral("admin"));
    }

    void requestFromTheDialog()
    {
        models::RunRequest initial;
        initial.path = m_hcl;
        ui::RunDialog dialog({"null.web", "null.db"}, models::runVariablesOf(m_hcl), initial);
        QLineEdit *token = valueEdit(&dialog, "api_token");
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QCOMPARE(valueEdit(&dialog, "region")->placeholderText(), QStringLiteral("default: eu-west-1"));
        QVERIFY(runButton(&dialog)->toolTip().contains(QLatin1String("api_token")));

        // "Only the checked ones" with nothing checked has nothing to run.
        radio(&dialog, "Only")->click();
        QVERIFY(!runButton(&dialog)->isEnabled());
        check(&dialog, "null.db");
        QVERIFY(runButton(&dialog)->isEnabled());

        token->setText("s3cr3t");
        valueEdit(&dialog, "region")->setText("us-east-2");
        dialog.findChildren<QCheckBox *>().at(0)->setChecked(true); // -force
        dialog.findChild<QSpinBox *>()->setValue(3);
        const models::RunRequest r = dialog.request();
        QCOMPARE(r.only, QStringList{"null.db"});
        QVERIFY(r.except.isEmpty());
        QVERIFY(r.options.force);
        QVERIFY(!r.options.debug);
        QCOMPARE(r.parallel, 3);
        QCOMPARE(r.vars.size(), 2);
        QCOMPARE(r.vars.at(0).name, QStringLiteral("api_token"));
        QCOMPARE(r.vars.at(0).value, QStringLiteral("s3cr3t"));
        QCOMPARE(r.vars.at(1).name, QStringLiteral("region"));
        QCOMPARE(dialog.sensitiveNames(), QStringList{"api_token"});

        radio(&dialog, "All but")->click();
        QCOMPARE(dialog.request().except, QStringList{"null.db"});
        QVERIFY(dialog.request().only.isEmpty());
    }

    void remembersAllButSecrets()
    {
        const QString file = m_dir.filePath("settings.ini");
        QSettings settings(file, QSettings::IniFormat);
        models::RunSettingsStore store(&settings);
        models::RunRequest r;
        r.path = m_hcl;
        r.except = {"null.web"};
        r.vars = {{tmpl::VarSetting::Kind::File, {}, "/etc/kiln/prod.pkrvars.hcl"},
            {tmpl::VarSetting::Kind::Var, "api_token", "never-on-disk"},
            {tmpl::VarSetting::Kind::Var, "region", "ap-south-1"}};
        r.options.debug = true;
        r.options.onError = build::OnError::Abort;
        r.parallel = 2;
        store.save(r, {"api_token"});

        QFile raw(file);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        QVERIFY(text.contains("ap-south-1"));
        QVERIFY2(!text.contains("never-on-disk"), text.constData());

        const models::RunRequest back = models::RunSettingsStore(&settings).load(m_hcl);
        QCOMPARE(back.except, QStringList{"null.web"});
        QVERIFY(back.options.debug);
        QCOMPARE(back.options.onError, build::OnError::Abort);
        QCOMPARE(back.parallel, 2);
        QCOMPARE(back.vars.size(), 2);
        QCOMPARE(back.vars.at(0).kind, tmpl::VarSetting::Kind::File);
        QCOMPARE(back.vars.at(1).value, QStringLiteral("ap-south-1"));

        // Another template remembers nothing.
        QVERIFY(models::RunSettingsStore(&settings).load(m_dir.filePath("other.pkr.hcl")).vars.isEmpty());

        // The dialog opens with what was remembered.
        ui::RunDialog dialog({"null.web", "null.db"}, models::runVariablesOf(m_hcl), back);
        QVERIFY(radio(&dialog, "All but")->isChecked());
        QCOMPARE(valueEdit(&dialog, "region")->text(), QStringLiteral("ap-south-1"));
        QVERIFY(valueEdit(&dialog, "api_token")->text().isEmpty());
        QCOMPARE(dialog.request().options.onError, build::OnError::Abort);
    }

    void runFromTheDock()
    {
        QSettings().clear();
        const QString cwd = QDir::currentPath();
        QDir::setCurrent(m_dir.path());
        ui::BuildDock dock;
        dock.resize(1200, 420);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.setTemplatePath(m_hcl);
        dock.setKnownBuilds({"null.web", "null.db"});
        bool filled = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<ui::RunDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            valueEdit(dialog, "api_token")->setText("tok-9137");
            valueEdit(dialog, "region")->setText("sa-east-1");
            radio(dialog, "Only")->click();
            check(dialog, "null.web");
            const QString dir = qEnvironmentVariable("KILN_SCREENSHOT_DIR");
            if (!dir.isEmpty()) {
                QDir().mkpath(dir);
                dialog->grab().save(QDir(dir).filePath("rundialog.png"));
            }
            filled = true;
            runButton(dialog)->click();
        });
        dock.runWithDialog();
        QVERIFY(filled);
        QTRY_VERIFY_WITH_TIMEOUT(!dock.isRunning(), 30000);
        QDir::setCurrent(cwd);
        const QString all = dock.allPane()->text();
        QVERIFY2(all.contains("web region=sa-east-1 token=<sensitive> zones=2"), qPrintable(all));
        QVERIFY2(!all.contains("tok-9137"), qPrintable(all));
        QVERIFY2(!all.contains("db region"), qPrintable(all)); // -only null.web
        QCOMPARE(dock.only(), QStringList{"null.web"});

        // Remembered for the next "Run…", without the token.
        const models::RunRequest again = models::RunSettingsStore().load(m_hcl);
        QCOMPARE(again.only, QStringList{"null.web"});
        QCOMPARE(again.vars.size(), 1);
        QCOMPARE(again.vars.at(0).name, QStringLiteral("region"));
    }
};

QTEST_MAIN(TestRunDialog)
#include "tst_rundialog.moc"
