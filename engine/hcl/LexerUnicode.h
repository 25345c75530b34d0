#pragma once

#include <QByteArray>

namespace kiln::hcl::lexer {

// Byte-level UTF-8 helpers shared by the scanner and the position tracker.
// They follow the scanner's notion of "a UTF-8 character" (scan_tokens.rl's
// AnyUTF8): a lead byte followed by the right number of continuation bytes,
// without rejecting overlong forms, so token boundaries match hclsyntax.

// Length of the character starting at i (1-4), or 0 when the byte at i does
// not start a complete character (HCL's BrokenUTF8).
inline int utf8Length(const char *d, int n, int i)
{
    const auto b = static_cast<unsigned char>(d[i]);
    if (b < 0x80)
        return 1;
    int len;
    if (b >= 0xC0 && b <= 0xDF)
        len = 2;
    else if (b >= 0xE0 && b <= 0xEF)
        len = 3;
    else if (b >= 0xF0 && b <= 0xF7)
        len = 4;
    else
        return 0;
    if (i + len > n)
        return 0;
    for (int k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(d[i + k]);
        if (c < 0x80 || c > 0xBF)
            return 0;
    }
    return len;
}

// Code point of the character at i whose length utf8Length() returned.
inline char32_t utf8Decode(const char *d, int i, int len)
{
    const auto b = static_cast<unsigned char>(d[i]);
    if (len == 1)
        return b;
    char32_t cp = b & (0x7F >> len);
    for (int k = 1; k < len; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(d[i + k]) & 0x3F);
    return cp;
}

// Unicode ID_Start / ID_Continue (UAX #31), which HCL identifiers are built from.
bool isIdStart(char32_t cp);
bool isIdContinue(char32_t cp);

// True when cp does not begin a new grapheme cluster after `prev` (an
// approximation of UAX #29 good enough for column numbers: combining marks,
// zero-width joiner sequences, emoji modifiers and regional-indicator pairs).
bool extendsCluster(char32_t prev, char32_t cp, int regionalRun);

} // namespace kiln::hcl::lexer

namespace kiln::hcl::lexer {

// Number of grapheme clusters in [d, d+n): what hclwrite counts as columns
// when aligning. "\r\n" is one cluster; each malformed byte is one.
int graphemeCount(const char *d, int n);

} // namespace kiln::hcl::lexer
