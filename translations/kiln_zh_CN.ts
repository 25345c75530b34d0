<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QsciScintilla</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>kiln::models::AutosaveStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
</context>
<context>
    <name>kiln::models::BuildRunModel</name>
    <message>
        <source>[… %1 lines not drawn: output came faster than the console can show it; Save Log has them …]</source>
        <translation>[… 未显示 %1 行：输出速度超过了控制台的显示能力；“保存日志”包含这些行 …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::CompletionEngine</name>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>Deprecated.</source>
        <translation>已弃用。</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>，必填</translation>
    </message>
    <message>
        <source>Input variables: var.NAME</source>
        <translation>输入变量：var.NAME</translation>
    </message>
    <message>
        <source>Local values: local.NAME</source>
        <translation>本地值：local.NAME</translation>
    </message>
    <message>
        <source>Sources: source.TYPE.NAME</source>
        <translation>源：source.TYPE.NAME</translation>
    </message>
    <message>
        <source>Data sources: data.TYPE.NAME</source>
        <translation>数据源：data.TYPE.NAME</translation>
    </message>
    <message>
        <source>The directory of the template.</source>
        <translation>模板所在的目录。</translation>
    </message>
    <message>
        <source>The directory Packer was started in.</source>
        <translation>启动 Packer 时所在的目录。</translation>
    </message>
    <message>
        <source>The version of Packer (Kiln) running.</source>
        <translation>正在运行的 Packer (Kiln) 的版本。</translation>
    </message>
</context>
<context>
    <name>kiln::models::ConsoleBuffer</name>
    <message>
        <source> [… %1 more characters]</source>
        <translation> [… 还有 %1 个字符]</translation>
    </message>
    <message>
        <source>[… %1 lines elided to bound memory …]</source>
        <translation>[… 为限制内存已省略 %1 行 …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::DocumentAutosaver</name>
    <message>
        <source>Restore Autosaved Edits</source>
        <translation>恢复自动保存的编辑</translation>
    </message>
</context>
<context>
    <name>kiln::models::ExportPreview</name>
    <message>
        <source>Save the template first: the export reads it from disk.</source>
        <translation>请先保存模板：导出会从磁盘读取它。</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
</context>
<context>
    <name>kiln::models::PackerBlockSchemas</name>
    <message>
        <source>Settings of Packer itself: required_version, required_plugins.</source>
        <translation>Packer 本身的设置：required_version、required_plugins。</translation>
    </message>
    <message>
        <source>A reusable builder configuration: source &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>可重复使用的构建器配置：source &quot;TYPE&quot; &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>A data source read before the builds: data &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>在构建之前读取的数据源：data &quot;TYPE&quot; &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>An input variable: variable &quot;NAME&quot;.</source>
        <translation>一个输入变量：variable &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>Several input variables as NAME = DEFAULT arguments.</source>
        <translation>以 NAME = DEFAULT 参数形式给出的多个输入变量。</translation>
    </message>
    <message>
        <source>Local values as NAME = EXPRESSION.</source>
        <translation>以 NAME = EXPRESSION 形式给出的本地值。</translation>
    </message>
    <message>
        <source>One local value that may be marked sensitive: local &quot;NAME&quot;.</source>
        <translation>可以标记为敏感的单个本地值：local &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>What to build: sources, provisioners and post-processors.</source>
        <translation>要构建的内容：源、配置器和后处理器。</translation>
    </message>
    <message>
        <source>The name of the build, shown in output and used by -only/-except.</source>
        <translation>构建的名称，显示在输出中，并供 -only/-except 使用。</translation>
    </message>
    <message>
        <source>A description of the build.</source>
        <translation>构建的描述。</translation>
    </message>
    <message>
        <source>References to source blocks: &quot;source.TYPE.NAME&quot;.</source>
        <translation>对 source 块的引用：&quot;source.TYPE.NAME&quot;。</translation>
    </message>
    <message>
        <source>Use a source and set or override its arguments: source &quot;TYPE.NAME&quot;.</source>
        <translation>使用一个源并设置或覆盖其参数：source &quot;TYPE.NAME&quot;。</translation>
    </message>
    <message>
        <source>A provisioner run on every source of the build, in order.</source>
        <translation>在构建的每个源上依次运行的配置器。</translation>
    </message>
    <message>
        <source>A post-processor run on each artifact.</source>
        <translation>对每个产物运行的后处理器。</translation>
    </message>
    <message>
        <source>A chain of post-processors, each fed the previous artifact.</source>
        <translation>后处理器链，每个都接收上一个产物。</translation>
    </message>
    <message>
        <source>One post-processor of the chain.</source>
        <translation>链中的一个后处理器。</translation>
    </message>
    <message>
        <source>An expression that must be true for the value to be accepted.</source>
        <translation>值被接受所必须为真的表达式。</translation>
    </message>
    <message>
        <source>The message shown when the condition is false.</source>
        <translation>条件为假时显示的消息。</translation>
    </message>
    <message>
        <source>The type constraint, e.g. string, list(string).</source>
        <translation>类型约束，例如 string、list(string)。</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>未提供值时使用的值。</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>该变量的用途。</translation>
    </message>
    <message>
        <source>Hide the value in output (replaced by &lt;sensitive&gt;).</source>
        <translation>在输出中隐藏该值（替换为 &lt;sensitive&gt;）。</translation>
    </message>
    <message>
        <source>A rule the value must satisfy.</source>
        <translation>值必须满足的规则。</translation>
    </message>
    <message>
        <source>A version constraint Packer must satisfy, e.g. &quot;&gt;= 1.7.0&quot;.</source>
        <translation>Packer 必须满足的版本约束，例如 &quot;&gt;= 1.7.0&quot;。</translation>
    </message>
    <message>
        <source>The plugins the template needs, as NAME = { version, source }.</source>
        <translation>模板所需的插件，格式为 NAME = { version, source }。</translation>
    </message>
    <message>
        <source>The name this use of the source gets in the build.</source>
        <translation>该源在此构建中使用时的名称。</translation>
    </message>
    <message>
        <source>The collection to generate one block for each element of.</source>
        <translation>为其中每个元素生成一个块的集合。</translation>
    </message>
    <message>
        <source>The name of the temporary variable for the current element (default: the block&apos;s name).</source>
        <translation>当前元素的临时变量名（默认：块的名称）。</translation>
    </message>
    <message>
        <source>The labels of each generated block.</source>
        <translation>每个生成块的标签。</translation>
    </message>
    <message>
        <source>The body of each generated block.</source>
        <translation>每个生成块的主体。</translation>
    </message>
</context>
<context>
    <name>kiln::models::PaletteModel</name>
    <message>
        <source>Builders</source>
        <translation>构建器</translation>
    </message>
    <message>
        <source>Provisioners</source>
        <translation>配置器</translation>
    </message>
    <message>
        <source>Post-processors</source>
        <translation>后处理器</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineBuild</name>
    <message>
        <source>build #%1</source>
        <translation>构建 #%1</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineEditing</name>
    <message>
        <source>The block is not in a file of this template.</source>
        <translation>该块不在此模板的任何文件中。</translation>
    </message>
    <message>
        <source>Add data source %1</source>
        <translation>添加数据源 %1</translation>
    </message>
    <message>
        <source>Add source %1.%2</source>
        <translation>添加源 %1.%2</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>添加源</translation>
    </message>
    <message>
        <source>Connect source</source>
        <translation>连接源</translation>
    </message>
    <message>
        <source>Add build</source>
        <translation>添加构建</translation>
    </message>
    <message>
        <source>Drop the component on a build lane.</source>
        <translation>请将组件拖放到构建泳道上。</translation>
    </message>
    <message>
        <source>Add provisioner %1</source>
        <translation>添加配置器 %1</translation>
    </message>
    <message>
        <source>Add post-processor %1</source>
        <translation>添加后处理器 %1</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>没有可删除的内容。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete %1 blocks</source>
        <translation>删除 %1 个块</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Nothing to duplicate.</source>
        <translation>没有可创建副本的内容。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>没有可移动的内容。</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Connect a source to a build.</source>
        <translation>请将源连接到构建。</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>Disconnect a source from a build.</source>
        <translation>请将源与构建断开。</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>断开 %1</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>粘贴源</translation>
    </message>
    <message>
        <source>Select a build lane to paste into.</source>
        <translation>请选择要粘贴到的构建泳道。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>No such block.</source>
        <translation>没有这个块。</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>清除 %1</translation>
    </message>
    <message>
        <source>The copied blocks are JSON; paste them into a JSON template.</source>
        <translation>复制的块是 JSON 格式；请将其粘贴到 JSON 模板中。</translation>
    </message>
    <message>
        <source>The copied blocks are HCL; paste them into an HCL template.</source>
        <translation>复制的块是 HCL 格式；请将其粘贴到 HCL 模板中。</translation>
    </message>
    <message>
        <source>A legacy JSON template has one implicit build that every builder feeds; there is nothing to connect or disconnect. Use &quot;only&quot; and &quot;except&quot; on provisioners and post-processors to limit them to some builders.</source>
        <translation>旧版 JSON 模板只有一个由所有构建器提供的隐式构建，没有可连接或断开的内容。请在 provisioner 和 post-processor 上使用 &quot;only&quot; 和 &quot;except&quot; 将其限定于部分构建器。</translation>
    </message>
    <message>
        <source>Legacy JSON templates have no data sources. Upgrade the template to HCL2 to use them.</source>
        <translation>旧版 JSON 模板没有数据源。请将模板升级到 HCL2 以使用数据源。</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateDocument</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 holds no *.pkr.hcl or *.pkr.json file</source>
        <translation>%1 中没有 *.pkr.hcl 或 *.pkr.json 文件</translation>
    </message>
    <message>
        <source>The template has no file name yet; use Save As.</source>
        <translation>模板还没有文件名；请使用“另存为”。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateParser</name>
    <message>
        <source>Cannot check the unsaved text</source>
        <translation>无法检查未保存的文本</translation>
    </message>
    <message>
        <source>No scratch directory could be written.</source>
        <translation>无法写入临时目录。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::AskDialog</name>
    <message>
        <source>%1 is waiting</source>
        <translation>%1 正在等待</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Let the build go on</source>
        <translation>让构建继续</translation>
    </message>
</context>
<context>
    <name>kiln::ui::BuildDock</name>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>中止（保留机器）</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <source>Run cleanup provisioner</source>
        <translation>运行清理配置器</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel the running builds; they clean up</source>
        <translation>取消正在运行的构建；它们会自行清理</translation>
    </message>
    <message>
        <source>Builds to run (-only)</source>
        <translation>要运行的构建 (-only)</translation>
    </message>
    <message>
        <source>On error:</source>
        <translation>出错时：</translation>
    </message>
    <message>
        <source>What a failing build does (-on-error)</source>
        <translation>构建失败时的处理方式 (-on-error)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>回答…</translation>
    </message>
    <message>
        <source>A build is waiting for an answer</source>
        <translation>有一个构建正在等待回答</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>产物</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>产物 (%1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s) failed</source>
        <translation>
            <numerusform>%n 个构建失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>All builds</source>
        <translation>所有构建</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>仅：%1</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>运行…</translation>
    </message>
    <message>
        <source>Build the template (Ctrl+Shift+B)</source>
        <translation>构建模板 (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Choose builds, variables and options, then build (Ctrl+B)</source>
        <translation>选择构建、变量和选项，然后构建 (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ConsolePane</name>
    <message>
        <source>Find in output</source>
        <translation>在输出中查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>上一个匹配 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>下一个匹配 (F3)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>查找…</translation>
    </message>
    <message>
        <source>Show Timestamps</source>
        <translation>显示时间戳</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>日志 (*.log *.txt)</translation>
    </message>
    <message>
        <source>Fold All Steps</source>
        <translation>折叠所有步骤</translation>
    </message>
    <message>
        <source>Unfold All Steps</source>
        <translation>展开所有步骤</translation>
    </message>
</context>
<context>
    <name>kiln::ui::EditorDiagnostics</name>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExampleGalleryDialog</name>
    <message>
        <source>New from Example</source>
        <translation>从示例新建</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>No examples directory was found next to this installation of Kiln.</source>
        <translation>在此 Kiln 安装旁未找到示例目录。</translation>
    </message>
    <message>
        <source>%1 holds no example templates.</source>
        <translation>%1 中没有示例模板。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExportDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>GitHub Actions workflow</source>
        <translation>GitHub Actions 工作流</translation>
    </message>
    <message>
        <source>GitLab CI pipeline</source>
        <translation>GitLab CI 流水线</translation>
    </message>
    <message>
        <source>HCL2 template for Packer</source>
        <translation>用于 Packer 的 HCL2 模板</translation>
    </message>
    <message>
        <source>JSON template for Packer</source>
        <translation>用于 Packer 的 JSON 模板</translation>
    </message>
    <message>
        <source>Packer</source>
        <translation>Packer</translation>
    </message>
    <message>
        <source>Kiln</source>
        <translation>Kiln</translation>
    </message>
    <message>
        <source>What the CI jobs install and build with. Kiln&apos;s own components need Kiln.</source>
        <translation>CI 作业安装并用于构建的工具。Kiln 自有的组件需要 Kiln。</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Runner:</source>
        <translation>运行工具(&amp;R)：</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>保存导出结果</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::FieldEditor</name>
    <message>
        <source>HCL expression, e.g. var.name</source>
        <translation>HCL 表达式，例如 var.name</translation>
    </message>
    <message>
        <source>Edit as an HCL expression (var.x, &quot;${...}&quot;, functions)</source>
        <translation>作为 HCL 表达式编辑（var.x、&quot;${...}&quot;、函数）</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Choose a path</source>
        <translation>选择路径</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>(not set — %1)</source>
        <translation>（未设置 — %1）</translation>
    </message>
    <message>
        <source>one value per line</source>
        <translation>每行一个值</translation>
    </message>
    <message>
        <source>key = value, one per line</source>
        <translation>键 = 值，每行一个</translation>
    </message>
</context>
<context>
    <name>kiln::ui::GraphLayout</name>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Locals</source>
        <translation>本地值</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>数据源</translation>
    </message>
</context>
<context>
    <name>kiln::ui::HclLexer</name>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Block type</source>
        <translation>块类型</translation>
    </message>
    <message>
        <source>Argument name</source>
        <translation>参数名</translation>
    </message>
    <message>
        <source>Block label</source>
        <translation>块标签</translation>
    </message>
    <message>
        <source>String</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>Template sequence</source>
        <translation>模板序列</translation>
    </message>
    <message>
        <source>Heredoc marker</source>
        <translation>Heredoc 标记</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>关键字</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>运算符</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Escape sequence</source>
        <translation>转义序列</translation>
    </message>
</context>
<context>
    <name>kiln::ui::InspectorDock</name>
    <message>
        <source>The type constraint, e.g. string or list(string).</source>
        <translation>类型约束，例如 string 或 list(string)。</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>未提供值时使用的值。</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>该变量的用途。</translation>
    </message>
    <message>
        <source>Hide the value in output.</source>
        <translation>在输出中隐藏该值。</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Select a block in the graph to see its settings.</source>
        <translation>在图中选择一个块以查看其设置。</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Default: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br/&gt;默认值：&lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;Required&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;必填&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not in the component&apos;s schema.</source>
        <translation>不在该组件的架构中。</translation>
    </message>
    <message>
        <source>Variables of JSON templates are edited in the text view.</source>
        <translation>JSON 模板的变量在文本视图中编辑。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::LaneItem</name>
    <message>
        <source>Build #%1</source>
        <translation>构建 #%1</translation>
    </message>
    <message>
        <source>Build · %1</source>
        <translation>构建 · %1</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 个源</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 个源</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Drop provisioners and post-processors here</source>
        <translation>将配置器和后处理器拖放到此处</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running · %1</source>
        <translation>
            <numerusform>%n 个运行中 · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 个已取消</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::LanguageMenu</name>
    <message>
        <source>Kiln will use the new language the next time it starts.</source>
        <translation>Kiln 将在下次启动时使用新语言。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>系统默认（%1）</translation>
    </message>
</context>
<context>
    <name>kiln::ui::MainWindow</name>
    <message>
        <source>Cannot open template</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1（第 %2 行）：%3</translation>
    </message>
    <message>
        <source>The text does not parse — the graph shows the last valid pipeline. %1</source>
        <translation>文本无法解析 — 图中显示的是上一个有效的流水线。%1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题 (%1)</translation>
    </message>
    <message>
        <source>%1  ·  parsed in %2 ms</source>
        <translation>%1  ·  解析耗时 %2 毫秒</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 有未保存的更改。先保存吗？</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New from &amp;Example…</source>
        <translation>从示例新建(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Upgrade to HCL2</source>
        <translation>升级到 HCL2(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>打开目录(&amp;D)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Ctrl+Y</source>
        <translation>Ctrl+Y</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>快速添加(&amp;Q)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Maximise &amp;Graph</source>
        <translation>最大化图(&amp;G)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Maximise &amp;Text</source>
        <translation>最大化文本(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>&amp;Split Graph and Text</source>
        <translation>拆分图和文本(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>配置有效。</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Open Template Directory</source>
        <translation>打开模板目录</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>打开模板</translation>
    </message>
    <message>
        <source>Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)</source>
        <translation>Packer 模板 (*.pkr.hcl *.pkr.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>模板另存为</translation>
    </message>
    <message>
        <source>HCL2 templates (*.pkr.hcl);;All files (*)</source>
        <translation>HCL2 模板 (*.pkr.hcl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>已复制 %1</translation>
    </message>
    <message>
        <source>The clipboard holds no source, provisioner or post-processor block.</source>
        <translation>剪贴板中没有源、配置器或后处理器块。</translation>
    </message>
    <message>
        <source>No component named %1</source>
        <translation>没有名为 %1 的组件</translation>
    </message>
    <message>
        <source>Add component…</source>
        <translation>添加组件…</translation>
    </message>
    <message>
        <source>Connect to build</source>
        <translation>连接到构建</translation>
    </message>
    <message>
        <source>Disconnect from build</source>
        <translation>与构建断开</translation>
    </message>
    <message>
        <source>New template from the example “%1”</source>
        <translation>基于示例“%1”的新模板</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: the JSON template has errors (see Problems)</source>
        <translation>无法升级 %1：JSON 模板有错误（请参阅“问题”）</translation>
    </message>
    <message>
        <source>Upgraded to HCL2; save to write %1</source>
        <translation>已升级到 HCL2；保存后将写入 %1</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk</source>
        <translation>已保留您的编辑；保存将覆盖磁盘上的文件</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>已重新加载 %1：它在磁盘上已更改</translation>
    </message>
    <message>
        <source>Restored the autosaved edits; save to keep them</source>
        <translation>已恢复自动保存的编辑；请保存以保留它们</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>创建副本(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Build &amp;With Options…</source>
        <translation>带选项构建(&amp;W)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
</context>
<context>
    <name>kiln::ui::NodeItem</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;line %1, column %2&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;第 %1 行，第 %2 列&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PaletteDock</name>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>搜索组件</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineScene</name>
    <message>
        <source>+ %1 more</source>
        <translation>+ 另外 %1 个</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>收起</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineView</name>
    <message>
        <source>No pipeline yet</source>
        <translation>还没有流水线</translation>
    </message>
    <message>
        <source>Drag a builder from the Components list onto the canvas, type its name here to add it, or write the template in the text view below. File ▸ Open loads an existing template.</source>
        <translation>从组件列表中将构建器拖到画布上，或在此输入其名称来添加，或在下方的文本视图中编写模板。“文件 ▸ 打开”可载入现有模板。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ProblemsView</name>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>an untitled template</source>
        <translation>一个未命名模板</translation>
    </message>
    <message>
        <source>Kiln found unsaved edits to %1 from %2 that were not saved before it closed.</source>
        <translation>Kiln 发现了 %1 在 %2 的编辑，这些编辑在关闭前未保存。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ReloadBar</name>
    <message>
        <source>Reload from disk (lose your edits)</source>
        <translation>从磁盘重新加载（丢失您的编辑）</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits.</source>
        <translation>%1 已在磁盘上更改，而您有未保存的编辑。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::RunDialog</name>
    <message>
        <source>Clean up</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>中止（保留机器）</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>询问</translation>
    </message>
    <message>
        <source>Run the error-cleanup provisioner</source>
        <translation>运行 error-cleanup 配置器</translation>
    </message>
    <message>
        <source>Run Builds</source>
        <translation>运行构建</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Every build</source>
        <translation>所有构建</translation>
    </message>
    <message>
        <source>Only the checked ones (-only)</source>
        <translation>仅勾选的 (-only)</translation>
    </message>
    <message>
        <source>All but the checked ones (-except)</source>
        <translation>除勾选外的全部 (-except)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Required: the template has no default.</source>
        <translation>必填：模板没有默认值。</translation>
    </message>
    <message>
        <source>sensitive (default hidden)</source>
        <translation>敏感（默认值已隐藏）</translation>
    </message>
    <message>
        <source>sensitive, required</source>
        <translation>敏感，必填</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the value while you type it; it is never remembered</source>
        <translation>输入时显示该值；它永远不会被记住</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>The template declares no input variables.</source>
        <translation>模板未声明任何输入变量。</translation>
    </message>
    <message>
        <source>Variable files (-var-file):</source>
        <translation>变量文件 (-var-file)：</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>On error (-on-error):</source>
        <translation>出错时 (-on-error)：</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Parallel builds (-parallel-builds):</source>
        <translation>并行构建数 (-parallel-builds)：</translation>
    </message>
    <message>
        <source>Replace existing output directories (-force)</source>
        <translation>替换现有的输出目录 (-force)</translation>
    </message>
    <message>
        <source>Debug: one build at a time, pause after each step (-debug)</source>
        <translation>调试：一次一个构建，每一步后暂停 (-debug)</translation>
    </message>
    <message>
        <source>Warn about values for undeclared variables</source>
        <translation>对未声明变量的值发出警告</translation>
    </message>
    <message>
        <source>Variable Files</source>
        <translation>变量文件</translation>
    </message>
    <message>
        <source>Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)</source>
        <translation>Packer 变量文件 (*.pkrvars.hcl *.pkrvars.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No value yet for: %1</source>
        <translation>尚无值：%1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::TemplateTextEditor</name>
    <message>
        <source>Go to Definition</source>
        <translation>转到定义</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>返回</translation>
    </message>
</context>
</TS>
