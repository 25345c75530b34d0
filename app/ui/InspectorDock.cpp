#include "app/ui/InspectorDock.h"

#include "app/models/ComponentCatalog.h"
#include "app/ui/FieldEditor.h"
#include "app/ui/Icons.h"
#include "engine/template/TemplateLoader.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kiln::ui {

using models::NodeKind;
using registry::ComponentKind;

namespace {

std::optional<ComponentKind> componentKind(NodeKind k)
{
    switch (k) {
    case NodeKind::Source:
        return ComponentKind::Builder;
    case NodeKind::Provisioner:
    case NodeKind::ErrorCleanupProvisioner:
        return ComponentKind::Provisioner;
    case NodeKind::PostProcessor:
        return ComponentKind::PostProcessor;
    case NodeKind::DataSource:
        return ComponentKind::DataSource;
    default:
        return std::nullopt;
    }
}

// The attributes every variable block may have (Packer's variable block).
registry::ConfigSchema variableSchema()
{
    using registry::Field;
    registry::ConfigSchema s;
    s.add(Field::any(QStringLiteral("type"))
              .withHelp(QCoreApplication::translate(
                  "kiln::ui::InspectorDock", "The type constraint, e.g. string or list(string).")));
    s.add(Field::any(QStringLiteral("default"))
              .withHelp(QCoreApplication::translate(
                  "kiln::ui::InspectorDock", "The value used when none is given.")));
    s.add(Field::string(QStringLiteral("description"))
              .withHelp(QCoreApplication::translate(
                  "kiln::ui::InspectorDock", "What the variable is for.")));
    s.add(Field::boolean(QStringLiteral("sensitive"))
              .withDefault(QStringLiteral("false"))
              .withHelp(QCoreApplication::translate(
                  "kiln::ui::InspectorDock", "Hide the value in output.")));
    return s;
}

} // namespace

