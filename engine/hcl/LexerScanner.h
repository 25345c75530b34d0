#pragma once

#include "engine/hcl/Lexer.h"

#include <vector>

namespace kiln::hcl::lexer {

// A hand-written equivalent of the Ragel machine in hclsyntax's
// scan_tokens.rl. Ragel scanners take the longest match at each position and
// "fcall"/"fret" between sub-scanners (expressions, quoted strings, heredocs,
// bare templates); here each sub-scanner is a step function and the call
// stack is an explicit vector of contexts. Brace depth and the heredoc stack
// are tracked exactly as the Ragel actions do, so that "}" closes a template
// sequence only at the depth that opened it and a heredoc ends only at a line
// that is exactly its marker.
class Scanner
{
public:
    // Scans from `start` (the position of src's first byte in its file).
    Scanner(const QByteArray &src, LexMode mode, const QString &filename, SourcePos start);

    Tokens run();

private:
    enum class Context { Main, StringTemplate, HeredocTemplate, BareTemplate };

    struct HeredocInProgress
    {
        QByteArray marker;
        bool startOfLine = true; // the next literal starts a line: may be the marker
    };

    bool hasAt(int i, char c) const { return i < m_size && m_data[i] == c; }

    // Emits [ts, te) and advances the position tracker, counting lines on
    // "\n"/"\r\n" and columns per grapheme cluster as hclsyntax's tokenAccum.
    void pushToken(TokenType type, int ts, int te);

    void pushAndAdvance(TokenType type, int len);

    // Ragel's fcall / fret between sub-scanners.
    void call(Context next);
    void ret();

    // Length of an identifier starting at i, or 0.
    int identLength(int i) const;

    // NumberLit = digit (digit | '.' | [eE][+-]?digit)* not ending in '.'.
    int numberLength(int i) const;

    // "${" / "%{" (with optional "~"): enter the expression scanner until
    // the matching "}" at this brace depth.
    void beginSequence(TokenType type);
    void closeBrace(int len, bool tilde);

    // The sub-scanners: each consumes one token (or skipped run) at m_p and
    // returns false where the Ragel machine would stop in its error state.
    bool stepMain();
    bool stepString();
    bool stepHeredoc();
    bool stepBare();
    bool templateEscape(int &len) const;
    bool heredocLine(int lineStart, int lineEnd, int nlLen);

    QByteArray m_src; // whole source, kept for token bytes; m_data skips any BOM
    int m_skip = 0;
    const char *m_data = nullptr;
    int m_size = 0;
    int m_p = 0;
    QString m_filename;
    SourcePos m_pos;
    int m_startByte = 0;
    Context m_context = Context::Main;
    std::vector<Context> m_stack;
    int m_braces = 0;
    std::vector<int> m_retBraces;
    std::vector<HeredocInProgress> m_heredocs;
    Tokens m_tokens;
};

} // namespace kiln::hcl::lexer
