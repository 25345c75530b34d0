// The shipped translations (translations/kiln_*.ts) are complete and well-formed, and
// lupdate over the designer's sources finds no string the .ts files lack.
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QStringList Languages = {QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr"),
    QStringLiteral("ja"), QStringLiteral("zh_CN")};

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations; // one, or one per numerus form

    QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message();
            current.context = context;
            current.numerus
                = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (xml.readNextStartElement())
                    current.translations << xml.readElementText(); // numerusform
            } else {
                current.translations << xml.readElementText();
            }
            out << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(KILN_SOURCE_DIR "/translations/kiln_%1.ts").arg(language);
}

// %1..%99 and %n, as a sorted list so a dropped or doubled placeholder shows.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(%(\d{1,2}|n))"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

QStringList htmlTags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(</?[a-z]+[^>]*>)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

// Mnemonic ampersands ("&File", "ファイル(&F)"); "&&" is a literal ampersand.
int accelerators(const QString &text)
{
    int n = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        if (!text.at(i + 1).isSpace())
            ++n;
    }
    return n;
}

// Texts a language legitimately writes exactly as English does: key sequences (QKeySequence
// parses the portable form), product names, Packer's own terms that de/fr/es users keep in
// English, and words spelled the same in that language. Anything else identical to its
// source is an untranslated string.
bool invariant(const QString &language, const QString &source)
{
    static const QRegularExpression keys(
        QStringLiteral(R"(^((Ctrl|Shift|Alt|Meta)\+)*(F\d{0,2}|[A-Z0-9])$)"));
    if (keys.match(source).hasMatch())
        return true;
    // Product names.
    if (source == QLatin1String("Packer") || source == QLatin1String("Kiln"))
        return true;
    static const QHash<QString, QStringList> same = {
        {QStringLiteral("de"),
            {QStringLiteral("Build"), QStringLiteral("&Build"), QStringLiteral("Build #%1"),
                QStringLiteral("Build · %1"), QStringLiteral("Sources: source.TYPE.NAME"),
                QStringLiteral("Logs (*.log *.txt)"), QStringLiteral("Operator"),
                QStringLiteral("Builds"), QStringLiteral("Variable")}},
        {QStringLiteral("fr"),
            {QStringLiteral("Build"), QStringLiteral("&Build"), QStringLiteral("Build · %1"),
                QStringLiteral("Builders"), QStringLiteral("Provisioners"),
                QStringLiteral("Post-processors"), QStringLiteral("1 source"),
                QStringLiteral("%1 sources"), QStringLiteral("Variables"),
                QStringLiteral("Description"), QStringLiteral("Builds"), QStringLiteral("Variable"),
                QStringLiteral("Options")}},
        {QStringLiteral("es"),
            {QStringLiteral("Build"), QStringLiteral("&Build"), QStringLiteral("Build · %1"),
                QStringLiteral("Builders"), QStringLiteral("Provisioners"),
                QStringLiteral("Post-processors"), QStringLiteral("1 source"),
                QStringLiteral("%1 sources"), QStringLiteral("Sources: source.TYPE.NAME"),
                QStringLiteral("Variables"), QStringLiteral("Inspector"), QStringLiteral("Error"),
                QStringLiteral("Error: %1"), QStringLiteral("Builds"), QStringLiteral("Variable")}},
    };
    return same.value(language).contains(source);
}

} // namespace

