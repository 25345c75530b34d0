#include "engine/hcl/LexerUnicode.h"

#include <QChar>

namespace kiln::hcl::lexer {

namespace {

bool isOtherIdStart(char32_t cp)
{
    return cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E || cp == 0x309B
        || cp == 0x309C;
}

bool isOtherIdContinue(char32_t cp)
{
    return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA;
}

bool isPatternSyntaxOrSpace(char32_t cp)
{
    // The few letters/marks excluded from ID_Start/ID_Continue by Pattern_Syntax
    // and Pattern_White_Space are all below U+3000 and none are categorised as
    // letters, except these two.
    return cp == 0x2E2F;
}

bool isRegionalIndicator(char32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

bool isPictographic(char32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)
        || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x00A9 || cp == 0x00AE;
}

} // namespace

bool isIdStart(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (isPatternSyntaxOrSpace(cp))
        return false;
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_Letter:
        return true;
    default:
        return isOtherIdStart(cp);
    }
}

bool isIdContinue(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')
            || cp == '_';
    if (isIdStart(cp))
        return true;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Number_DecimalDigit:
    case QChar::Punctuation_Connector:
        return !isPatternSyntaxOrSpace(cp);
    default:
        return isOtherIdContinue(cp);
    }
}

bool extendsCluster(char32_t prev, char32_t cp, int regionalRun)
{
    if (cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F))
        return true;
    if (prev == 0x200D && isPictographic(cp))
        return true;
    if (isRegionalIndicator(cp) && isRegionalIndicator(prev))
        return regionalRun % 2 == 1;
    if (cp < 0x300)
        return false;
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

} // namespace kiln::hcl::lexer

namespace kiln::hcl::lexer {

int graphemeCount(const char *d, int n)
{
    int count = 0;
    char32_t prev = '\n';
    int regionalRun = 0;
    for (int i = 0; i < n;) {
        const auto b = static_cast<unsigned char>(d[i]);
        if (b < 0x80) {
            // CR LF is a single cluster; other controls never join.
            i += (b == '\r' && i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
            ++count;
            prev = b < 0x20 || b == 0x7F ? U'\n' : char32_t(b);
            regionalRun = 0;
            continue;
        }
        const int len = utf8Length(d, n, i);
        if (len == 0) {
            ++count;
            ++i;
            prev = '\n';
            continue;
        }
        const char32_t cp = utf8Decode(d, i, len);
        if (prev == '\n' || !extendsCluster(prev, cp, regionalRun))
            ++count;
        regionalRun = (cp >= 0x1F1E6 && cp <= 0x1F1FF) ? regionalRun + 1 : 0;
        prev = cp;
        i += len;
    }
    return count;
}

} // namespace kiln::hcl::lexer
