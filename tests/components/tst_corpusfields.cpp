// Checks the component schemas against real templates: every attribute and nested block
// that the corpus sets inside a source, provisioner, post-processor or data block must be a
// field of that component. The corpus is known-good for Packer, so a failure means a schema
// lacks a key (or a key has the wrong shape).
//
// The HCL parser is another layer's business; this test carries a deliberately small scanner
// that only finds block structure and attribute names.

#include "components/Builtins.h"
#include "engine/registry/CommonFields.h"
#include "engine/registry/Registry.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace kiln::registry;

namespace {

struct Block
{
    QString type;
    QStringList labels;
    int line = 0;
    QList<QPair<QString, int>> attributes; // name, line
    QList<Block> children;
};

// Finds blocks and attribute names in HCL native syntax. Skips strings (with template
// interpolations), heredocs, comments and expressions without interpreting them.
class Scanner
{
public:
    explicit Scanner(const QString &text)
        : s(text)
    { }

    QList<Block> parse()
    {
        QList<Block> out;
        body(out, false);
        return out;
    }

private:
    const QString s;
    qsizetype i = 0;
    int line = 1;

    bool atEnd() const { return i >= s.size(); }
    QChar peek(qsizetype off = 0) const { return i + off < s.size() ? s[i + off] : QChar(); }

    void advance()
    {
        if (s[i] == '\n')
            ++line;
        ++i;
    }

    // Skips blanks and comments; newlines too when `newlines` is set.
    void skipSpace(bool newlines)
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                advance();
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (!atEnd() && peek() != '\n')
                    advance();
            } else if (c == '/' && peek(1) == '*') {
                advance();
                advance();
                while (!atEnd() && !(peek() == '*' && peek(1) == '/'))
                    advance();
                if (!atEnd()) {
                    advance();
                    advance();
                }
            } else {
                break;
            }
        }
    }

    QString identifier()
    {
        const qsizetype start = i;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == '_' || peek() == '-'))
            advance();
        return s.mid(start, i - start);
    }

    // At the opening quote; returns the literal text (without interpolations).
    QString quoted()
    {
        QString text;
        advance();
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\') {
                advance();
                if (!atEnd()) {
                    text += peek();
                    advance();
                }
            } else if ((peek() == '$' || peek() == '%') && peek(1) == '{') {
                advance();
                advance();
                expressionUntil('}');
                if (!atEnd())
                    advance();
            } else {
                text += peek();
                advance();
            }
        }
        if (!atEnd())
            advance();
        return text;
    }

    void heredoc()
    {
        advance();
        advance();
        if (peek() == '-')
            advance();
        const QString marker = identifier();
        while (!atEnd()) {
            while (!atEnd() && peek() != '\n')
                advance();
            if (atEnd())
                return;
            advance();
            qsizetype end = s.indexOf('\n', i);
            if (end < 0)
                end = s.size();
            if (s.mid(i, end - i).trimmed() == marker) {
                while (i < end)
                    advance();
                return;
            }
        }
    }

    // Skips an expression up to (not including) `stop` at nesting depth 0. With stop '\n'
    // this consumes an attribute value, which may span lines inside brackets.
    void expressionUntil(QChar stop)
    {
        int depth = 0;
        while (!atEnd()) {
            const QChar c = peek();
            if (depth == 0 && c == stop)
                return;
            if (depth == 0 && stop == '\n' && c == '}')
                return; // a one-line block `a { b = 1 }` ends the value
            if (c == '"') {
                quoted();
                continue;
            }
            if (c == '<' && peek(1) == '<' && (peek(2) == '-' || peek(2).isLetter())) {
                heredoc();
                continue;
            }
            if (c == '#' || (c == '/' && (peek(1) == '/' || peek(1) == '*'))) {
                skipSpace(false);
                continue;
            }
            if (c == '(' || c == '[' || c == '{')
                ++depth;
            else if (c == ')' || c == ']' || c == '}')
                --depth;
            advance();
        }
    }

    void body(QList<Block> &out, bool nested, Block *owner = nullptr)
    {
        while (true) {
            skipSpace(true);
            if (atEnd())
                return;
            if (peek() == '}') {
                if (nested)
                    advance();
                return;
            }
            const int startLine = line;
            const QString name = identifier();
            if (name.isEmpty()) { // not a statement start: resynchronise at the next line
                expressionUntil('\n');
                continue;
            }
            skipSpace(false);
            if (peek() == '=' && peek(1) != '=') {
                advance();
                expressionUntil('\n');
                if (owner)
                    owner->attributes.append({name, startLine});
                continue;
            }
            Block b;
            b.type = name;
            b.line = startLine;
            while (!atEnd() && peek() != '{') {
                if (peek() == '"')
                    b.labels << quoted();
                else if (peek().isLetter())
                    b.labels << identifier();
                else
                    advance();
                skipSpace(false);
            }
            if (atEnd())
                return;
            advance();
            body(b.children, true, &b);
            out.append(b);
        }
    }
};

