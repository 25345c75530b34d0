// cidrhost cidrnetmask cidrsubnet cidrsubnets: go-cty-funcs' cidr package on
// apparentlymart/go-cidr, with Go's net.ParseCIDR and IP.String().

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

#include <arpa/inet.h>

namespace kiln::hcl::functions {

namespace {

    using u128 = unsigned __int128;

    struct Network
    {
        u128 ip = 0; // the network address (host bits cleared)
        int prefix = 0;
        int bits = 32; // 32 for IPv4, 128 for IPv6
    };

    u128 maskOf(int prefix, int bits)
    {
        if (prefix <= 0)
            return 0;
        const u128 all = bits == 128 ? ~u128(0) : ((u128(1) << 32) - 1);
        return (all << (bits - prefix)) & all;
    }

    // net.ParseCIDR. Go rejects IPv4 octets with leading zeros and zones.
    std::optional<Network> parseCidr(const QString &s, QString *error)
    {
        *error = QStringLiteral("invalid CIDR address: %1").arg(s);
        const qsizetype slash = s.indexOf(QLatin1Char('/'));
        if (slash < 0)
            return std::nullopt;
        const QString addr = s.left(slash), len = s.mid(slash + 1);
        Network n;
        if (addr.contains(QLatin1Char(':'))) {
            if (addr.contains(QLatin1Char('%')))
                return std::nullopt;
            unsigned char a[16];
            if (inet_pton(AF_INET6, addr.toLatin1().constData(), a) != 1)
                return std::nullopt;
            for (int i = 0; i < 16; ++i)
                n.ip = (n.ip << 8) | a[i];
            n.bits = 128;
        } else {
            const QStringList parts = addr.split(QLatin1Char('.'));
            if (parts.size() != 4)
                return std::nullopt;
            for (const QString &p : parts) {
                bool ok = false;
                const int v = p.toInt(&ok);
                if (!ok || p.isEmpty() || p.size() > 3 || v > 255 || (p.size() > 1 && p[0] == QLatin1Char('0')) || p[0] == QLatin1Char('+')
                    || p[0] == QLatin1Char('-'))
                    return std::nullopt;
                n.ip = (n.ip << 8) | u128(v);
            }
            n.bits = 32;
        }
        bool ok = false;
        const int prefix = len.toInt(&ok);
        if (!ok || len.isEmpty() || !len[0].isDigit() || prefix < 0 || prefix > n.bits)
            return std::nullopt;
        n.prefix = prefix;
        n.ip &= maskOf(prefix, n.bits);
        return n;
    }

