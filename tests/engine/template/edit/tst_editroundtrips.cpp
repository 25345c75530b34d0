// Edits on a real template (bento's builder, fmt-clean, commented): exact
// results for the common operations and round trips that must give back the
// original bytes.

#include "engine/hcl/Formatter.h"
#include "engine/hcl/Parser.h"
#include "engine/template/edit/PipelineEditor.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

using namespace kiln;
using namespace kiln::tmpl::edit;

namespace {

QString readFixture(const QString &name)
{
    QFile f(QStringLiteral(KILN_FIXTURES_DIR "/edit/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return QString::fromUtf8(f.readAll());
}

// Applies a successful result, checking that it parses and stays fmt-clean.
QString applied(const QString &before, const EditResult &r)
{
    if (!r.ok())
        qFatal("edit failed: %s", qPrintable(r.error));
    const QString after = hcl::edit::applyEdits(before, r.edits);
    if (after != r.text)
        qFatal("edits and text disagree");
    hcl::Diagnostics diags;
    hcl::parseConfig(after.toUtf8(), QStringLiteral("t.pkr.hcl"), diags);
    if (diags.hasErrors())
        qFatal("edited text does not parse");
    if (hcl::formatHcl(after.toUtf8()) != after.toUtf8())
        qFatal("edited text is not fmt-clean");
    return after;
}

QString lines(const QString &text, int from, int to)
{
    return text.split(QLatin1Char('\n')).mid(from - 1, to - from + 1).join(QLatin1Char('\n'));
}

const QString kFile = QStringLiteral("pkr-builder.pkr.hcl");

} // namespace

class TestEditRoundTrips : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_bento = readFixture(QStringLiteral("bento-builder.pkr.hcl")); }
    void removeTakesCommentKeepsBlank();
    void setValueIsOneSmallEdit();
    void insertThenRemove();
    void duplicateThenRemove();
    void moveAndBack();
    void cutAndPaste();
    void largeTemplate();

private:
    QString m_bento;
};

void TestEditRoundTrips::removeTakesCommentKeepsBlank()
{
    PipelineEditor e(kFile, m_bento);
    QCOMPARE(e.count(0, BlockAddress::Kind::Provisioner), 12);
    const EditResult r = e.remove(BlockAddress::provisioner(0, 5));
    QCOMPARE(r.edits.size(), 1);
    const QString after = applied(m_bento, r);
    // Lines 150-162: "# Windows Updates and scripts" and its block; the
    // blank line 149 before it stays to separate the next provisioner.
    QStringList expected = m_bento.split(QLatin1Char('\n'));
    expected.remove(149, 13);
    QCOMPARE(after, expected.join(QLatin1Char('\n')));
    QCOMPARE(lines(after, 148, 150), QStringLiteral("  }\n\n  provisioner \"windows-restart\" {"));
}

void TestEditRoundTrips::setValueIsOneSmallEdit()
{
    PipelineEditor e(kFile, m_bento);
    const EditResult r = e.setAttribute(BlockAddress::postProcessor(0, 0),
        QStringLiteral("compression_level"), QStringLiteral("6"));
    QCOMPARE(r.edits.size(), 1);
    QCOMPARE(r.edits.first().text, QStringLiteral("6"));
    QCOMPARE(m_bento.mid(r.edits.first().start, r.edits.first().end - r.edits.first().start),
        QStringLiteral("9"));
    applied(m_bento, r);
}

void TestEditRoundTrips::insertThenRemove()
{
    for (int p = 0; p <= 12; ++p) {
        PipelineEditor e(kFile, m_bento);
        const QString inserted = applied(m_bento,
            e.insertProvisioner(0, p, QStringLiteral("shell"),
                {{QStringLiteral("inline"), QStringLiteral("[\"uptime\"]")}}));
        PipelineEditor e2(kFile, inserted);
        QCOMPARE(e2.count(0, BlockAddress::Kind::Provisioner), 13);
        QVERIFY(e2.blockText(BlockAddress::provisioner(0, p)).contains(QLatin1String("uptime")));
        QCOMPARE(applied(inserted, e2.remove(BlockAddress::provisioner(0, p))), m_bento);
    }
}

void TestEditRoundTrips::duplicateThenRemove()
{
    for (int i = 0; i < 12; ++i) {
        PipelineEditor e(kFile, m_bento);
        const QString doubled = applied(m_bento, e.duplicate(BlockAddress::provisioner(0, i)));
        PipelineEditor e2(kFile, doubled);
        QCOMPARE(e2.count(0, BlockAddress::Kind::Provisioner), 13);
        QCOMPARE(applied(doubled, e2.remove(BlockAddress::provisioner(0, i + 1))), m_bento);
    }
}

void TestEditRoundTrips::moveAndBack()
{
    // Provisioners 1..4 are written back to back with their comments: moving
    // one away and back restores the file byte for byte.
    for (int from = 0; from < 5; ++from)
        for (int to = 0; to < 5; ++to) {
            if (from == to)
                continue;
            PipelineEditor e(kFile, m_bento);
            const QString moved = applied(m_bento, e.move(BlockAddress::provisioner(0, from), to));
            PipelineEditor e2(kFile, moved);
            QCOMPARE(e2.blockText(BlockAddress::provisioner(0, to)),
                e.blockText(BlockAddress::provisioner(0, from)));
            QCOMPARE(applied(moved, e2.move(BlockAddress::provisioner(0, to), from)), m_bento);
        }
}

void TestEditRoundTrips::cutAndPaste()
{
    for (int i = 0; i < 5; ++i) {
        PipelineEditor e(kFile, m_bento);
        const QString copied = e.blockText(BlockAddress::provisioner(0, i));
        QVERIFY(copied.startsWith(QLatin1String("# ")));
        const QString cut = applied(m_bento, e.remove(BlockAddress::provisioner(0, i)));
        PipelineEditor e2(kFile, cut);
        const QString pasted
            = applied(cut, e2.insertBlockText(0, BlockAddress::Kind::Provisioner, i, copied));
        QCOMPARE(pasted, m_bento);
    }
}

void TestEditRoundTrips::largeTemplate()
{
    // Bento's build eight times over: ~1,100 lines. Every edit is still a
    // small change in one place, and quick enough for a drag and drop.
    QString big = m_bento;
    const qsizetype buildAt = m_bento.indexOf(
        QLatin1String("# https://www.packer.io/docs/templates/hcl_templates/blocks/build"));
    for (int i = 0; i < 7; ++i)
        big += QLatin1Char('\n') + m_bento.mid(buildAt);
    QVERIFY(big.count(QLatin1Char('\n')) > 1000);
    QElapsedTimer timer;
    timer.start();
    PipelineEditor e(kFile, big);
    QCOMPARE(e.buildCount(), 8);
    const EditResult r = e.move(BlockAddress::provisioner(7, 11), 0);
    const qint64 ms = timer.elapsed();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.edits.size(), 2);
    QVERIFY(r.edits.first().start > big.size() * 7 / 8); // all in the last build
    applied(big, r);
    qInfo("move on a %lld-line template: %lld ms", qlonglong(big.count(QLatin1Char('\n'))), ms);
}

QTEST_GUILESS_MAIN(TestEditRoundTrips)
#include "tst_editroundtrips.moc"
