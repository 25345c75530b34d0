#pragma once

// Shared by the JSON editing tests: a fixture copied into a temporary directory and
// opened as a TemplateDocument with a PipelineEditing over it, an undo/redo check and
// attribute lookup through BlockAttributes (as the inspector reads them).
#include "app/models/ComponentCatalog.h"
#include "app/models/document/BlockAttributes.h"
#include "app/models/document/PipelineEditing.h"
#include "app/models/document/TemplateDocument.h"

#include <QTemporaryDir>
#include <QtTest>

namespace kiln::models::testing {

inline QString readFixture(const QString &name)
{
    QFile f(QStringLiteral(KILN_SOURCE_DIR "/tests/app/models/document/fixtures/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// What changed between two texts: the offset, the text taken out and the text put in,
// after stripping the longest common prefix and suffix. "@12 -\"a\" +\"b\"".
inline QString diffOf(const QString &before, const QString &after)
{
    qsizetype p = 0;
    while (p < before.size() && p < after.size() && before.at(p) == after.at(p))
        ++p;
    qsizetype s = 0;
    while (s < before.size() - p && s < after.size() - p
        && before.at(before.size() - 1 - s) == after.at(after.size() - 1 - s))
        ++s;
    return QStringLiteral("@%1 -%2 +%3")
        .arg(p)
        .arg(before.mid(p, before.size() - p - s), after.mid(p, after.size() - p - s));
}

class JsonEditingFixture
{
protected:
    QTemporaryDir m_dir;
    std::unique_ptr<TemplateDocument> m_doc;
    std::unique_ptr<PipelineEditing> m_edit;
    QString m_original;

    void open(const QString &fixture)
    {
        m_original = readFixture(fixture);
        QVERIFY(!m_original.isEmpty());
        const QString path = m_dir.filePath(fixture);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(m_original.toUtf8());
        f.close();
        m_edit.reset();
        m_doc = std::make_unique<TemplateDocument>(&ComponentCatalog::registry());
        QVERIFY(m_doc->open(path));
        m_doc->reparseNow();
        QVERIFY(m_doc->snapshot().structureValid);
        m_edit = std::make_unique<PipelineEditing>(m_doc.get());
    }

    // Undo of every step gives the original bytes back; redo the edited ones.
    void checkUndoRedo()
    {
        const QString edited = m_doc->text();
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->text(), m_original);
        while (m_doc->undoStack()->canRedo())
            m_doc->undoStack()->redo();
        QCOMPARE(m_doc->text(), edited);
    }

    QString attribute(const PipelineNode &n, const QString &key) const
    {
        const auto attrs
            = BlockAttributes::read(n.file, m_doc->text(n.file), n.range.start.byte, n.type);
        for (const BlockAttribute &a : attrs)
            if (a.key == key)
                return a.expression;
        return QStringLiteral("<unset>");
    }
};

} // namespace kiln::models::testing
