#include "engine/hcl/eval/Evaluator.h"
#include "engine/template/LoaderInternal.h"
#include "engine/template/SchemaValidator.h"

#include <algorithm>

namespace kiln::tmpl::detail {

using hcl::Diagnostic;
using hcl::Diagnostics;
using hcl::Value;

QList<hcl::Traversal> bodyTraversals(const hcl::BodyPtr &body)
{
    QList<hcl::Traversal> out;
    if (auto native = std::dynamic_pointer_cast<const hcl::syntax::Body>(body)) {
        for (const hcl::syntax::Attribute &a : native->attributes)
            out += hcl::referencedVariables(a.expr);
        for (const hcl::syntax::Block &b : native->blocks)
            out += bodyTraversals(b.body);
        return out;
    }
    if (body) {
        Diagnostics ignored;
        for (const hcl::ContentAttribute &a : body->justAttributes(ignored))
            out += hcl::referencedVariables(a.expr);
    }
    return out;
}

namespace {

// One node of the dependency graph: a data source or a local.
struct Vertex
{
    QString key; // "data.t.n" / "local.n": how references name it
    QString displayName; // Packer's VertexName: "t.n" / "local.n"
    int dataIndex = -1;
    int localIndex = -1;
    QList<int> edges; // vertices this one depends on
    QList<hcl::SourceRange> edgeRanges; // the first reference that made each edge
    // A local's references, found once while building the graph and used again
    // for the `local` object its evaluation sees (walking thousands of
    // expressions twice was a visible share of loading a large template).
    QList<hcl::Traversal> refs;
};

// "data.t.n" or "local.n" for a traversal rooted at data/local, else empty.
QString referenceKey(const hcl::Traversal &t)
{
    const QString root = t.rootName();
    auto attr = [&](int i) -> QString {
        return i < t.steps.size() && t.steps[i].kind == hcl::TraversalStep::Kind::Attr ? t.steps[i].name : QString();
    };
    if (root == QLatin1String("local") && !attr(1).isEmpty())
        return QStringLiteral("local.") + attr(1);
    if (root == QLatin1String("data") && !attr(1).isEmpty() && !attr(2).isEmpty())
        return QStringLiteral("data.%1.%2").arg(attr(1), attr(2));
    return {};
}

// Tarjan's strongly connected components, visiting in declaration order.
class SccFinder
{
public:
    explicit SccFinder(const QList<Vertex> &g)
        : m_g(g)
        , m_index(g.size(), 0)
        , m_low(g.size(), 0)
        , m_onStack(g.size(), false)
    {
    }
    QList<QList<int>> run()
    {
        for (int v = 0; v < m_g.size(); ++v)
            if (m_index[v] == 0)
                visit(v);
        return m_sccs;
    }

private:
    void visit(int v)
    {
        m_index[v] = m_low[v] = m_next++;
        m_stack.append(v);
        m_onStack[v] = true;
        for (int w : m_g[v].edges) {
            if (m_index[w] == 0) {
                visit(w);
                m_low[v] = std::min(m_low[v], m_low[w]);
            } else if (m_onStack[w]) {
                m_low[v] = std::min(m_low[v], m_index[w]);
            }
        }
        if (m_low[v] == m_index[v]) {
            QList<int> scc;
            int w;
            do {
                w = m_stack.takeLast();
                m_onStack[w] = false;
                scc.append(w);
            } while (w != v);
            m_sccs.append(scc);
        }
    }
    const QList<Vertex> &m_g;
    QList<int> m_index, m_low;
    QList<bool> m_onStack;
    QList<int> m_stack;
    QList<QList<int>> m_sccs;
    int m_next = 1;
};

// hashicorp/go-multierror's list format.
QString multiErrorText(const QStringList &errors)
{
    if (errors.size() == 1)
        return QStringLiteral("1 error occurred:\n\t* %1\n\n").arg(errors.first());
    QStringList points;
    for (const QString &e : errors)
        points << QStringLiteral("* ") + e;
    return QStringLiteral("%1 errors occurred:\n\t%2\n\n").arg(errors.size()).arg(points.join(QStringLiteral("\n\t")));
}

Diagnostics evaluateDataSource(Template &tpl, int index, const InitializeOptions &options)
{
    Diagnostics diags;
    DataSourceBlock &ds = tpl.dataSources[index];
    if (options.registry) {
        const registry::ComponentDescriptor *desc =
            options.registry->find(registry::ComponentKind::DataSource, ds.type);
        if (!desc) {
            diags += Diagnostic::error(QStringLiteral("Unknown data type ") + ds.type,
                                       QStringLiteral("known data sources: [%1]")
                                           .arg(options.registry->typeNames(registry::ComponentKind::DataSource)
                                                    .join(QLatin1Char(' '))),
                                       ds.ref.labelRanges.value(0));
            return diags;
        }
        hcl::EvalContext ectx = tpl.evalContext(BlockContext::DataSource);
        diags += SchemaValidator().validateBody(ds.body, desc->schema, &ectx);
        if (diags.hasErrors())
            return diags;
    }
    // Data sources are run by the build engine (options.executeDataSource); without
    // it, or for validate, the loader gives them the placeholder Packer uses when it
    // does not execute them.
    if (!options.skipDatasourcesExecution && options.executeDataSource && options.registry) {
        const registry::ComponentDescriptor *desc = options.registry->find(registry::ComponentKind::DataSource, ds.type);
        hcl::EvalContext ectx = tpl.evalContext(BlockContext::DataSource);
        Diagnostics runDiags;
        Value v = options.executeDataSource(ds, *desc, ectx, runDiags);
        diags += runDiags;
        ds.value = runDiags.hasErrors() ? Value::dynamicUnknown() : v;
        return diags;
    }
    ds.value = Value::dynamicUnknown();
    return diags;
}

// The `local` object a local's expression sees. Building the object of every
// local for each of n locals costs O(n²) (seconds at a few thousand locals), so
// when the expression names its locals statically (local.x), only those go in.
Value localsObjectFor(const Template &tpl, const QList<hcl::Traversal> &refs)
{
    QMap<QString, Value> named;
    for (const hcl::Traversal &t : refs) {
        if (t.rootName() != QLatin1String("local"))
            continue;
        if (t.steps.size() < 2 || t.steps[1].kind != hcl::TraversalStep::Kind::Attr) {
            QMap<QString, Value> all; // `local` used as a whole: give it everything
            for (auto it = tpl.localVariables.cbegin(); it != tpl.localVariables.cend(); ++it)
                all.insert(it.key(), it->rawValue());
            return Value::object(all);
        }
        auto it = tpl.localVariables.constFind(t.steps[1].name);
        if (it != tpl.localVariables.cend())
            named.insert(it.key(), it->rawValue());
    }
    return Value::object(named);
}

// `base` is the template's Local context, built once per evaluation pass;
// `refs` are the traversals the local's expression contains.
Diagnostics evaluateLocal(Template &tpl, int index, const hcl::EvalContext &base, const QList<hcl::Traversal> &refs)
{
    Diagnostics diags;
    const LocalBlock &local = tpl.localBlocks[index];
    if (!local.expr)
        return diags;
    // An expression that names no local at all (refs holds every traversal it
    // contains) cannot tell which `local` object it sees: it keeps the base
    // context's, and no object is built for it.
    const bool usesLocals = std::any_of(refs.cbegin(), refs.cend(), [](const hcl::Traversal &t) {
        return t.rootName() == QLatin1String("local");
    });
    hcl::EvalContext ectx = base.child();
    if (usesLocals)
        ectx.variables.insert(QStringLiteral("local"), localsObjectFor(tpl, refs));
    Value value = hcl::evaluate(local.expr, &ectx, diags);
    if (diags.hasErrors())
        return diags;
    Variable v;
    v.name = local.name;
    v.sensitive = local.sensitive;
    v.values.append({QStringLiteral("default"), value, local.expr});
    v.type = value.type();
    tpl.localVariables.insert(local.name, v);
    return diags;
}

} // namespace

Diagnostics evaluateBuildPrereqs(Template &tpl, const InitializeOptions &options)
{
    Diagnostics diags;
    QList<Vertex> graph;
    QHash<QString, int> byKey;
    for (int i = 0; i < tpl.dataSources.size(); ++i) {
        const DataSourceBlock &ds = tpl.dataSources[i];
        Vertex v;
        v.key = QStringLiteral("data.") + ds.fullName();
        v.displayName = ds.fullName();
        v.dataIndex = i;
        byKey.insert(v.key, int(graph.size()));
        graph.append(v);
    }
    for (int i = 0; i < tpl.localBlocks.size(); ++i) {
        Vertex v;
        v.key = QStringLiteral("local.") + tpl.localBlocks[i].name;
        v.displayName = v.key;
        v.localIndex = i;
        if (!byKey.contains(v.key))
            byKey.insert(v.key, int(graph.size()));
        graph.append(v);
    }

    QStringList graphErrors;
    bool selfReference = false;
    QStringList selfErrors;
    // Packer's graph error has no place; Kiln points at the reference that breaks it:
    // the missing dependency, else a reference inside the first cycle, else the self reference.
    std::optional<hcl::SourceRange> place;
    std::optional<hcl::SourceRange> selfPlace;
    for (Vertex &v : graph) {
        const QList<hcl::Traversal> refs = v.dataIndex >= 0
                                               ? bodyTraversals(tpl.dataSources[v.dataIndex].body)
                                               : hcl::referencedVariables(tpl.localBlocks[v.localIndex].expr);
        if (v.localIndex >= 0)
            v.refs = refs;
        for (const hcl::Traversal &t : refs) {
            const QString dep = referenceKey(t);
            if (dep.isEmpty())
                continue;
            auto it = byKey.constFind(dep);
            if (it == byKey.constEnd()) {
                graphErrors << QStringLiteral("could not get dependency \"%1\" for \"%2\", \"%1\" missing in template")
                                   .arg(dep, v.key);
                if (!place)
                    place = t.range();
                continue;
            }
            if (!v.edges.contains(*it)) {
                v.edges.append(*it);
                v.edgeRanges.append(t.range());
            }
            if (graph[*it].key == v.key && !selfErrors.contains(v.displayName)) {
                selfReference = true;
                selfErrors << QStringLiteral("Self reference: ") + v.displayName;
                if (!selfPlace)
                    selfPlace = t.range();
            }
        }
    }

    // Cycles of more than one vertex, then self references (dag.Validate).
    QStringList validateErrors;
    for (const QList<int> &scc : SccFinder(graph).run()) {
        if (scc.size() < 2)
            continue;
        QStringList names;
        for (int i : scc)
            names << graph[i].displayName;
        if (!place) {
            const int first = *std::min_element(scc.cbegin(), scc.cend()); // the earliest declared
            for (qsizetype e = 0; e < graph[first].edges.size(); ++e)
                if (scc.contains(graph[first].edges[e])) {
                    place = graph[first].edgeRanges[e];
                    break;
                }
        }
        validateErrors << QStringLiteral("Cycle: ") + names.join(QStringLiteral(", "));
    }
    if (selfReference) {
        validateErrors += selfErrors;
        if (!place)
            place = selfPlace;
    }
    if (!validateErrors.isEmpty())
        graphErrors << validateErrors.join(QLatin1Char('\n'));

    if (!graphErrors.isEmpty()) {
        diags += Diagnostic::error(QStringLiteral("failed to prepare execution graph"),
                                   QStringLiteral("An error occurred while building the graph for datasources/locals: ")
                                       + multiErrorText(graphErrors),
                                   place);
        return diags;
    }

    // Dependencies first: a post-order walk gives a reverse topological order.
    QList<int> order;
    QList<bool> done(graph.size(), false);
    std::function<void(int)> visit = [&](int v) {
        if (done[v])
            return;
        done[v] = true;
        for (int w : graph[v].edges)
            visit(w);
        order.append(v);
    };
    for (int v = 0; v < graph.size(); ++v)
        visit(v);

    // Locals see `var`, `data` and the rest through one base context, rebuilt
    // only after a data source has produced its value.
    std::optional<hcl::EvalContext> base;
    for (int v : order) {
        Diagnostics vd;
        if (graph[v].dataIndex >= 0) {
            vd = evaluateDataSource(tpl, graph[v].dataIndex, options);
            base.reset();
        } else {
            if (!base)
                base = tpl.evalContext(BlockContext::Local);
            vd = evaluateLocal(tpl, graph[v].localIndex, *base, graph[v].refs);
        }
        if (vd.hasErrors()) {
            diags += vd;
            return diags;
        }
    }
    return diags;
}

} // namespace kiln::tmpl::detail
