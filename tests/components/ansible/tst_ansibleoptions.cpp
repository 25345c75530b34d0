// The ansible provisioner's less common options, each checked by what reaches Ansible: a
// stand-in `ansible-playbook` (the `command` option) and `ansible-galaxy` (galaxy_command)
// record their arguments, the ANSIBLE_* environment and the inventory they were given. The
// "machine" is this host (LocalCommunicator); use_proxy = false hands Ansible the address in
// the generated data, as Packer does for ssh and winrm communicators. tst_ansiblessh and
// tst_ansibleproxy run the real ansible-playbook.

#include "AnsibleTestRun.h"
#include "engine/communicator/LocalCommunicator.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kiln;
using test::Harness;

class TestAnsibleOptions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString log() const { return m_dir.filePath("calls.log"); }
    QString playbook() const { return m_dir.filePath("site.yml"); }

    // Every argument bracketed, so quoting that reaches Ansible is visible.
    static QByteArray recorder(const QByteArray &name, const QString &log)
    {
        return "#!/bin/sh\n{ printf '" + name
            + "'; for a in \"$@\"; do printf ' [%s]' \"$a\"; done\n"
              "echo\necho \"env HKC=$ANSIBLE_HOST_KEY_CHECKING SCP=$ANSIBLE_SCP_IF_SSH "
              "EXTRA=$KILN_EXTRA\"\n"
              "prev=; for a in \"$@\"; do [ \"$prev\" = -i ] && cat \"$a\"; prev=$a; done\n"
              "} >> "
            + log.toUtf8() + "\nexit ${KILN_ANSIBLE_EXIT:-0}\n";
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(test::putFile(playbook(), "- hosts: all\n"));
        QVERIFY(test::putFile(m_dir.filePath("bin/ansible-playbook"), recorder("playbook", log())));
        QVERIFY(test::putFile(m_dir.filePath("bin/ansible-galaxy"), recorder("galaxy", log())));
        for (const char *tool : {"bin/ansible-playbook", "bin/ansible-galaxy"})
            QVERIFY(QFile::setPermissions(m_dir.filePath(tool),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(test::putFile(m_dir.filePath("requirements.yml"),
            "roles:\n  - name: geerlingguy.java\ncollections:\n  - name: community.general\n"));
        QVERIFY(test::putFile(m_dir.filePath("roles-only.yml"), "- src: geerlingguy.java\n"));
        QVERIFY(QDir().mkpath(m_dir.filePath("roles")));
        QVERIFY(QDir().mkpath(m_dir.filePath("collections")));
    }

    void options_data()
    {
        QTest::addColumn<QVariantMap>("config");
        QTest::addColumn<QVariantMap>("generated");
        QTest::addColumn<QString>("expected");
        const QVariantMap ssh{{"ConnType", "ssh"}, {"Host", "192.0.2.10"}, {"Port", 2222},
            {"User", "bob"}, {"SSHPrivateKey", "KEY"}, {"Password", ""},
            {"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        QTest::newRow("host_alias, groups, empty_groups")
            << QVariantMap{{"host_alias", "web"}, {"groups", QStringList{"app"}},
                   {"empty_groups", QStringList{"db"}}}
            << ssh
            << "playbook [-e] [packer_build_name=\"example\"] [-e] [packer_builder_type=null] "
               "[--ssh-extra-args] "
               "['-o IdentitiesOnly=yes'] [-e] [ansible_ssh_private_key_file=KEYFILE] [-i] "
               "[INVENTORY] [PLAYBOOK]\n"
               "env HKC=False SCP=True EXTRA=\n"
               "web ansible_host=192.0.2.10 ansible_user=bob ansible_port=2222\n"
               "[app]\nweb ansible_host=192.0.2.10 ansible_user=bob ansible_port=2222\n[db]\n";
        QTest::newRow("inventory_file_template, user, ansible_ssh_extra_args, env vars")
            << QVariantMap{{"inventory_file_template",
                               "{{ .HostAlias }} ansible_host={{ .Host }}:{{ .Port }} "
                               "ansible_user={{ .User }} custom=yes\n"},
                   {"user", "deploy"},
                   {"ansible_ssh_extra_args", QStringList{"-o ForwardAgent=yes", "-o Foo=bar"}},
                   {"ansible_env_vars", QStringList{"KILN_EXTRA=from config"}}, {"use_sftp", true}}
            << ssh
            << "playbook [-e] [packer_build_name=\"example\"] [-e] [packer_builder_type=null] "
               "[--ssh-extra-args] "
               "['-o ForwardAgent=yes' '-o Foo=bar'] [-e] [ansible_ssh_private_key_file=KEYFILE] "
               "[-i] [INVENTORY] [PLAYBOOK]\n"
               "env HKC=False SCP= EXTRA=from config\n"
               "default ansible_host=192.0.2.10:2222 ansible_user=deploy custom=yes\n";
        QTest::newRow("galaxy_file with roles and collections, galaxy options")
            << QVariantMap{{"galaxy_file", m_dir.filePath("requirements.yml")},
                   {"galaxy_command", m_dir.filePath("bin/ansible-galaxy")},
                   {"galaxy_force_install", true}, {"galaxy_force_with_deps", true},
                   {"roles_path", m_dir.filePath("roles")},
                   {"collections_path", m_dir.filePath("collections")}}
            << ssh
            << "galaxy [install] [-r] [DIR/requirements.yml] [-f] [--force-with-deps] [-p] "
               "[DIR/roles]\nenv HKC=False SCP=True EXTRA=\n"
               "galaxy [collection] [install] [-r] [DIR/requirements.yml] [-f] "
               "[--force-with-deps] [-p] [DIR/collections]\nenv HKC=False SCP=True EXTRA=\n"
               "playbook [-e] [packer_build_name=\"example\"] [-e] [packer_builder_type=null] "
               "[--ssh-extra-args] "
               "['-o IdentitiesOnly=yes'] [-e] [ansible_ssh_private_key_file=KEYFILE] [-i] "
               "[INVENTORY] [PLAYBOOK]\n"
               "env HKC=False SCP=True EXTRA=\n"
               "default ansible_host=192.0.2.10 ansible_user=bob ansible_port=2222\n";
        // A v1 requirements file (a bare list) installs roles only.
        QTest::newRow("galaxy_file in the v1 format")
            << QVariantMap{{"galaxy_file", m_dir.filePath("roles-only.yml")},
                   {"galaxy_command", m_dir.filePath("bin/ansible-galaxy")},
                   {"collections_path", m_dir.filePath("collections")}}
            << ssh
            << "galaxy [install] [-r] [DIR/roles-only.yml]\nenv HKC=False SCP=True EXTRA=\n"
               "playbook [-e] [packer_build_name=\"example\"] [-e] [packer_builder_type=null] "
               "[--ssh-extra-args] "
               "['-o IdentitiesOnly=yes'] [-e] [ansible_ssh_private_key_file=KEYFILE] [-i] "
               "[INVENTORY] [PLAYBOOK]\n"
               "env HKC=False SCP=True EXTRA=\n"
               "default ansible_host=192.0.2.10 ansible_user=bob ansible_port=2222\n";
        QTest::newRow("winrm without proxy, ansible_winrm_use_http")
            << QVariantMap{{"ansible_winrm_use_http", true}, {"user", "Administrator"}}
            << QVariantMap{{"ConnType", "winrm"}, {"Host", "192.0.2.20"}, {"Port", 5985},
                   {"User", "Administrator"}, {"Password", "Pa55word"},
                   {"PackerHTTPAddr", "10.0.2.2:8000"}}
            << "playbook [-e] [packer_build_name=\"example\"] [-e] [packer_builder_type=null] [-e] "
               "[packer_http_addr=10.0.2.2:8000] "
               "[-e] [ansible_winrm_scheme=http] [-e] [ansible_password=Pa55word] [-i] "
               "[INVENTORY] [PLAYBOOK]\n"
               "env HKC=False SCP=True EXTRA=\n"
               "default ansible_host=192.0.2.20 ansible_connection=winrm "
               "ansible_winrm_transport=basic ansible_shell_type=powershell "
               "ansible_user=Administrator ansible_port=5985\n";
    }

    void options()
    {
        QFETCH(QVariantMap, config);
        QFETCH(QVariantMap, generated);
        QFETCH(QString, expected);
        QFile::remove(log());
        config.insert("playbook_file", playbook());
        config.insert("command", m_dir.filePath("bin/ansible-playbook"));
        config.insert("skip_version_check", true);
        config.insert("use_proxy", false);
        config.insert("inventory_directory", m_dir.path());
        config.insert("keep_inventory_file", true);
        Harness h;
        h.ctx.generatedData = generated;
        comm::LocalCommunicator local;
        const QString result = test::provisionWith(h, local, config);
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + test::transcript(h.sink)));

        // The inventory Kiln wrote (kept) and the key file it handed over (removed after).
        const QStringList inventories
            = QDir(m_dir.path()).entryList({"packer-provisioner-ansible*"}, QDir::Files);
        QCOMPARE(inventories.size(), 1);
        const QString inventory = m_dir.filePath(inventories.first());
        QString text = QString::fromUtf8(test::fileText(log()));
        static const QRegularExpression keyFile("ansible_ssh_private_key_file=([^\\]]+)");
        const QRegularExpressionMatch key = keyFile.match(text);
        if (key.hasMatch()) {
            QVERIFY2(!QFile::exists(key.captured(1)), "the private key file is left behind");
            text.replace(key.captured(1), "KEYFILE");
        }
        text.replace(inventory, "INVENTORY")
            .replace(QFileInfo(playbook()).absoluteFilePath(), "PLAYBOOK")
            .replace(m_dir.path(), "DIR");
        QFile::remove(inventory);
        QCOMPARE(text, expected);
        // Passwords never reach the console, not even in the "Executing Ansible" line.
        QVERIFY(!test::transcript(h.sink).contains("Pa55word"));
    }

    // A failing ansible-playbook fails the provisioner with its exit status, and the temporary
    // inventory is removed unless keep_inventory_file.
    void failureRemovesInventory()
    {
        QFile::remove(log());
        const QString dir = m_dir.filePath("inv-fail");
        QVERIFY(QDir().mkpath(dir));
        Harness h;
        h.ctx.generatedData = {{"ConnType", "ssh"}, {"Host", "192.0.2.10"}, {"Port", 22},
            {"User", "bob"}, {"SSHPrivateKey", ""}, {"Password", ""},
            {"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        comm::LocalCommunicator local;
        qputenv("KILN_ANSIBLE_EXIT", "2");
        const QString result = test::provisionWith(h, local,
            {{"playbook_file", playbook()}, {"command", m_dir.filePath("bin/ansible-playbook")},
                {"skip_version_check", true}, {"use_proxy", false}, {"inventory_directory", dir}});
        qunsetenv("KILN_ANSIBLE_EXIT");
        QCOMPARE(
            result, QStringLiteral("Error executing Ansible: Non-zero exit status: exit status 2"));
        QVERIFY(QString::fromUtf8(test::fileText(log())).startsWith("playbook "));
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot), QStringList());
    }
    // ansible-local on "the machine" (this host): playbook_paths and collection_paths are
    // staged, the galaxy requirements installed with galaxy_command into galaxy_roles_path and
    // galaxy_collections_path (with galaxy_force_install), Ansible runs with both paths in
    // its environment and the given inventory_file, from the staging directory.
    void localOptions()
    {
        QFile::remove(log());
        const QString stage = m_dir.filePath("local-stage");
        const QString tool = m_dir.filePath("bin/local-tool");
        // The guest-side command sees the environment ansible-local puts before it.
        QVERIFY(test::putFile(tool,
            "#!/bin/sh\necho \"$(basename \"$0\") $PWD|$ANSIBLE_ROLES_PATH|"
            "$ANSIBLE_COLLECTIONS_PATH|$*\" >> "
                + log().toUtf8() + "\n"));
        QVERIFY(QFile::setPermissions(
            tool, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QVERIFY(test::putFile(m_dir.filePath("extra-playbooks/more.yml"), "- hosts: all\n"));
        QVERIFY(test::putFile(
            m_dir.filePath("my-collections/kiln/tools/galaxy.yml"), "namespace: kiln\n"));
        QVERIFY(test::putFile(m_dir.filePath("hosts.ini"), "[web]\n127.0.0.1\n"));
        Harness h;
        h.ctx.generatedData = {{"PackerHTTPAddr", "10.0.2.2:8000"}};
        comm::LocalCommunicator local;
        const QString result = test::provisionWith(h, local,
            {{"playbook_file", playbook()}, {"command", tool}, {"galaxy_command", tool},
                {"staging_directory", stage},
                {"playbook_paths", QStringList{m_dir.filePath("extra-playbooks")}},
                {"collection_paths", QStringList{m_dir.filePath("my-collections")}},
                {"galaxy_file", m_dir.filePath("requirements.yml")}, {"galaxy_force_install", true},
                {"galaxy_roles_path", stage + "/r"}, {"galaxy_collections_path", stage + "/c"},
                {"inventory_file", m_dir.filePath("hosts.ini")},
                {"extra_arguments", QStringList{"--tags", "web"}}},
            true);
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + test::transcript(h.sink)));
        QCOMPARE(QString::fromUtf8(test::fileText(log())).replace(stage, "STAGE"),
            QStringLiteral(
                "local-tool STAGE|||install -r STAGE/requirements.yml -p STAGE/r -f\n"
                "local-tool STAGE|||collection install -r STAGE/requirements.yml -p STAGE/c -f\n"
                "local-tool STAGE|:STAGE/r|:STAGE/c:STAGE/collections|STAGE/site.yml "
                "--extra-vars packer_build_name=example packer_builder_type=null "
                "packer_http_addr=10.0.2.2:8000 -o IdentitiesOnly=yes --tags web -c local -i "
                "STAGE/hosts.ini\n"));
        QCOMPARE(test::fileText(stage + "/playbooks/extra-playbooks/more.yml"),
            QByteArray("- hosts: all\n"));
        QCOMPARE(test::fileText(stage + "/collections/my-collections/kiln/tools/galaxy.yml"),
            QByteArray("namespace: kiln\n"));
        QCOMPARE(test::fileText(stage + "/hosts.ini"), QByteArray("[web]\n127.0.0.1\n"));
        QCOMPARE(test::fileText(stage + "/requirements.yml"),
            test::fileText(m_dir.filePath("requirements.yml")));
        // Without clean_staging_directory the staging directory stays, as Packer's.
        QVERIFY(QFileInfo::exists(stage + "/site.yml"));
    }
    // use_proxy with ssh_host_key_file and ssh_authorized_key_file: the adapter presents
    // that host key (ssh-keyscan sees it), admits the holder of the authorized key (a real
    // ssh login runs a command on the machine through it), Kiln hands Ansible no private
    // key of its own, and host key checking is left to Ansible.
    void proxyKeys()
    {
        for (const char *tool : {"ssh", "ssh-keygen", "ssh-keyscan"})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP("OpenSSH client tools are not installed");
        QFile::remove(log());
        const QString keys = m_dir.filePath("proxy-keys");
        QVERIFY(QDir().mkpath(keys));
        for (const QString &name : {QStringLiteral("user"), QStringLiteral("host")}) {
            QVERIFY(QProcess::execute("ssh-keygen",
                        {"-q", "-t", "ecdsa", "-N", "", "-C", name, "-f", keys + "/" + name})
                == 0);
        }
        const QString tool = m_dir.filePath("bin/proxy-ansible");
        QVERIFY(test::putFile(tool,
            "#!/bin/sh\nlog=" + log().toUtf8()
                + "\nprev=; for a in \"$@\"; do [ \"$prev\" = -i ] && inv=$a; prev=$a; done\n"
                  "port=$(sed -n 's/.*ansible_port=\\([0-9]*\\).*/\\1/p' \"$inv\" | head -n1)\n"
                  "echo \"args $*\" >> $log\n"
                  "echo \"env HKC=$ANSIBLE_HOST_KEY_CHECKING\" >> $log\n"
                  "ssh-keyscan -t ecdsa -p \"$port\" 127.0.0.1 2>/dev/null | cut -d' ' -f2- >> "
                  "$log\n"
                  "ssh -i "
                + keys.toUtf8()
                + "/user -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "
                  "-o BatchMode=yes -o LogLevel=ERROR -p \"$port\" kiln@127.0.0.1 "
                  "'echo proxied-$((6*7))' >> $log 2>&1\n"));
        QVERIFY(QFile::setPermissions(
            tool, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        Harness h;
        h.ctx.generatedData = {{"ConnType", "ssh"}, {"Host", "192.0.2.10"}, {"Port", 22},
            {"User", "bob"}, {"SSHPrivateKey", ""}, {"Password", ""},
            {"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        comm::LocalCommunicator local;
        const QString result = test::provisionWith(h, local,
            {{"playbook_file", playbook()}, {"command", tool}, {"skip_version_check", true},
                {"user", "kiln"}, {"ssh_host_key_file", keys + "/host"},
                {"ssh_authorized_key_file", keys + "/user.pub"}});
        QVERIFY2(result.isEmpty(), qPrintable(result + "\n" + test::transcript(h.sink)));
        const QStringList lines
            = QString::fromUtf8(test::fileText(log())).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(!lines[0].contains("ansible_ssh_private_key_file"), qPrintable(lines[0]));
        QCOMPARE(lines[1], QStringLiteral("env HKC="));
        const QByteArray hostPublic = test::fileText(keys + "/host.pub");
        QCOMPARE(lines[2].toUtf8(), hostPublic.left(hostPublic.lastIndexOf(' ')));
        QCOMPARE(lines[3], QStringLiteral("proxied-42"));
    }
    // Passwords in extra_arguments never reach the console (Packer prints them, #11078):
    // neither in ansible-local's "Executing Ansible" line nor where Ansible echoes them, quoted
    // for the guest's shell or not; the remote provisioner likewise.
    void passwordsMasked()
    {
        const QString echo = m_dir.filePath("bin/echo-args");
        QVERIFY(test::putFile(echo, "#!/bin/sh\necho \"ansible got: $*\"\n"));
        QVERIFY(QFile::setPermissions(
            echo, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        Harness local;
        comm::LocalCommunicator machine;
        QCOMPARE(test::provisionWith(local, machine,
                     {{"playbook_file", playbook()}, {"command", echo},
                         {"staging_directory", m_dir.filePath("masked-stage")},
                         {"clean_staging_directory", true},
                         {"extra_arguments",
                             QStringList{"-e", "'db_password=Sup3rSecret'",
                                 "--extra-vars vault_secret=V4ultKey"}}},
                     true),
            QString());
        const QString localText = test::transcript(local.sink);
        QVERIFY2(localText.contains("ansible got: ") && localText.contains("db_password="),
            qPrintable(localText));
        QVERIFY2(!localText.contains("Sup3rSecret") && !localText.contains("V4ultKey"),
            qPrintable(localText));

        Harness remote;
        remote.ctx.generatedData = {{"ConnType", "ssh"}, {"Host", "192.0.2.10"}, {"Port", 22},
            {"User", "bob"}, {"SSHPrivateKey", ""}, {"Password", ""},
            {"PackerHTTPAddr", "ERR_HTTP_ADDR_NOT_IMPLEMENTED_BY_BUILDER"}};
        QCOMPARE(test::provisionWith(remote, machine,
                     {{"playbook_file", playbook()}, {"command", echo},
                         {"skip_version_check", true}, {"use_proxy", false},
                         {"extra_arguments", QStringList{"-e", "db_password=Sup3rSecret"}}}),
            QString());
        const QString remoteText = test::transcript(remote.sink);
        QVERIFY2(remoteText.contains("ansible got: -e packer_build_name=\"example\""),
            qPrintable(remoteText));
        QVERIFY2(!remoteText.contains("Sup3rSecret"), qPrintable(remoteText));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleOptions)
#include "tst_ansibleoptions.moc"
