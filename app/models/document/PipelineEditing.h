#pragma once

#include "app/models/document/PipelineSnapshot.h"
#include "engine/registry/ComponentKind.h"
#include "engine/template/edit/BlockAddress.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace kiln::tmpl::edit {
class PipelineEditor;
struct EditResult;
} // namespace kiln::tmpl::edit

namespace kiln::models {

class TemplateDocument;

// What the graph, the palette and the inspector ask for, turned into surgical
// text edits (tmpl::edit::PipelineEditor) applied to the document as one undo
// step each. Nodes are named by their snapshot id. Every method returns an empty
// string on success, else why nothing changed; the graph follows after the reparse.
class PipelineEditing
{
public:
    explicit PipelineEditing(TemplateDocument *document);

    // Graph operations that some template syntaxes do not have. The UI disables them
    // and shows whyUnavailable() as the reason instead of failing when used.
    enum class Capability {
        ConnectSources, // legacy JSON: every builder feeds the one implicit build
        AddDataSource, // legacy JSON has none
    };
    // Empty when `capability` applies to the open template, else the reason shown to the user.
    QString whyUnavailable(Capability capability) const;

    // A palette component dropped on lane `build` (snapshot build index). For
    // provisioners `position` counts among the lane's provisioners; for
    // post-processors it is the chain (chain count: a new standalone one), and
    // `chainPosition` the place inside it (-1: a new standalone entry). A builder
    // becomes a new source connected to the build; a data source a new data block.
    QString addComponent(registry::ComponentKind kind, const QString &type, int build, int position,
        int chainPosition = -1);
    QString remove(const QStringList &nodeIds);
    QString duplicate(const QStringList &nodeIds);
    // Moves a provisioner to `position`, or a post-processor entry/chain member.
    QString move(const QString &nodeId, int position);
    QString connectSource(const QString &sourceId, int build);
    QString disconnectSource(const QString &sourceId, int build);

    // The text of the blocks (for the clipboard), each as PipelineEditor::blockText.
    QString copy(const QStringList &nodeIds, NodeKind *kind = nullptr) const;
    // Pastes copied block text of `kind` into lane `build` after its last block of that kind.
    QString paste(const QString &text, NodeKind kind, int build);

    QString setAttribute(const QString &nodeId, const QString &key, const QString &expression);
    QString removeAttribute(const QString &nodeId, const QString &key);

    // UTF-16 span of a node's block in its file (for select-in-text); false if unknown.
    bool spanOf(const QString &nodeId, int *start, int *end) const;

private:
    using Operation = std::function<tmpl::edit::EditResult(tmpl::edit::PipelineEditor &)>;
    // Runs one operation on the current text of `file` and applies its edits.
    QString run(const QString &file, const QString &label, const Operation &op);
    const PipelineNode *node(const QString &id) const;
    const PipelineBuild *build(int index) const;
    QString uniqueSourceName(const QString &type) const;
    QString sourceFile() const;
    // The HCL native file new top-level blocks go to; empty if the template has none.
    QString nativeFile() const;
    // A new empty data block in an HCL JSON file.
    QString addJsonData(const QString &file, const QString &type, QString name);
    bool isLegacy() const;
    static bool isJsonFile(const QString &file);
    // The JSON for an HCL expression that is a literal value (`{ k = "v" }`); nothing for
    // JSON text, references and calls.
    static std::optional<QString> literalJson(const QString &expression);

    TemplateDocument *m_doc;
};

} // namespace kiln::models