    // net.IP.String()
    QString ipString(u128 ip, int bits)
    {
        if (bits == 32)
            return QStringLiteral("%1.%2.%3.%4").arg(uint((ip >> 24) & 0xff)).arg(uint((ip >> 16) & 0xff)).arg(uint((ip >> 8) & 0xff)).arg(uint(ip & 0xff));
        int groups[8];
        for (int i = 0; i < 8; ++i)
            groups[i] = int((ip >> (16 * (7 - i))) & 0xffff);
        // Longest run of two or more zero groups becomes "::" (the first one on ties).
        int bestStart = -1, bestLen = 0;
        for (int i = 0; i < 8;) {
            if (groups[i] != 0) {
                ++i;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0)
                ++j;
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        QString out;
        for (int i = 0; i < 8; ++i) {
            if (i == bestStart) {
                out += QStringLiteral("::");
                i += bestLen - 1;
                continue;
            }
            if (!out.isEmpty() && !out.endsWith(QLatin1Char(':')))
                out += QLatin1Char(':');
            out += QString::number(groups[i], 16);
        }
        return out;
    }

    QString u128ToString(u128 v)
    {
        if (v == 0)
            return QStringLiteral("0");
        QString s;
        while (v > 0) {
            s.prepend(QLatin1Char(char('0' + int(v % 10))));
            v /= 10;
        }
        return s;
    }

    QString networkString(const Network &n) { return ipString(n.ip, n.bits) + QLatin1Char('/') + QString::number(n.prefix); }

    std::optional<Network> parseArg(const Value &v, FunctionError &err, int argIndex)
    {
        QString why;
        std::optional<Network> n = parseCidr(v.asString(), &why);
        if (!n)
            err = {argIndex, QStringLiteral("invalid CIDR expression: %1").arg(why)};
        return n;
    }

    Value host(const QList<Value> &a, FunctionError &err)
    {
        QString why;
        std::optional<qint64> num = toInt(a[1], &why);
        if (!num)
            return fail(err, -1, why);
        std::optional<Network> n = parseArg(a[0], err, -1);
        if (!n)
            return Value::dynamicUnknown();
        const int hostLen = n->bits - n->prefix;
        const u128 maxHost = hostLen >= 128 ? ~u128(0) : (u128(1) << hostLen) - 1;
        // go-cidr counts negative host numbers back from the end of the range.
        u128 magnitude = u128(quint64(*num));
        u128 hostNum = magnitude;
        QString shown = QString::number(*num);
        if (*num < 0) {
            magnitude = u128(-(*num + 1));
            hostNum = maxHost - magnitude;
            shown = magnitude > maxHost ? QStringLiteral("-") + u128ToString(magnitude - maxHost) : u128ToString(hostNum);
        }
        if (magnitude > maxHost)
            return fail(err, -1, QStringLiteral("prefix of %1 does not accommodate a host numbered %2").arg(n->prefix).arg(shown));
        return Value::string(ipString(n->ip | hostNum, n->bits));
    }

    Value subnet(const QList<Value> &a, FunctionError &err)
    {
        QString why;
        std::optional<qint64> newbits = toInt(a[1], &why);
        if (!newbits)
            return fail(err, -1, why);
        std::optional<qint64> netnum = toInt(a[2], &why);
        if (!netnum)
            return fail(err, -1, why);
        std::optional<Network> n = parseArg(a[0], err, -1);
        if (!n)
            return Value::dynamicUnknown();
        if (*newbits > 32)
            return fail(err, -1, QStringLiteral("may not extend prefix by more than 32 bits"));
        const qint64 newPrefix = n->prefix + *newbits;
        if (newPrefix > n->bits)
            return fail(err, -1, QStringLiteral("insufficient address space to extend prefix of %1 by %2").arg(n->prefix).arg(*newbits));
        const quint64 maxNetNum = (quint64(1) << quint64(*newbits)) - 1;
        if (quint64(*netnum) > maxNetNum)
            return fail(err, -1, QStringLiteral("prefix extension of %1 does not accommodate a subnet numbered %2").arg(*newbits).arg(*netnum));
        Network out = *n;
        out.prefix = int(newPrefix);
        out.ip |= u128(quint64(*netnum)) << (n->bits - newPrefix);
        return Value::string(networkString(out));
    }

    Value subnets(const QList<Value> &a, FunctionError &err)
    {
        std::optional<Network> n = parseArg(a[0], err, 0);
        if (!n)
            return Value::dynamicUnknown();
        if (a.size() == 1)
            return Value::listEmpty(Type::string());
        const u128 all = n->bits == 128 ? ~u128(0) : ((u128(1) << 32) - 1);
        QString why;
        std::optional<qint64> first = toInt(a[1], &why);
        if (!first)
            return fail(err, 1, why);
        // go-cidr's PreviousSubnet of the base network at the first length.
        int curPrefix = int(std::clamp<qint64>(*first + n->prefix, 0, n->bits));
        u128 cur = ((n->ip - 1) & all) & maskOf(curPrefix, n->bits);
        QList<Value> out;
        for (int i = 1; i < a.size(); ++i) {
            std::optional<qint64> len = toInt(a[i], &why);
            if (!len)
                return fail(err, i, why);
            if (*len < 1)
                return fail(err, i, QStringLiteral("must extend prefix by at least one bit"));
            if (*len > 32)
                return fail(err, i, QStringLiteral("may not extend prefix by more than 32 bits"));
            const qint64 length = *len + n->prefix;
            if (length > n->bits)
                return fail(err, i, QStringLiteral("would extend prefix to %1 bits, which is too long for an %2 address")
                                        .arg(length).arg(n->bits == 32 ? QStringLiteral("IPv4") : QStringLiteral("IPv6")));
            // go-cidr's NextSubnet: the subnet after the one holding cur's last address.
            const u128 curLast = cur | (~maskOf(curPrefix, n->bits) & all);
            const u128 mask = maskOf(int(length), n->bits);
            const u128 subLast = (curLast & mask) | (~mask & all);
            const u128 next = (subLast + 1) & all;
            const Network current {cur, curPrefix, n->bits};
            const bool rollover = next == 0;
            const bool contained = (next & maskOf(n->prefix, n->bits)) == n->ip;
            if (rollover || !contained)
                return fail(err, i, QStringLiteral("not enough remaining address space for a subnet with a prefix of %1 bits after %2").arg(length).arg(networkString(current)));
            cur = next & mask;
            curPrefix = int(length);
            out.append(Value::string(networkString({cur, curPrefix, n->bits})));
        }
        return Value::list(out);
    }

} // namespace

void addCidrFunctions(FunctionTable &t)
{
    const Type str = Type::string(), num = Type::number();
    add(t, simpleFunction(QStringLiteral("cidrhost"), QStringLiteral("Calculates a full host IP address within a given IP network address prefix."),
                          {param(QStringLiteral("prefix"), str), param(QStringLiteral("hostnum"), num)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return host(a, err); }));
    add(t, simpleFunction(QStringLiteral("cidrnetmask"), QStringLiteral("Converts an IPv4 address prefix given in CIDR notation into a subnet mask address."),
                          {param(QStringLiteral("prefix"), str)}, str, [](const QList<Value> &a, const Type &, FunctionError &err) {
                              std::optional<Network> n = parseArg(a[0], err, -1);
                              if (!n)
                                  return Value::dynamicUnknown();
                              return Value::string(ipString(maskOf(n->prefix, n->bits), n->bits));
                          }));
    add(t, simpleFunction(QStringLiteral("cidrsubnet"), QStringLiteral("Calculates a subnet address within a given IP network address prefix."),
                          {param(QStringLiteral("prefix"), str), param(QStringLiteral("newbits"), num), param(QStringLiteral("netnum"), num)}, str,
                          [](const QList<Value> &a, const Type &, FunctionError &err) { return subnet(a, err); }));
    Function subnetsFn = simpleFunction(QStringLiteral("cidrsubnets"), QStringLiteral("Calculates a sequence of consecutive IP address ranges within a particular CIDR prefix."),
                                        {param(QStringLiteral("prefix"), str)}, Type::list(str),
                                        [](const QList<Value> &a, const Type &, FunctionError &err) { return subnets(a, err); });
    subnetsFn.varParam = param(QStringLiteral("newbits"), num);
    add(t, subnetsFn);
}

} // namespace kiln::hcl::functions
