#include "app/cli/export/GithubWorkflowWriter.h"

#include "app/cli/export/YamlEmit.h"

#include <QFileInfo>

namespace kiln::cli {

using yaml::keyValue;
using yaml::str;

namespace {

const char *const cacheDir = ".packer_cache";

QString quotedExpressionString(QString s)
{
    s.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// The files hashFiles() reads to key the cache: the template (all of it for a directory).
QString templateGlob(const TemplateSummary &t)
{
    if (!t.isDirectory)
        return t.templatePath;
    return t.templatePath == QLatin1String(".") ? QStringLiteral("**/*.pkr.*")
                                                : t.templatePath + QLatin1String("/**");
}

void step(YAML::Emitter &out, const QString &name, const QString &key, const QString &value)
{
    out << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"), name);
    keyValue(out, key, value);
    out << YAML::EndMap;
}

void installSteps(YAML::Emitter &out, const CiRunner &runner)
{
    step(out, QStringLiteral("Check out"), QStringLiteral("uses"),
        QStringLiteral("actions/checkout@v4"));
    out << YAML::BeginMap;
    if (runner.kind() == CiRunner::Kind::Packer) {
        keyValue(out, QStringLiteral("name"), QStringLiteral("Set up Packer"));
        keyValue(out, QStringLiteral("uses"), QStringLiteral("hashicorp/setup-packer@v3"));
        out << YAML::Key << "with" << YAML::Value << YAML::BeginMap;
        keyValue(out, QStringLiteral("version"), QStringLiteral("${{ env.PACKER_VERSION }}"));
        out << YAML::EndMap;
    } else {
        // Kiln has no setup action: the repository variable KILN_DEB_URL names the
        // release package (kiln_<version>_amd64.deb) to install on the runner.
        keyValue(out, QStringLiteral("name"), QStringLiteral("Install Kiln"));
        out << YAML::Key << "env" << YAML::Value << YAML::BeginMap;
        keyValue(out, QStringLiteral("KILN_DEB_URL"), QStringLiteral("${{ vars.KILN_DEB_URL }}"));
        out << YAML::EndMap;
        keyValue(out, QStringLiteral("run"),
            QStringLiteral("curl -fsSL -o \"$RUNNER_TEMP/kiln.deb\" \"$KILN_DEB_URL\"\n"
                           "sudo apt-get install -y \"$RUNNER_TEMP/kiln.deb\"\n"
                           "kiln version"));
    }
    out << YAML::EndMap;
}

void validateJob(YAML::Emitter &out, const TemplateSummary &t, const CiRunner &runner)
{
    out << YAML::Key << "validate" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"), QStringLiteral("Validate"));
    keyValue(out, QStringLiteral("runs-on"), QStringLiteral("ubuntu-latest"));
    out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
    installSteps(out, runner);
    if (runner.needsInit(t))
        step(out, QStringLiteral("Install plugins"), QStringLiteral("run"),
            runner.initCommand(runner.name()));
    step(out, QStringLiteral("Validate"), QStringLiteral("run"),
        runner.validateCommand(runner.name(), t));
    out << YAML::EndSeq << YAML::EndMap;
}

void buildJob(YAML::Emitter &out, const TemplateSummary &t, const CiRunner &runner)
{
    out << YAML::Key << "build" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"), QStringLiteral("Build ${{ matrix.target }}"));
    keyValue(out, QStringLiteral("needs"), QStringLiteral("validate"));
    keyValue(out, QStringLiteral("runs-on"), QStringLiteral("ubuntu-latest"));
    out << YAML::Key << "strategy" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "fail-fast" << YAML::Value << false;
    out << YAML::Key << "matrix" << YAML::Value << YAML::BeginMap;
    yaml::keyList(out, QStringLiteral("target"), t.targets);
    out << YAML::EndMap << YAML::EndMap;

    out << YAML::Key << "steps" << YAML::Value << YAML::BeginSeq;
    installSteps(out, runner);

    out << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"), QStringLiteral("Cache PACKER_CACHE_DIR"));
    keyValue(out, QStringLiteral("uses"), QStringLiteral("actions/cache@v4"));
    out << YAML::Key << "with" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("path"), QString::fromLatin1(cacheDir));
    keyValue(out, QStringLiteral("key"),
        QStringLiteral("packer-cache-${{ runner.os }}-${{ matrix.target }}-${{ hashFiles(%1) }}")
            .arg(quotedExpressionString(templateGlob(t))));
    keyValue(out, QStringLiteral("restore-keys"),
        QStringLiteral("packer-cache-${{ runner.os }}-${{ matrix.target }}-"));
    out << YAML::EndMap << YAML::EndMap;

    if (runner.needsInit(t))
        step(out, QStringLiteral("Install plugins"), QStringLiteral("run"),
            runner.initCommand(runner.name()));

    out << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"), QStringLiteral("Build"));
    out << YAML::Key << "env" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("TARGET"), QStringLiteral("${{ matrix.target }}"));
    out << YAML::EndMap;
    keyValue(out, QStringLiteral("run"), runner.buildCommand(runner.name(), t));
    out << YAML::EndMap;

