#pragma once

#include <QReadWriteLock>
#include <QString>
#include <QStringList>

namespace kiln::build {

// Replaces secrets with "<sensitive>" in text on its way to any output: the console, the
// machine-readable stream, the log, error messages, the GUI. Packer's packer.LogSecretFilter,
// made safe for short secrets.
//
// Rules:
//  - a secret of 4 or more characters is replaced wherever it occurs;
//  - a shorter one only where it stands alone (not inside a word): Packer turns every
//    letter "a" into <sensitive> when the secret is "a", which hides the log and tells an
//    observer the secret;
//  - a multi-line secret (a private key) is also registered line by line, because command
//    output reaches the filter one line at a time;
//  - longer secrets are replaced first, so a secret containing another is hidden whole.
//
// Threading: add() and scrub() may be called concurrently from any thread.
class SecretFilter
{
public:
    static QString placeholder() { return QStringLiteral("<sensitive>"); }

    void add(const QString &secret);
    void add(const QStringList &secrets);
    bool isEmpty() const;
    QString scrub(const QString &text) const;

private:
    static bool isShort(const QString &secret);
    static bool wordCharacter(QChar c);

    mutable QReadWriteLock m_lock;
    QStringList m_secrets; // longest first
};

} // namespace kiln::build