class TestTranslationFiles : public QObject
{
    Q_OBJECT

private slots:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &l : Languages)
            QTest::newRow(qPrintable(l)) << l;
    }

    void complete()
    {
        QFETCH(QString, language);
        QString error;
        const QList<Message> messages = readTs(tsPath(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 250);
        // Plural rules: German, French and Spanish have two forms, Japanese and Chinese one.
        const int forms
            = language == QLatin1String("ja") || language == QLatin1String("zh_CN") ? 1 : 2;
        QStringList problems;
        int numerus = 0;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1 (%2)").arg(where, m.type);
            if (m.numerus) {
                ++numerus;
                if (m.translations.size() != forms)
                    problems << QStringLiteral("%1 (%2 plural forms, want %3)")
                                    .arg(where)
                                    .arg(m.translations.size())
                                    .arg(forms);
            }
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral(" (empty)");
                else if (t == m.source && !invariant(language, m.source))
                    problems << where + QStringLiteral(" (copied English)");
            }
        }
        QVERIFY(numerus >= 3);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void wellFormed_data() { complete_data(); }

    void wellFormed()
    {
        QFETCH(QString, language);
        QString error;
        const QList<Message> messages = readTs(tsPath(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = m.context + QStringLiteral(": ") + m.source;
            QStringList wanted = placeholders(m.source);
            for (const QString &t : m.translations) {
                QStringList got = placeholders(t);
                if (m.numerus) {
                    // A form may spell out its number ("1 Fehler") instead of %n.
                    wanted.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (got != wanted)
                    problems << QStringLiteral("%1 -> %2 (placeholders %3, want %4)")
                                    .arg(where, t, got.join(u' '), wanted.join(u' '));
                if (htmlTags(t) != htmlTags(m.source))
                    problems << QStringLiteral("%1 -> %2 (markup differs)").arg(where, t);
                const int wantAccel = accelerators(m.source) > 0 ? 1 : 0;
                if (accelerators(t) != wantAccel)
                    problems << QStringLiteral("%1 -> %2 (%3 accelerators, want %4)")
                                    .arg(where, t)
                                    .arg(accelerators(t))
                                    .arg(wantAccel);
            }
            if (m.numerus && !m.translations.join(QString()).contains(QLatin1String("%n")))
                problems << where + QStringLiteral(" (no form shows the number)");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // English is the source language; translations/plurals/kiln_en.ts gives only the plural
    // forms, for every tr(..., n) the other languages translate.
    void englishPlurals()
    {
        QString error;
        const QList<Message> english
            = readTs(QStringLiteral(KILN_SOURCE_DIR "/translations/plurals/kiln_en.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> numerus;
        for (const Message &m : readTs(tsPath(QStringLiteral("de")), &error))
            if (m.numerus)
                numerus.insert(m.key());
        QSet<QString> keys;
        for (const Message &m : english) {
            keys.insert(m.key());
            QVERIFY2(m.numerus, qPrintable(m.source));
            QVERIFY2(m.type.isEmpty(), qPrintable(m.source));
            QCOMPARE(m.translations.size(), 2);
            for (const QString &t : m.translations)
                QCOMPARE(placeholders(t), placeholders(m.source));
        }
        QCOMPARE(keys, numerus);
    }

    void everyLanguageHasTheSameMessages()
    {
        QString error;
        QSet<QString> reference;
        for (const Message &m : readTs(tsPath(QStringLiteral("de")), &error))
            reference.insert(m.key());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &l : Languages) {
            QSet<QString> keys;
            for (const Message &m : readTs(tsPath(l), &error))
                keys.insert(m.key());
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(keys, reference);
        }
    }

    // lupdate over app/ui and app/models (the sources of kiln_gui) into copies of the .ts
    // files: every string it finds must already be there, translated, and nothing the .ts
    // files hold may have vanished from the sources.
    void lupdateFindsNothingNew_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("options");
        // The same options as the lupdate target of app/CMakeLists.txt.
        const QStringList common = {
            QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete")};
        for (const QString &l : Languages)
            QTest::newRow(qPrintable(l)) << tsPath(l) << common;
        QTest::newRow("en plurals")
            << QStringLiteral(KILN_SOURCE_DIR "/translations/plurals/kiln_en.ts")
            << common + QStringList{QStringLiteral("-pluralonly")};
    }

    void lupdateFindsNothingNew()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, options);
        QString lupdate
            = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
        if (!QFileInfo(lupdate).isExecutable())
            lupdate = QStandardPaths::findExecutable(QStringLiteral("lupdate"));
        QVERIFY2(!lupdate.isEmpty(), "lupdate (Qt Linguist tools) is not installed");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QFileInfo(path).fileName());
        QVERIFY(QFile::copy(path, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess p;
        p.setWorkingDirectory(QStringLiteral(KILN_SOURCE_DIR));
        p.start(lupdate,
            QStringList{QStringLiteral("-I"), QStringLiteral(KILN_SOURCE_DIR)} + options
                + QStringList{QStringLiteral("app/ui"), QStringLiteral("app/models"),
                    QStringLiteral("-ts"), copy});
        QVERIFY(p.waitForFinished(60000));
        const QString output
            = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        QVERIFY2(p.exitCode() == 0, qPrintable(output));

        QString error;
        const QList<Message> before = readTs(path, &error);
        const QList<Message> after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> beforeKeys, afterKeys;
        for (const Message &m : before)
            beforeKeys.insert(m.key());
        QStringList untranslated;
        for (const Message &m : after) {
            afterKeys.insert(m.key());
            if (!m.type.isEmpty())
                untranslated << m.context + QStringLiteral(": ") + m.source;
        }
        QVERIFY2(untranslated.isEmpty(),
            qPrintable(QStringLiteral("not translated yet:\n") + untranslated.join(u'\n')));
        const QSet<QString> gone = beforeKeys - afterKeys;
        QVERIFY2(gone.isEmpty(),
            qPrintable(QStringLiteral("no longer in the sources:\n")
                + QStringList(gone.cbegin(), gone.cend()).join(u'\n')));
        QCOMPARE(afterKeys.size(), beforeKeys.size());
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "tst_translationfiles.moc"