    if (!t.artifactPaths.isEmpty()) {
        out << YAML::BeginMap;
        keyValue(out, QStringLiteral("name"), QStringLiteral("Keep manifest and checksums"));
        keyValue(out, QStringLiteral("uses"), QStringLiteral("actions/upload-artifact@v4"));
        out << YAML::Key << "with" << YAML::Value << YAML::BeginMap;
        keyValue(out, QStringLiteral("name"), QStringLiteral("packer-${{ matrix.target }}"));
        keyValue(out, QStringLiteral("path"), t.artifactPaths.join(QLatin1Char('\n')));
        keyValue(out, QStringLiteral("if-no-files-found"), QStringLiteral("warn"));
        out << YAML::EndMap << YAML::EndMap;
    }
    out << YAML::EndSeq << YAML::EndMap;
}

} // namespace

QString GithubWorkflowWriter::variableExpression(const CiVariable &v)
{
    if (v.sensitive)
        return QStringLiteral("${{ secrets.%1 }}").arg(v.ciName);
    if (!v.hasDefault || v.defaultText.isEmpty() || v.defaultIsTemplate)
        return QStringLiteral("${{ vars.%1 }}").arg(v.ciName);
    return QStringLiteral("${{ vars.%1 || %2 }}")
        .arg(v.ciName, quotedExpressionString(v.defaultText));
}

QByteArray GithubWorkflowWriter::write(const TemplateSummary &t, const CiRunner &runner)
{
    YAML::Emitter out;
    out.SetIndent(2);
    QString header = QStringLiteral("Generated by `kiln export --ci github --runner %1 %2`.")
                         .arg(runner.name(), t.templatePath);
    for (const CiVariable &v : t.variables) {
        if (v.sensitive)
            header += QStringLiteral("\nSensitive variable %1: set the repository secret %2.")
                          .arg(v.name, v.ciName);
    }
    out << YAML::Comment(str(header));
    out << YAML::BeginMap;
    keyValue(out, QStringLiteral("name"),
        QStringLiteral("Build %1").arg(QFileInfo(t.templatePath).fileName()));
    yaml::keyList(out, QStringLiteral("on"),
        {QStringLiteral("push"), QStringLiteral("pull_request"),
            QStringLiteral("workflow_dispatch")},
        true);
    out << YAML::Key << "permissions" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("contents"), QStringLiteral("read"));
    out << YAML::EndMap;
    out << YAML::Key << "concurrency" << YAML::Value << YAML::BeginMap;
    keyValue(
        out, QStringLiteral("group"), QStringLiteral("${{ github.workflow }}-${{ github.ref }}"));
    // A cancelled image build can leave cloud resources behind: queue, never cancel.
    out << YAML::Key << "cancel-in-progress" << YAML::Value << false;
    out << YAML::EndMap;

    out << YAML::Key << "env" << YAML::Value << YAML::BeginMap;
    keyValue(out, QStringLiteral("TEMPLATE"), t.templatePath);
    keyValue(out, QStringLiteral("PACKER_CACHE_DIR"), QString::fromLatin1(cacheDir));
    if (runner.kind() == CiRunner::Kind::Packer)
        keyValue(out, QStringLiteral("PACKER_VERSION"), QStringLiteral("latest"));
    for (const CiVariable &v : t.variables)
        keyValue(out, v.envName, variableExpression(v));
    out << YAML::EndMap;

    out << YAML::Key << "jobs" << YAML::Value << YAML::BeginMap;
    validateJob(out, t, runner);
    buildJob(out, t, runner);
    out << YAML::EndMap;
    out << YAML::EndMap;
    return yaml::document(out);
}

} // namespace kiln::cli
