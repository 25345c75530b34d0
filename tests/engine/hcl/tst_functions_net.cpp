// Network functions: cidrhost cidrnetmask cidrsubnet cidrsubnets.

#include "FunctionTestSupport.h"

using namespace kiln::hcl;
using namespace kiln::hcl::functions::test;

class TestNetFunctions : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        addColumns();
        row("cidrhost(\"10.12.112.0/20\", 16)", "\"10.12.112.16\"");
        row("cidrhost(\"10.12.112.0/20\", 268)", "\"10.12.113.12\"");
        row("cidrhost(\"10.12.112.0/20\", -1)", "\"10.12.127.255\"");
        row("cidrhost(\"fd00:fd12:3456:7890:00a2::/72\", 34)", "\"fd00:fd12:3456:7890::22\"");
        row("cidrhost(\"10.0.0.0/30\", 4)", "ERROR: Call to function \"cidrhost\" failed: prefix of 30 does not accommodate a host numbered 4.");
        row("cidrhost(\"10.0.0.0\", 1)", "ERROR: Call to function \"cidrhost\" failed: invalid CIDR expression: invalid CIDR address: 10.0.0.0.");
        row("cidrnetmask(\"172.16.0.0/12\")", "\"255.240.0.0\"");
        row("cidrnetmask(\"fd00::/64\")", "\"ffff:ffff:ffff:ffff::\"");
        row("cidrsubnet(\"172.16.0.0/12\", 4, 2)", "\"172.18.0.0/16\"");
        row("cidrsubnet(\"10.1.2.0/24\", 4, 15)", "\"10.1.2.240/28\"");
        row("cidrsubnet(\"fd00:fd12:3456:7890::/56\", 16, 162)", "\"fd00:fd12:3456:7800:a200::/72\"");
        row("cidrsubnet(\"10.1.2.0/24\", 4, 16)", "ERROR: Call to function \"cidrsubnet\" failed: prefix extension of 4 does not accommodate a subnet numbered 16.");
        row("cidrsubnet(\"10.1.2.0/24\", 9, 0)", "ERROR: Call to function \"cidrsubnet\" failed: insufficient address space to extend prefix of 24 by 9.");
        row("cidrsubnet(\"10.1.2.0/24\", 33, 0)", "ERROR: Call to function \"cidrsubnet\" failed: may not extend prefix by more than 32 bits.");
        row("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)", "list[\"10.1.0.0/20\", \"10.1.16.0/20\", \"10.1.32.0/24\", \"10.1.48.0/20\"]");
        row("cidrsubnets(\"fd00:fd12:3456:7890::/56\", 16, 16, 16, 32)",
            "list[\"fd00:fd12:3456:7800::/72\", \"fd00:fd12:3456:7800:100::/72\", \"fd00:fd12:3456:7800:200::/72\", \"fd00:fd12:3456:7800:300::/88\"]");
        row("cidrsubnets(\"10.0.0.0/8\")", "list[]");
        row("cidrsubnets(\"10.0.0.0/30\", 1, 1, 1)", "ERROR: Invalid value for \"newbits\" parameter: not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31.");
        row("cidrsubnets(\"10.0.0.0/30\", 0)", "ERROR: Invalid value for \"newbits\" parameter: must extend prefix by at least one bit.");
        row("cidrsubnets(\"10.0.0.0/30\", 3)", "ERROR: Invalid value for \"newbits\" parameter: would extend prefix to 33 bits, which is too long for an IPv4 address.");
        row("cidrsubnets(\"nope\", 3)", "ERROR: Invalid value for \"prefix\" parameter: invalid CIDR expression: invalid CIDR address: nope.");
    }
    void cases()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        QCOMPARE(run(expr), expected);
    }
};

QTEST_GUILESS_MAIN(TestNetFunctions)
#include "tst_functions_net.moc"
