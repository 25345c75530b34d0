#pragma once

#include "app/models/document/BlockAttributes.h"
#include "app/models/document/PipelineSnapshot.h"

#include <QDockWidget>

class QLabel;
class QScrollArea;

namespace kiln::ui {

class FieldEditor;

// The right dock: the selected block's settings, one editor per field of its
// component's ConfigSchema (required fields marked, defaults as placeholders,
// help on hover), plus any attribute the schema does not know, in raw mode.
// Edits leave as attribute requests; the document applies them to the text.
class InspectorDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit InspectorDock(QWidget *parent = nullptr);

    // Null clears the inspector.
    void showNode(
        const models::PipelineNode *node, const QList<models::BlockAttribute> &attributes);
    QString nodeId() const { return m_nodeId; }
    FieldEditor *editor(const QString &key) const;
    QStringList keys() const;

signals:
    void attributeEdited(const QString &nodeId, const QString &key, const QString &expression);
    void attributeCleared(const QString &nodeId, const QString &key);

private:
    void showMessage(const QString &text);
    QScrollArea *m_scroll;
    QString m_nodeId;
    QList<FieldEditor *> m_editors;
};

} // namespace kiln::ui