InspectorDock::InspectorDock(QWidget *parent)
    : QDockWidget(tr("Inspector"), parent)
    , m_scroll(new QScrollArea)
{
    setObjectName(QStringLiteral("inspectorDock"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    setWidget(m_scroll);
    showMessage(tr("Select a block in the graph to see its settings."));
}

void InspectorDock::showMessage(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setEnabled(false);
    label->setMargin(24);
    m_scroll->setWidget(label);
    m_editors.clear();
}

FieldEditor *InspectorDock::editor(const QString &key) const
{
    for (FieldEditor *e : m_editors)
        if (e->field().key() == key)
            return e;
    return nullptr;
}

QStringList InspectorDock::keys() const
{
    QStringList out;
    for (FieldEditor *e : m_editors)
        out << e->field().key();
    return out;
}

void InspectorDock::showNode(
    const models::PipelineNode *node, const QList<models::BlockAttribute> &attributes)
{
    m_nodeId = node ? node->id : QString();
    if (!node) {
        showMessage(tr("Select a block in the graph to see its settings."));
        return;
    }
    m_editors.clear();
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->setContentsMargins(12, 12, 12, 12);
    v->setSpacing(10);

    // Header: icon, type, kind and name, description.
    const std::optional<ComponentKind> kind = componentKind(node->kind);
    const registry::ComponentDescriptor *desc
        = kind ? models::ComponentCatalog::registry().find(*kind, node->type) : nullptr;
    auto *header = new QHBoxLayout;
    auto *icon = new QLabel;
    const QString iconName = kind          ? models::ComponentCatalog::iconFor(*kind, node->type)
        : node->kind == NodeKind::Variable ? QStringLiteral("kind-variable")
                                           : QStringLiteral("kind-local");
    icon->setPixmap(Icons::icon(iconName).pixmap(28, 28));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *title = new QLabel(
        QStringLiteral("<b style='font-size:12pt'>%1</b><br/><span style='color:gray'>%2%3</span>")
            .arg((node->kind == NodeKind::Variable || node->kind == NodeKind::Local ? node->name
                                                                                    : node->type)
                     .toHtmlEscaped(),
                models::nodeKindName(node->kind),
                node->name.isEmpty() || node->kind == NodeKind::Variable
                        || node->kind == NodeKind::Local
                    ? QString()
                    : QStringLiteral(" · ") + node->name.toHtmlEscaped()));
    title->setTextFormat(Qt::RichText);
    header->addWidget(title, 1);
    v->addLayout(header);
    if (desc && !desc->description.isEmpty()) {
        auto *d = new QLabel(desc->description);
        d->setWordWrap(true);
        d->setEnabled(false);
        v->addWidget(d);
    }
    for (const hcl::Diagnostic &d : node->diagnostics) {
        auto *diag = new QLabel(QStringLiteral("⚠ %1").arg(d.summary.toHtmlEscaped()));
        diag->setWordWrap(true);
        diag->setStyleSheet(
            QStringLiteral("color: %1")
                .arg(d.severity == hcl::Severity::Error ? QStringLiteral("#dc2626")
                                                        : QStringLiteral("#d97706")));
        diag->setToolTip(d.detail);
        v->addWidget(diag);
    }
    // Components of JSON templates are edited here like HCL ones (values are JSON, which
    // reads the same as HCL); their variables are plain key/values edited as text.
    if (node->file.endsWith(QLatin1String(".json"))
        && (node->kind == NodeKind::Variable || node->kind == NodeKind::Local)) {
        auto *note = new QLabel(tr("Variables of JSON templates are edited in the text view."));
        note->setWordWrap(true);
        note->setEnabled(false);
        v->addWidget(note);
        v->addStretch(1);
        m_scroll->setWidget(page);
        return;
    }

    QHash<QString, QString> values;
    for (const models::BlockAttribute &a : attributes)
        values.insert(a.key, a.expression);
    const registry::ConfigSchema schema = desc ? desc->schema
        : node->kind == NodeKind::Variable     ? variableSchema()
                                               : registry::ConfigSchema();
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setVerticalSpacing(3);
    form->setLabelAlignment(Qt::AlignLeft);
    auto addRow = [&](const registry::Field &f) {
        auto *editor = new FieldEditor(f, values.value(f.key()), values.contains(f.key()));
        QString label = f.key();
        if (f.isRequired())
            label = QStringLiteral("<b>%1</b> <span style='color:#dc2626'>*</span>").arg(f.key());
        auto *l = new QLabel(label);
        l->setTextFormat(Qt::RichText);
        QString tip
            = QStringLiteral("<b>%1</b> (%2)").arg(f.key(), registry::fieldTypeName(f.type()));
        if (!f.help().isEmpty())
            tip += QStringLiteral("<br/>") + f.help().toHtmlEscaped();
        if (!f.defaultText().isEmpty())
            tip += tr("<br/>Default: <code>%1</code>").arg(f.defaultText().toHtmlEscaped());
        if (f.isRequired())
            tip += tr("<br/><i>Required</i>");
        l->setToolTip(tip);
        editor->setToolTip(tip);
        editor->setContentsMargins(0, 0, 0, 6);
        form->addRow(l, editor);
        m_editors << editor;
        const QString id = node->id;
        const QString key = f.key();
        connect(editor, &FieldEditor::committed, this, [this, id, key](const QString &expression) {
            if (expression.isEmpty())
                emit attributeCleared(id, key);
            else
                emit attributeEdited(id, key, expression);
        });
    };
    // Set attributes first (what the block says), then the rest of the schema.
    QStringList shown;
    for (const models::BlockAttribute &a : attributes) {
        if (const registry::Field *f = schema.field(a.key)) {
            if (!f->isBlock()) {
                addRow(*f);
                shown << a.key;
            }
        } else {
            addRow(registry::Field::any(a.key).withHelp(tr("Not in the component's schema.")));
            shown << a.key;
        }
    }
    // Keys only legacy JSON may set (chef-solo's `json`) are not offered in HCL2 files.
    const bool legacy = tmpl::TemplateLoader::kindOf(node->file) == tmpl::TemplateKind::LegacyJson;
    for (const registry::Field &f : schema)
        if (!shown.contains(f.key()) && !f.isBlock() && !f.isDeprecated()
            && (legacy || !f.isLegacyOnly()))
            addRow(f);
    v->addLayout(form);
    v->addStretch(1);
    m_scroll->setWidget(page);
}

} // namespace kiln::ui
