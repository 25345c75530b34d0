// cty/convert/mismatch_msg.go: the message a user sees when no conversion exists.

#include "engine/hcl/value/ConvertInternal.h"
#include "engine/hcl/value/GoFormat.h"

namespace kiln::hcl::convertdetail {

namespace {

QString mismatchMessageObjects(const Type &got, const Type &want)
{
    const QMap<QString, Type> &gotAtys = got.attributeTypes();
    const QMap<QString, Type> &wantAtys = want.attributeTypes();
    QStringList missing;
    QString unsafeMismatch;
    QString safeMismatch;
    for (auto it = wantAtys.cbegin(); it != wantAtys.cend(); ++it) {
        const QString &name = it.key();
        const auto g = gotAtys.constFind(name);
        if (g == gotAtys.cend()) {
            if (!want.optionalAttributes().contains(name))
                missing << name;
            continue;
        }
        if (g.value().equals(it.value()))
            continue;
        if (!unsafeMismatch.isEmpty())
            continue;
        if (!getConversion(g.value(), it.value(), true))
            unsafeMismatch = QStringLiteral("attribute %1: %2")
                                 .arg(quoteGo(name), mismatchMessage(g.value(), it.value()));
        if (!safeMismatch.isEmpty())
            continue;
        if (!getConversion(g.value(), it.value(), false))
            safeMismatch = QStringLiteral("attribute %1: %2")
                               .arg(quoteGo(name), mismatchMessage(g.value(), it.value()));
    }
    if (!missing.isEmpty()) {
        std::sort(missing.begin(), missing.end(),
            [](const QString &a, const QString &b) { return compareCodePoints(a, b) < 0; });
        if (missing.size() == 1)
            return QStringLiteral("attribute %1 is required").arg(quoteGo(missing[0]));
        if (missing.size() == 2)
            return QStringLiteral("attributes %1 and %2 are required")
                .arg(quoteGo(missing[0]), quoteGo(missing[1]));
        QString list;
        for (qsizetype i = 0; i + 1 < missing.size(); ++i)
            list += quoteGo(missing[i]) + QStringLiteral(", ");
        list += QStringLiteral("and ") + quoteGo(missing.last());
        return QStringLiteral("attributes %1 are required").arg(list);
    }
    if (!unsafeMismatch.isEmpty())
        return unsafeMismatch;
    if (!safeMismatch.isEmpty())
        return safeMismatch;
    return QStringLiteral("incorrect object attributes");
}

QString requiredMessage(const Type &want)
{
    return want.friendlyNameForConstraint() + QStringLiteral(" required");
}

QString mismatchMessageCollectionsFromStructural(const Type &got, const Type &want)
{
    const Type::Kind w = want.kind();
    if ((w == Type::Kind::List || w == Type::Kind::Set) && got.kind() != Type::Kind::Tuple)
        return requiredMessage(want);
    if (w == Type::Kind::Map && got.kind() != Type::Kind::Object)
        return requiredMessage(want);
    const Type wantEty = want.elementType();
    if (got.kind() == Type::Kind::Tuple) {
        const QList<Type> &etys = got.tupleElements();
        for (qsizetype i = 0; i < etys.size(); ++i) {
            if (etys[i].equals(wantEty) || getConversion(etys[i], wantEty, true))
                continue;
            return QStringLiteral("element %1: %2").arg(i).arg(mismatchMessage(etys[i], wantEty));
        }
        return QStringLiteral("all elements must be %1").arg(wantEty.friendlyNameForConstraint());
    }
    const QMap<QString, Type> &atys = got.attributeTypes();
    for (auto it = atys.cbegin(); it != atys.cend(); ++it) {
        if (it.value().equals(wantEty) || getConversion(it.value(), wantEty, true))
            continue;
        return QStringLiteral("element %1: %2")
            .arg(quoteGo(it.key()), mismatchMessage(it.value(), wantEty));
    }
    return QStringLiteral("all elements must be %1").arg(wantEty.friendlyNameForConstraint());
}

QString mismatchMessageCollectionsFromCollections(const Type &got, const Type &want)
{
    const Type::Kind g = got.kind();
    const Type::Kind w = want.kind();
    const bool gotListLike = g == Type::Kind::List || g == Type::Kind::Set;
    if ((w == Type::Kind::List || w == Type::Kind::Set) && !gotListLike)
        return requiredMessage(want);
    if (w == Type::Kind::Map && g != Type::Kind::Map)
        return requiredMessage(want);
    const char *noun = w == Type::Kind::List ? "list element type"
        : w == Type::Kind::Set               ? "set element type"
                                             : "map element type";
    return QStringLiteral("incorrect %1: %2")
        .arg(QLatin1String(noun), mismatchMessage(got.elementType(), want.elementType()));
}

} // namespace

QString mismatchMessage(const Type &got, const Type &want)
{
    const Type::Kind g = got.kind();
    const Type::Kind w = want.kind();
    if (g == Type::Kind::Object && w == Type::Kind::Object)
        return mismatchMessageObjects(got, want);
    if (g == Type::Kind::Tuple && w == Type::Kind::List && want.elementType().isDynamic())
        return QStringLiteral("all list elements must have the same type");
    if (g == Type::Kind::Tuple && w == Type::Kind::Set && want.elementType().isDynamic())
        return QStringLiteral("all set elements must have the same type");
    if (g == Type::Kind::Object && w == Type::Kind::Map && want.elementType().isDynamic())
        return QStringLiteral("all map elements must have the same type");
    if (got.isStructural() && want.isCollection())
        return mismatchMessageCollectionsFromStructural(got, want);
    if (got.isCollection() && want.isCollection())
        return mismatchMessageCollectionsFromCollections(got, want);
    // Newer cty adds ", but have <type>" for some pairs; Packer (1.6.6, the oracle)
    // says only what is required, e.g. "element 0: string required".
    return requiredMessage(want);
}

} // namespace kiln::hcl::convertdetail