const Registry &builtins()
{
    static Registry *registry = [] {
        auto *r = new Registry;
        kiln::components::registerBuiltins(*r);
        return r;
    }();
    return *registry;
}

struct Checker
{
    QString file;
    QStringList problems;
    QStringList skippedTypes;
    int checkedKeys = 0;

    void checkBody(
        const Block &b, const ConfigSchema &schema, const ConfigSchema *common, const QString &what)
    {
        for (const auto &[key, line] : b.attributes) {
            ++checkedKeys;
            const Field *f = schema.field(key);
            if (!f && common)
                f = common->field(key);
            if (!f) {
                const QString hint = schema.suggest(key);
                problems << QStringLiteral("%1:%2: unknown attribute '%3' in %4%5")
                                .arg(file)
                                .arg(line)
                                .arg(key, what,
                                    hint.isEmpty()
                                        ? QString()
                                        : QStringLiteral(" (did you mean '%1'?)").arg(hint));
            } else if (f->isBlock()) {
                problems << QStringLiteral("%1:%2: '%3' in %4 is a block, set as an attribute")
                                .arg(file)
                                .arg(line)
                                .arg(key, what);
            }
        }
        for (const Block &child : b.children) {
            ++checkedKeys;
            // dynamic "x" { content { ... } } produces x blocks.
            const bool dynamic = child.type == QLatin1String("dynamic") && !child.labels.isEmpty();
            const QString name = dynamic ? child.labels.first() : child.type;
            const Field *f = schema.field(name);
            if (!f || !f->isBlock()) {
                problems << QStringLiteral("%1:%2: unknown block '%3' in %4")
                                .arg(file)
                                .arg(child.line)
                                .arg(name, what);
                continue;
            }
            if (!dynamic) {
                checkBody(child, *f->nested(), nullptr, what + "." + name);
                continue;
            }
            for (const Block &content : child.children) {
                if (content.type == QLatin1String("content"))
                    checkBody(content, *f->nested(), nullptr, what + "." + name);
            }
        }
    }

    void checkComponent(const Block &b, ComponentKind kind, const ConfigSchema *common)
    {
        if (b.labels.isEmpty())
            return;
        const QString type = b.labels.first();
        const ComponentDescriptor *d = builtins().find(kind, type);
        if (!d) {
            skippedTypes << componentKindName(kind) + " " + type;
            return;
        }
        checkBody(b, d->schema, common, componentKindName(kind) + " " + type);
    }

    void checkBuild(const Block &build)
    {
        static const ConfigSchema provisionerCommon = commonProvisionerFields();
        static const ConfigSchema postProcessorCommon = commonPostProcessorFields();
        for (const Block &c : build.children) {
            if (c.type == QLatin1String("provisioner")
                || c.type == QLatin1String("error-cleanup-provisioner"))
                checkComponent(c, ComponentKind::Provisioner, &provisionerCommon);
            else if (c.type == QLatin1String("post-processor"))
                checkComponent(c, ComponentKind::PostProcessor, &postProcessorCommon);
            else if (c.type == QLatin1String("post-processors")) {
                for (const Block &pp : c.children) {
                    if (pp.type == QLatin1String("post-processor"))
                        checkComponent(pp, ComponentKind::PostProcessor, &postProcessorCommon);
                }
            }
        }
    }

    void checkFile(const QList<Block> &blocks)
    {
        for (const Block &b : blocks) {
            if (b.type == QLatin1String("source"))
                checkComponent(b, ComponentKind::Builder, nullptr);
            else if (b.type == QLatin1String("data"))
                checkComponent(b, ComponentKind::DataSource, nullptr);
            else if (b.type == QLatin1String("build"))
                checkBuild(b);
        }
    }
};

