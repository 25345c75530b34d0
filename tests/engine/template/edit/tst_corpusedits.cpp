// Every edit on every template of the corpus (bento, Packer's own test data):
// results must parse, keep fmt-clean files fmt-clean, touch only the block
// they are about, and undo to the original bytes.

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/hcl/json/JsonParser.h"
#include "engine/template/edit/PipelineEditor.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl::edit;

namespace {

bool parses(const QString &file, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    if (file.endsWith(QLatin1String(".json")))
        return !hcl::json::JsonParser::parse(bytes, file).diagnostics.hasErrors();
    hcl::Diagnostics diags;
    hcl::parseConfig(bytes, file, diags);
    return !diags.hasErrors();
}

bool fmtClean(const QString &file, const QString &text)
{
    return file.endsWith(QLatin1String(".json")) || hcl::formatHcl(text.toUtf8()) == text.toUtf8();
}

// Blocks sharing a line with others are refused on purpose; anything else
// must work.
bool acceptableRefusal(const EditResult &r)
{
    return r.error.contains(QLatin1String("shares its line"))
        || r.error.contains(QLatin1String("written as one JSON object"))
        || r.error.contains(QLatin1String("are not an array"));
}

// Whether a move there and back must give the original bytes: blank lines
// are positional, so only when the build's provisioners are all separated
// the same way (by one blank line, or none) and no post-processor sits
// between them (a provisioner's position counts among provisioners only).
bool exactRoundTrip(const PipelineEditor &editor, const QString &text, int build, int n)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QList<int> gaps;
    for (int k = 1; k < n; ++k) {
        int l = editor.rangeOf(BlockAddress::provisioner(build, k))->start.line - 2;
        while (l >= 0
            && (lines[l].trimmed().startsWith(QLatin1Char('#'))
                || lines[l].trimmed().startsWith(QLatin1String("//"))))
            --l;
        int blank = 0;
        for (; l >= 0 && lines[l].trimmed().isEmpty(); --l)
            ++blank;
        gaps << blank;
    }
    if (gaps.count(gaps.value(0)) != gaps.size() || gaps.value(0) > 1)
        return false;
    const int first = editor.rangeOf(BlockAddress::provisioner(build, 0))->start.byte;
    const int last = editor.rangeOf(BlockAddress::provisioner(build, n - 1))->start.byte;
    for (int k = 0; k < editor.count(build, BlockAddress::Kind::PostProcessor); ++k) {
        const int at = editor.rangeOf(BlockAddress::postProcessor(build, k))->start.byte;
        if (at > first && at < last)
            return false;
    }
    return true;
}

// The provisioners of a build as text, in order: what a move must keep.
QStringList provisioners(const PipelineEditor &editor, int build)
{
    QStringList out;
    for (int k = 0; k < editor.count(build, BlockAddress::Kind::Provisioner); ++k)
        out << editor.blockText(BlockAddress::provisioner(build, k));
    return out;
}

} // namespace

class TestCorpusEdits : public QObject
{
    Q_OBJECT

private slots:
    void everyTemplate_data();
    void everyTemplate();
};

