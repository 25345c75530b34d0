#include "components/builders/docker/DockerBuilderSettings.h"

#include "engine/communicator/SshConfigReader.h"

#include <QFileInfo>

namespace kiln::components {

build::PrepareResult DockerBuilderSettings::read(const build::ComponentConfig &c)
{
    build::PrepareResult r;
    source = c;
    image = c.string(QStringLiteral("image"));
    // Packer: pull defaults to true unless the key is given (false or true).
    pull = c.has(QStringLiteral("pull")) ? c.boolean(QStringLiteral("pull")) : true;
    commit = c.boolean(QStringLiteral("commit"));
    discard = c.boolean(QStringLiteral("discard"));
    exportPath = c.string(QStringLiteral("export_path"));
    changes = c.stringList(QStringLiteral("changes"));
    runCommand = c.stringList(QStringLiteral("run_command"));
    if (runCommand.isEmpty())
        runCommand = {QStringLiteral("-d"), QStringLiteral("-i"), QStringLiteral("-t"),
            QStringLiteral("--entrypoint=/bin/sh"), QStringLiteral("--"),
            QStringLiteral("{{.Image}}")};
    volumes = c.stringMap(QStringLiteral("volumes"));
    device = c.stringList(QStringLiteral("device"));
    tmpfs = c.stringList(QStringLiteral("tmpfs"));
    capAdd = c.stringList(QStringLiteral("cap_add"));
    capDrop = c.stringList(QStringLiteral("cap_drop"));
    privileged = c.boolean(QStringLiteral("privileged"));
    pty = c.boolean(QStringLiteral("pty"));
    runtime = c.string(QStringLiteral("runtime"));
    execUser = c.string(QStringLiteral("exec_user"));
    containerDir = c.string(QStringLiteral("container_dir"), QStringLiteral("/packer-files"));
    author = c.string(QStringLiteral("author"));
    message = c.string(QStringLiteral("message"));
    platform = c.string(QStringLiteral("platform"));
    executable = c.string(QStringLiteral("docker_path"), QStringLiteral("docker"));
    fixUploadOwner = c.boolean(QStringLiteral("fix_upload_owner"), true);
    login = c.boolean(QStringLiteral("login"));
    loginServer = c.string(QStringLiteral("login_server"));
    loginUsername = c.string(QStringLiteral("login_username"));
    loginPassword = c.string(QStringLiteral("login_password"));
    const bool windows = c.boolean(QStringLiteral("windows_container"));
    communicator = c.string(QStringLiteral("communicator"),
        windows ? QStringLiteral("dockerWindowsContainer") : QStringLiteral("docker"));

    const QList<build::ComponentConfig> blocks = c.blocks(QStringLiteral("build"));
    if (!blocks.isEmpty()) {
        bootstrap = true;
        readBootstrap(blocks.first(), r);
        if (!image.isEmpty())
            r.errors << QStringLiteral("`image` cannot be specified with a build config");
        if (pull && c.has(QStringLiteral("pull"))) {
            r.warnings << QStringLiteral(
                "when running a bootstrap build, the `pull` option is ignored and is "
                "replaced by `build.pull` (true by default)");
        }
        pull = false;
    } else if (image.isEmpty()) {
        r.errors << QStringLiteral("missing 'image' attribute or 'build' section, either needs to "
                                   "be specified for a build to run.");
    }

    QString error;
    const std::optional<qint64> pause
        = c.durationMs(QStringLiteral("pause_before_connecting"), 0, &error);
    if (!pause)
        r.errors << QStringLiteral("pause_before_connecting: %1").arg(error);
    pauseBeforeConnectMs = pause.value_or(0);
    if (communicator == QLatin1String("ssh")) {
        ssh = comm::SshConfigReader::read(c, &r.errors);
        r.errors << ssh.validate();
        if (ssh.auth.username.isEmpty())
            r.errors << QStringLiteral(
                "a Username must be specified, please reference your communicator documentation");
    } else if (communicator != QLatin1String("docker") && communicator != QLatin1String("none")) {
        // Windows containers and WinRM need a Windows host; this daemon runs Linux containers.
        r.errors << QStringLiteral(
            "communicator %1 needs a Windows docker host; Kiln's docker builder supports "
            "docker, ssh and none")
                        .arg(communicator);
    }

    if ((!exportPath.isEmpty() && commit) || (!exportPath.isEmpty() && discard)
        || (commit && discard))
        r.errors << QStringLiteral(
            "Cannot specify more than one of commit, discard, and export_path");
    if (exportPath.isEmpty() && !commit && !discard)
        r.errors << QStringLiteral("No instructions given for handling the artifact; expected "
                                   "commit, discard, or export_path");
    if (!exportPath.isEmpty() && QFileInfo(exportPath).isDir())
        r.errors << QStringLiteral("export_path must be a file, not a directory");
    if (c.boolean(QStringLiteral("ecr_login")) && loginServer.isEmpty())
        r.errors << QStringLiteral("ECR login requires login server to be provided.");
    else if (c.boolean(QStringLiteral("ecr_login")))
        r.errors << QStringLiteral(
            "ecr_login needs AWS ECR, which Kiln cannot reach; use login with a token");
    r.errors.removeDuplicates();
    return r;
}

void DockerBuilderSettings::readBootstrap(const build::ComponentConfig &b, build::PrepareResult &r)
{
    dockerfile = b.string(QStringLiteral("path"));
    buildDir = b.string(QStringLiteral("build_dir"), QStringLiteral("."));
    buildArguments = b.stringMap(QStringLiteral("arguments"));
    buildPull = b.boolean(QStringLiteral("pull"), true);
    if (dockerfile.isEmpty()) {
        r.errors << QStringLiteral(
            "`path` is required for bootstrapping a build with `docker build`");
        return;
    }
    const QFileInfo file(dockerfile);
    if (!file.exists()) {
        r.errors << QStringLiteral("failed to stat file \"%1\": stat %1: no such file or directory")
                        .arg(dockerfile);
        return;
    }
    if (!file.isFile()) {
        r.errors << QStringLiteral("dockerfile \"%1\" is not a regular file").arg(dockerfile);
        return;
    }
    dockerfile = file.absoluteFilePath();
    const QFileInfo dir(buildDir);
    if (!dir.exists()) {
        r.errors << QStringLiteral(
            "failed to stat build directory \"%1\": stat %1: no such file or directory")
                        .arg(buildDir);
        return;
    }
    if (!dir.isDir()) {
        r.errors << QStringLiteral("specified build_dir \"%1\" is not a directory").arg(buildDir);
        return;
    }
    buildDir = dir.absoluteFilePath();
}

} // namespace kiln::components