QStringList corpusTemplates()
{
    QStringList files;
    for (const char *dir : {"bento/packer_templates", "packer-1.6.6-examples"}) {
        QDirIterator it(QStringLiteral(KILN_CORPUS_DIR "/") + dir, {"*.pkr.hcl"}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

} // namespace

class TestCorpusFields : public QObject
{
    Q_OBJECT

private slots:
    void scannerFindsStructure()
    {
        const QString text
            = QStringLiteral("# comment { not a block\n"
                             "source \"qemu\" \"vm\" {\n"
                             "  boot_command = [\"<esc> ${var.x} {\", \"b\"]\n"
                             "  qemuargs = [\n    [\"-m\", \"1024\"],\n  ]\n"
                             "  user_data = <<EOF\nkey = value {\nEOF\n"
                             "  qemu_img_args { convert = [\"-o\"] }\n"
                             "  /* block { */ format = \"qcow2\"\n"
                             "}\n"
                             "build {\n  provisioner \"shell\" { inline = [\"echo }\"] }\n}\n");
        const QList<Block> blocks = Scanner(text).parse();
        QCOMPARE(blocks.size(), 2);
        const Block &src = blocks[0];
        QCOMPARE(src.type, QStringLiteral("source"));
        QCOMPARE(src.labels, (QStringList{"qemu", "vm"}));
        QStringList keys;
        for (const auto &a : src.attributes)
            keys << a.first;
        QCOMPARE(keys, (QStringList{"boot_command", "qemuargs", "user_data", "format"}));
        QCOMPARE(src.attributes.last().second, 11);
        QCOMPARE(src.children.size(), 1);
        QCOMPARE(src.children[0].type, QStringLiteral("qemu_img_args"));
        QCOMPARE(src.children[0].attributes.first().first, QStringLiteral("convert"));
        QCOMPARE(blocks[1].children[0].labels, QStringList{"shell"});
        QCOMPARE(blocks[1].children[0].attributes.first().first, QStringLiteral("inline"));
    }

    void unknownKeysAreReported()
    {
        // The checker itself must be able to fail.
        Checker c;
        c.file = "inline";
        c.checkFile(Scanner("source \"docker\" \"x\" {\n  imagee = \"a\"\n  commit = true\n}\n"
                            "source \"potatoes\" \"y\" {}\n")
                        .parse());
        QCOMPARE(c.problems.size(), 1);
        QVERIFY(c.problems.first().contains("unknown attribute 'imagee' in builder docker"));
        QVERIFY(c.problems.first().contains("did you mean 'image'?"));
        QCOMPARE(c.skippedTypes, QStringList{"builder potatoes"});
    }

    void corpusKeysAreKnown_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList files = corpusTemplates();
        if (files.isEmpty())
            QSKIP("corpus not found at " KILN_CORPUS_DIR);
        for (const QString &f : files)
            QTest::newRow(qPrintable(f.mid(QStringLiteral(KILN_CORPUS_DIR).size() + 1))) << f;
    }

    void corpusKeysAreKnown()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        Checker c;
        c.file = path.mid(QStringLiteral(KILN_CORPUS_DIR).size() + 1);
        c.checkFile(Scanner(QString::fromUtf8(file.readAll())).parse());
        if (!c.skippedTypes.isEmpty())
            qInfo("not built in, skipped: %s", qPrintable(c.skippedTypes.join(", ")));
        QVERIFY2(c.problems.isEmpty(), qPrintable(c.problems.join('\n')));
    }

    void corpusCoverage()
    {
        // Guards against the scan silently matching nothing.
        int keys = 0;
        QSet<QString> builders;
        for (const QString &path : corpusTemplates()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            Checker c;
            const QList<Block> blocks = Scanner(QString::fromUtf8(file.readAll())).parse();
            c.checkFile(blocks);
            keys += c.checkedKeys;
            for (const Block &b : blocks) {
                if (b.type == QLatin1String("source") && !b.labels.isEmpty()
                    && builtins().contains(ComponentKind::Builder, b.labels.first()))
                    builders.insert(b.labels.first());
            }
        }
        if (keys == 0)
            QSKIP("corpus not found at " KILN_CORPUS_DIR);
        QVERIFY2(keys > 200, qPrintable(QString::number(keys)));
        for (const char *t : {"qemu", "vmware-iso", "virtualbox-iso", "vmware-vmx"})
            QVERIFY2(builders.contains(t), t);
    }
};

QTEST_GUILESS_MAIN(TestCorpusFields)
#include "tst_corpusfields.moc"