void TestCorpusEdits::everyTemplate_data()
{
    QTest::addColumn<QString>("path");
    QDirIterator it(QStringLiteral(KILN_CORPUS_DIR),
        {QStringLiteral("*.pkr.hcl"), QStringLiteral("*.pkr.json"), QStringLiteral("*.json")},
        QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    for (const QString &p : paths) {
        QFile f(p);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(f.readAll());
        // Legacy JSON only when it is a template (it has provisioners).
        if (p.endsWith(QLatin1String(".json")) && !p.endsWith(QLatin1String(".pkr.json"))
            && !text.contains(QLatin1String("\"provisioners\"")))
            continue;
        if (!parses(QFileInfo(p).fileName(), text))
            continue; // the corpus has deliberately broken files
        QTest::newRow(qPrintable(QDir(QStringLiteral(KILN_CORPUS_DIR)).relativeFilePath(p))) << p;
    }
}

void TestCorpusEdits::everyTemplate()
{
    QFETCH(QString, path);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    const QString file = QFileInfo(path).fileName();
    const bool clean = fmtClean(file, text);
    PipelineEditor editor(file, text);
    QVERIFY2(editor.parseError().isEmpty(), qPrintable(editor.parseError()));

    const auto check = [&](const EditResult &r, const char *what) -> QString {
        if (!r.ok()) {
            if (!acceptableRefusal(r))
                qWarning("%s: %s", what, qPrintable(r.error));
            return acceptableRefusal(r) ? QString() : QStringLiteral("refused");
        }
        const QString after = hcl::edit::applyEdits(text, r.edits);
        if (after != r.text || !parses(file, after))
            return QStringLiteral("%1 does not parse").arg(QLatin1String(what));
        if (clean && !fmtClean(file, after))
            return QStringLiteral("%1 is not fmt-clean").arg(QLatin1String(what));
        return after;
    };

    int edits = 0;
    for (int b = 0; b < editor.buildCount(); ++b) {
        const int n = editor.count(b, BlockAddress::Kind::Provisioner);
        for (int i = 0; i < n; ++i) {
            const BlockAddress a = BlockAddress::provisioner(b, i);
            ++edits;
            // Remove: one edit, and only lines around the block change.
            const EditResult removed = editor.remove(a);
            const QString afterRemove = check(removed, "remove");
            QVERIFY2(!afterRemove.startsWith(QLatin1String("remove"))
                    && afterRemove != QLatin1String("refused"),
                qPrintable(afterRemove));
            if (removed.ok()) {
                // (diffEdits trims characters the block shares with what
                // follows it, so the edit is measured, not located.)
                QCOMPARE(removed.edits.size(), 1);
                const auto span = editor.spanOf(a);
                QVERIFY(span);
                QVERIFY(removed.edits.first().text.isEmpty());
                QVERIFY(removed.edits.first().end - removed.edits.first().start
                    >= span->end - span->start);
            }
            // Duplicate then remove the copy: the original bytes again.
            const EditResult dup = editor.duplicate(a);
            const QString doubled = check(dup, "duplicate");
            QVERIFY2(doubled != QLatin1String("refused")
                    && !doubled.startsWith(QLatin1String("duplicate")),
                qPrintable(doubled));
            if (dup.ok()) {
                PipelineEditor again(file, doubled);
                QCOMPARE(again.count(b, BlockAddress::Kind::Provisioner), n + 1);
                const EditResult undo = again.remove(BlockAddress::provisioner(b, i + 1));
                QVERIFY2(undo.ok(), qPrintable(undo.error));
                QCOMPARE(undo.text, text);
            }
            // Move to the end and back: the original bytes again.
            if (i + 1 < n && !file.endsWith(QLatin1String(".json"))) {
                const EditResult moved = editor.move(a, n - 1);
                const QString afterMove = check(moved, "move");
                QVERIFY2(afterMove != QLatin1String("refused")
                        && !afterMove.startsWith(QLatin1String("move")),
                    qPrintable(afterMove));
                if (moved.ok()) {
                    PipelineEditor again(file, afterMove);
                    const QString back = again.move(BlockAddress::provisioner(b, n - 1), i).text;
                    if (exactRoundTrip(editor, text, b, n))
                        QCOMPARE(back, text);
                    else
                        QCOMPARE(
                            provisioners(PipelineEditor(file, back), b), provisioners(editor, b));
                }
            }
            // Set a new attribute, then remove it: the original bytes again.
            const EditResult set
                = editor.setAttribute(a, QStringLiteral("pause_before"), QStringLiteral("\"1s\""));
            if (set.ok() && !editor.blockText(a).contains(QLatin1String("pause_before"))) {
                const QString withAttr = check(set, "setAttribute");
                QVERIFY2(!withAttr.startsWith(QLatin1String("setAttribute")), qPrintable(withAttr));
                PipelineEditor again(file, withAttr);
                const EditResult undo = again.removeAttribute(a, QStringLiteral("pause_before"));
                QVERIFY2(undo.ok(), qPrintable(undo.error));
                QCOMPARE(undo.text, text);
            }
        }
        // Insert at every position: parses, and removing it gives the original back.
        for (int p = 0; p <= n; ++p) {
            const EditResult ins = editor.insertProvisioner(b, p, QStringLiteral("shell-local"),
                {{QStringLiteral("inline"), QStringLiteral("[\"true\"]")}});
            const QString inserted = check(ins, "insert");
            QVERIFY2(inserted != QLatin1String("refused")
                    && !inserted.startsWith(QLatin1String("insert")),
                qPrintable(inserted));
            if (!ins.ok())
                continue;
            // An empty `build {}` opens up to take the block and stays open.
            if (n == 0)
                continue;
            PipelineEditor again(file, inserted);
            QCOMPARE(again.remove(BlockAddress::provisioner(b, p)).text, text);
        }
    }
    Q_UNUSED(edits);
}

QTEST_GUILESS_MAIN(TestCorpusEdits)
#include "tst_corpusedits.moc"
