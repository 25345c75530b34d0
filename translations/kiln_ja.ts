<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>QsciScintilla</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>すべて選択</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
</context>
<context>
    <name>kiln::models::AutosaveStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 を作成できません</translation>
    </message>
</context>
<context>
    <name>kiln::models::BuildRunModel</name>
    <message>
        <source>[… %1 lines not drawn: output came faster than the console can show it; Save Log has them …]</source>
        <translation>[… %1 行は表示されていません: 出力がコンソールの表示速度を上回りました。「ログを保存」で全行を保存できます …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::CompletionEngine</name>
    <message>
        <source>Default: %1</source>
        <translation>既定値: %1</translation>
    </message>
    <message>
        <source>Deprecated.</source>
        <translation>非推奨です。</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>、必須</translation>
    </message>
    <message>
        <source>Input variables: var.NAME</source>
        <translation>入力変数: var.NAME</translation>
    </message>
    <message>
        <source>Local values: local.NAME</source>
        <translation>ローカル値: local.NAME</translation>
    </message>
    <message>
        <source>Sources: source.TYPE.NAME</source>
        <translation>ソース: source.TYPE.NAME</translation>
    </message>
    <message>
        <source>Data sources: data.TYPE.NAME</source>
        <translation>データソース: data.TYPE.NAME</translation>
    </message>
    <message>
        <source>The directory of the template.</source>
        <translation>テンプレートのディレクトリ。</translation>
    </message>
    <message>
        <source>The directory Packer was started in.</source>
        <translation>Packer を起動したディレクトリ。</translation>
    </message>
    <message>
        <source>The version of Packer (Kiln) running.</source>
        <translation>実行中の Packer (Kiln) のバージョン。</translation>
    </message>
</context>
<context>
    <name>kiln::models::ConsoleBuffer</name>
    <message>
        <source> [… %1 more characters]</source>
        <translation> [… さらに %1 文字]</translation>
    </message>
    <message>
        <source>[… %1 lines elided to bound memory …]</source>
        <translation>[… メモリを抑えるため %1 行を省略 …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::DocumentAutosaver</name>
    <message>
        <source>Restore Autosaved Edits</source>
        <translation>自動保存された編集を復元</translation>
    </message>
</context>
<context>
    <name>kiln::models::ExportPreview</name>
    <message>
        <source>Save the template first: the export reads it from disk.</source>
        <translation>先にテンプレートを保存してください。エクスポートはディスクから読み込みます。</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1 を実行できませんでした: %2</translation>
    </message>
</context>
<context>
    <name>kiln::models::PackerBlockSchemas</name>
    <message>
        <source>Settings of Packer itself: required_version, required_plugins.</source>
        <translation>Packer 自体の設定: required_version、required_plugins。</translation>
    </message>
    <message>
        <source>A reusable builder configuration: source &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>再利用できるビルダーの設定: source &quot;TYPE&quot; &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>A data source read before the builds: data &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>ビルドの前に読み込まれるデータソース: data &quot;TYPE&quot; &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>An input variable: variable &quot;NAME&quot;.</source>
        <translation>入力変数: variable &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>Several input variables as NAME = DEFAULT arguments.</source>
        <translation>NAME = DEFAULT 形式の引数で書く複数の入力変数。</translation>
    </message>
    <message>
        <source>Local values as NAME = EXPRESSION.</source>
        <translation>NAME = EXPRESSION 形式のローカル値。</translation>
    </message>
    <message>
        <source>One local value that may be marked sensitive: local &quot;NAME&quot;.</source>
        <translation>機密として指定できるローカル値: local &quot;NAME&quot;。</translation>
    </message>
    <message>
        <source>What to build: sources, provisioners and post-processors.</source>
        <translation>ビルドする内容: ソース、プロビジョナー、ポストプロセッサー。</translation>
    </message>
    <message>
        <source>The name of the build, shown in output and used by -only/-except.</source>
        <translation>ビルドの名前。出力に表示され、-only/-except で使われます。</translation>
    </message>
    <message>
        <source>A description of the build.</source>
        <translation>ビルドの説明。</translation>
    </message>
    <message>
        <source>References to source blocks: &quot;source.TYPE.NAME&quot;.</source>
        <translation>source ブロックへの参照: &quot;source.TYPE.NAME&quot;。</translation>
    </message>
    <message>
        <source>Use a source and set or override its arguments: source &quot;TYPE.NAME&quot;.</source>
        <translation>ソースを使い、その引数を設定または上書きします: source &quot;TYPE.NAME&quot;。</translation>
    </message>
    <message>
        <source>A provisioner run on every source of the build, in order.</source>
        <translation>ビルドの各ソースで順に実行されるプロビジョナー。</translation>
    </message>
    <message>
        <source>A post-processor run on each artifact.</source>
        <translation>各アーティファクトに対して実行されるポストプロセッサー。</translation>
    </message>
    <message>
        <source>A chain of post-processors, each fed the previous artifact.</source>
        <translation>ポストプロセッサーの連鎖。それぞれが前の成果物を受け取ります。</translation>
    </message>
    <message>
        <source>One post-processor of the chain.</source>
        <translation>連鎖の中のポストプロセッサー 1 つ。</translation>
    </message>
    <message>
        <source>An expression that must be true for the value to be accepted.</source>
        <translation>値が受け入れられるために真でなければならない式。</translation>
    </message>
    <message>
        <source>The message shown when the condition is false.</source>
        <translation>条件が偽のときに表示されるメッセージ。</translation>
    </message>
    <message>
        <source>The type constraint, e.g. string, list(string).</source>
        <translation>型制約。例: string、list(string)。</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>値が指定されないときに使われる値。</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>変数の用途。</translation>
    </message>
    <message>
        <source>Hide the value in output (replaced by &lt;sensitive&gt;).</source>
        <translation>出力で値を隠します (&lt;sensitive&gt; に置き換え)。</translation>
    </message>
    <message>
        <source>A rule the value must satisfy.</source>
        <translation>値が満たすべき規則。</translation>
    </message>
    <message>
        <source>A version constraint Packer must satisfy, e.g. &quot;&gt;= 1.7.0&quot;.</source>
        <translation>Packer が満たすべきバージョン制約。例: &quot;&gt;= 1.7.0&quot;。</translation>
    </message>
    <message>
        <source>The plugins the template needs, as NAME = { version, source }.</source>
        <translation>テンプレートが必要とするプラグイン。NAME = { version, source } の形式。</translation>
    </message>
    <message>
        <source>The name this use of the source gets in the build.</source>
        <translation>このソースの使用にビルド内で付ける名前。</translation>
    </message>
    <message>
        <source>The collection to generate one block for each element of.</source>
        <translation>要素ごとにブロックを 1 つ生成するコレクション。</translation>
    </message>
    <message>
        <source>The name of the temporary variable for the current element (default: the block&apos;s name).</source>
        <translation>現在の要素を表す一時変数の名前 (既定: ブロックの名前)。</translation>
    </message>
    <message>
        <source>The labels of each generated block.</source>
        <translation>生成される各ブロックのラベル。</translation>
    </message>
    <message>
        <source>The body of each generated block.</source>
        <translation>生成される各ブロックの本体。</translation>
    </message>
</context>
<context>
    <name>kiln::models::PaletteModel</name>
    <message>
        <source>Builders</source>
        <translation>ビルダー</translation>
    </message>
    <message>
        <source>Provisioners</source>
        <translation>プロビジョナー</translation>
    </message>
    <message>
        <source>Post-processors</source>
        <translation>ポストプロセッサー</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>データソース</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineBuild</name>
    <message>
        <source>build #%1</source>
        <translation>ビルド #%1</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineEditing</name>
    <message>
        <source>The block is not in a file of this template.</source>
        <translation>このブロックはこのテンプレートのファイルにありません。</translation>
    </message>
    <message>
        <source>Add data source %1</source>
        <translation>データソース %1 を追加</translation>
    </message>
    <message>
        <source>Add source %1.%2</source>
        <translation>ソース %1.%2 を追加</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>ソースを追加</translation>
    </message>
    <message>
        <source>Connect source</source>
        <translation>ソースを接続</translation>
    </message>
    <message>
        <source>Add build</source>
        <translation>ビルドを追加</translation>
    </message>
    <message>
        <source>Drop the component on a build lane.</source>
        <translation>コンポーネントをビルドのレーンにドロップしてください。</translation>
    </message>
    <message>
        <source>Add provisioner %1</source>
        <translation>プロビジョナー %1 を追加</translation>
    </message>
    <message>
        <source>Add post-processor %1</source>
        <translation>ポストプロセッサー %1 を追加</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>削除するものがありません。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Delete %1 blocks</source>
        <translation>%1 個のブロックを削除</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Nothing to duplicate.</source>
        <translation>複製するものがありません。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>移動するものがありません。</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 を移動</translation>
    </message>
    <message>
        <source>Connect a source to a build.</source>
        <translation>ソースをビルドに接続してください。</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 を接続</translation>
    </message>
    <message>
        <source>Disconnect a source from a build.</source>
        <translation>ソースをビルドから切断してください。</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 を切断</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>ソースを貼り付け</translation>
    </message>
    <message>
        <source>Select a build lane to paste into.</source>
        <translation>貼り付け先のビルドのレーンを選択してください。</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>No such block.</source>
        <translation>そのブロックはありません。</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 を設定</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 をクリア</translation>
    </message>
    <message>
        <source>The copied blocks are JSON; paste them into a JSON template.</source>
        <translation>コピーしたブロックは JSON です。JSON テンプレートに貼り付けてください。</translation>
    </message>
    <message>
        <source>The copied blocks are HCL; paste them into an HCL template.</source>
        <translation>コピーしたブロックは HCL です。HCL テンプレートに貼り付けてください。</translation>
    </message>
    <message>
        <source>A legacy JSON template has one implicit build that every builder feeds; there is nothing to connect or disconnect. Use &quot;only&quot; and &quot;except&quot; on provisioners and post-processors to limit them to some builders.</source>
        <translation>レガシー JSON テンプレートには、すべてのビルダーが供給する暗黙のビルドが 1 つだけあるため、接続や切断の対象はありません。プロビジョナーやポストプロセッサーを一部のビルダーに限定するには &quot;only&quot; と &quot;except&quot; を使用してください。</translation>
    </message>
    <message>
        <source>Legacy JSON templates have no data sources. Upgrade the template to HCL2 to use them.</source>
        <translation>レガシー JSON テンプレートにはデータソースがありません。使用するにはテンプレートを HCL2 にアップグレードしてください。</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateDocument</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 は存在しません</translation>
    </message>
    <message>
        <source>%1 holds no *.pkr.hcl or *.pkr.json file</source>
        <translation>%1 には *.pkr.hcl や *.pkr.json のファイルがありません</translation>
    </message>
    <message>
        <source>The template has no file name yet; use Save As.</source>
        <translation>テンプレートにはまだファイル名がありません。「名前を付けて保存」を使ってください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>入力</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateParser</name>
    <message>
        <source>Cannot check the unsaved text</source>
        <translation>未保存のテキストを検査できません</translation>
    </message>
    <message>
        <source>No scratch directory could be written.</source>
        <translation>作業用の一時ディレクトリに書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::AskDialog</name>
    <message>
        <source>%1 is waiting</source>
        <translation>%1 が待機中です</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>続行</translation>
    </message>
    <message>
        <source>Let the build go on</source>
        <translation>ビルドを続行させます</translation>
    </message>
</context>
<context>
    <name>kiln::ui::BuildDock</name>
    <message>
        <source>Clean up</source>
        <translation>クリーンアップ</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>中止 (マシンを残す)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>確認する</translation>
    </message>
    <message>
        <source>Run cleanup provisioner</source>
        <translation>クリーンアップ用プロビジョナーを実行</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel the running builds; they clean up</source>
        <translation>実行中のビルドをキャンセルします (後片付けは行われます)</translation>
    </message>
    <message>
        <source>Builds to run (-only)</source>
        <translation>実行するビルド (-only)</translation>
    </message>
    <message>
        <source>On error:</source>
        <translation>エラー時:</translation>
    </message>
    <message>
        <source>What a failing build does (-on-error)</source>
        <translation>ビルドが失敗したときの動作 (-on-error)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>回答…</translation>
    </message>
    <message>
        <source>A build is waiting for an answer</source>
        <translation>ビルドが回答を待っています</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>アーティファクト</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>アーティファクト (%1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s) failed</source>
        <translation>
            <numerusform>%n 件のビルドが失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>All builds</source>
        <translation>すべてのビルド</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>対象: %1</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>実行…</translation>
    </message>
    <message>
        <source>Build the template (Ctrl+Shift+B)</source>
        <translation>テンプレートをビルド (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Choose builds, variables and options, then build (Ctrl+B)</source>
        <translation>ビルド、変数、オプションを選んでからビルド (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ConsolePane</name>
    <message>
        <source>Find in output</source>
        <translation>出力内を検索</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>前の一致 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>次の一致 (F3)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>検索…</translation>
    </message>
    <message>
        <source>Show Timestamps</source>
        <translation>タイムスタンプを表示</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>ログを保存…</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>ログを保存</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>ログ (*.log *.txt)</translation>
    </message>
    <message>
        <source>Fold All Steps</source>
        <translation>すべてのステップを折りたたむ</translation>
    </message>
    <message>
        <source>Unfold All Steps</source>
        <translation>すべてのステップを展開</translation>
    </message>
</context>
<context>
    <name>kiln::ui::EditorDiagnostics</name>
    <message>
        <source>Error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExampleGalleryDialog</name>
    <message>
        <source>New from Example</source>
        <translation>サンプルから新規作成</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>作成</translation>
    </message>
    <message>
        <source>No examples directory was found next to this installation of Kiln.</source>
        <translation>この Kiln のインストール先にサンプルのディレクトリが見つかりませんでした。</translation>
    </message>
    <message>
        <source>%1 holds no example templates.</source>
        <translation>%1 にはサンプルのテンプレートがありません。</translation>
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
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>GitHub Actions workflow</source>
        <translation>GitHub Actions ワークフロー</translation>
    </message>
    <message>
        <source>GitLab CI pipeline</source>
        <translation>GitLab CI パイプライン</translation>
    </message>
    <message>
        <source>HCL2 template for Packer</source>
        <translation>Packer 用 HCL2 テンプレート</translation>
    </message>
    <message>
        <source>JSON template for Packer</source>
        <translation>Packer 用 JSON テンプレート</translation>
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
        <translation>CI ジョブがインストールしてビルドに使うもの。Kiln 独自のコンポーネントには Kiln が必要です。</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>出力先(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Runner:</source>
        <translation>実行ツール(&amp;R):</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポート中…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>エクスポートを保存</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>%1 に保存しました</translation>
    </message>
</context>
<context>
    <name>kiln::ui::FieldEditor</name>
    <message>
        <source>HCL expression, e.g. var.name</source>
        <translation>HCL の式。例: var.name</translation>
    </message>
    <message>
        <source>Edit as an HCL expression (var.x, &quot;${...}&quot;, functions)</source>
        <translation>HCL の式として編集 (var.x、&quot;${...}&quot;、関数)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>Choose a path</source>
        <translation>パスを選択</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(未設定)</translation>
    </message>
    <message>
        <source>(not set — %1)</source>
        <translation>(未設定 — %1)</translation>
    </message>
    <message>
        <source>one value per line</source>
        <translation>1 行に 1 つの値</translation>
    </message>
    <message>
        <source>key = value, one per line</source>
        <translation>キー = 値 (1 行に 1 つ)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::GraphLayout</name>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Locals</source>
        <translation>ローカル値</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>データソース</translation>
    </message>
</context>
<context>
    <name>kiln::ui::HclLexer</name>
    <message>
        <source>Default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <source>Block type</source>
        <translation>ブロックの種類</translation>
    </message>
    <message>
        <source>Argument name</source>
        <translation>引数名</translation>
    </message>
    <message>
        <source>Block label</source>
        <translation>ブロックのラベル</translation>
    </message>
    <message>
        <source>String</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>Template sequence</source>
        <translation>テンプレートシーケンス</translation>
    </message>
    <message>
        <source>Heredoc marker</source>
        <translation>ヒアドキュメントのマーカー</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>キーワード</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>演算子</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>関数</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>Escape sequence</source>
        <translation>エスケープシーケンス</translation>
    </message>
</context>
<context>
    <name>kiln::ui::InspectorDock</name>
    <message>
        <source>The type constraint, e.g. string or list(string).</source>
        <translation>型制約。例: string または list(string)。</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>値が指定されないときに使われる値。</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>変数の用途。</translation>
    </message>
    <message>
        <source>Hide the value in output.</source>
        <translation>出力で値を隠します。</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>インスペクター</translation>
    </message>
    <message>
        <source>Select a block in the graph to see its settings.</source>
        <translation>グラフでブロックを選択すると設定が表示されます。</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Default: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br/&gt;既定値: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;Required&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;必須&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not in the component&apos;s schema.</source>
        <translation>コンポーネントのスキーマにありません。</translation>
    </message>
    <message>
        <source>Variables of JSON templates are edited in the text view.</source>
        <translation>JSON テンプレートの変数はテキストビューで編集します。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::LaneItem</name>
    <message>
        <source>Build #%1</source>
        <translation>ビルド #%1</translation>
    </message>
    <message>
        <source>Build · %1</source>
        <translation>ビルド · %1</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>ソース 1 件</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>ソース %1 件</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Drop provisioners and post-processors here</source>
        <translation>ここにプロビジョナーとポストプロセッサーをドロップ</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 件実行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running · %1</source>
        <translation>
            <numerusform>%n 件実行中 · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 件完了</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 件失敗</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n 件キャンセル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::LanguageMenu</name>
    <message>
        <source>Kiln will use the new language the next time it starts.</source>
        <translation>次回の起動時から Kiln は新しい言語で表示されます。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>システムの既定 (%1)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::MainWindow</name>
    <message>
        <source>Cannot open template</source>
        <translation>テンプレートを開けません</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (%2 行目): %3</translation>
    </message>
    <message>
        <source>The text does not parse — the graph shows the last valid pipeline. %1</source>
        <translation>テキストを解析できません — グラフには最後に有効だったパイプラインを表示しています。%1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>問題 (%1)</translation>
    </message>
    <message>
        <source>%1  ·  parsed in %2 ms</source>
        <translation>%1  ·  解析 %2 ms</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>問題はありません</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 には未保存の変更があります。先に保存しますか?</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>ビルド</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>New from &amp;Example…</source>
        <translation>サンプルから新規作成(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Upgrade to HCL2</source>
        <translation>HCL2 にアップグレード(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>ディレクトリを開く(&amp;D)…</translation>
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
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
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
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>クイック追加(&amp;Q)…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトをリセット(&amp;R)</translation>
    </message>
    <message>
        <source>Maximise &amp;Graph</source>
        <translation>グラフを最大化(&amp;G)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Maximise &amp;Text</source>
        <translation>テキストを最大化(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>&amp;Split Graph and Text</source>
        <translation>グラフとテキストを分割(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>検証(&amp;V)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>構成は有効です。</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>ビルド(&amp;B)</translation>
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
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったファイル(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Open Template Directory</source>
        <translation>テンプレートのディレクトリを開く</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>テンプレートを開く</translation>
    </message>
    <message>
        <source>Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)</source>
        <translation>Packer テンプレート (*.pkr.hcl *.pkr.json *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>テンプレートに名前を付けて保存</translation>
    </message>
    <message>
        <source>HCL2 templates (*.pkr.hcl);;All files (*)</source>
        <translation>HCL2 テンプレート (*.pkr.hcl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 をコピーしました</translation>
    </message>
    <message>
        <source>The clipboard holds no source, provisioner or post-processor block.</source>
        <translation>クリップボードにソース、プロビジョナー、ポストプロセッサーのブロックがありません。</translation>
    </message>
    <message>
        <source>No component named %1</source>
        <translation>%1 という名前のコンポーネントはありません</translation>
    </message>
    <message>
        <source>Add component…</source>
        <translation>コンポーネントを追加…</translation>
    </message>
    <message>
        <source>Connect to build</source>
        <translation>ビルドに接続</translation>
    </message>
    <message>
        <source>Disconnect from build</source>
        <translation>ビルドから切断</translation>
    </message>
    <message>
        <source>New template from the example “%1”</source>
        <translation>サンプル「%1」から新しいテンプレート</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: the JSON template has errors (see Problems)</source>
        <translation>%1 をアップグレードできません: JSON テンプレートにエラーがあります (「問題」を参照)</translation>
    </message>
    <message>
        <source>Upgraded to HCL2; save to write %1</source>
        <translation>HCL2 にアップグレードしました。保存すると %1 に書き込みます</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk</source>
        <translation>編集内容を残しました。保存するとディスク上のファイルを上書きします</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>%1 を再読み込みしました: ディスク上で変更されました</translation>
    </message>
    <message>
        <source>Restored the autosaved edits; save to keep them</source>
        <translation>自動保存された編集を復元しました。残すには保存してください</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>保存時の状態に戻す(&amp;V)</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>複製(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>Build &amp;With Options…</source>
        <translation>オプションを指定してビルド(&amp;W)…</translation>
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
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;line %1, column %2&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;%1 行 %2 列&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PaletteDock</name>
    <message>
        <source>Components</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>コンポーネントを検索</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineScene</name>
    <message>
        <source>+ %1 more</source>
        <translation>+ さらに %1 件</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>表示を減らす</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineView</name>
    <message>
        <source>No pipeline yet</source>
        <translation>パイプラインはまだありません</translation>
    </message>
    <message>
        <source>Drag a builder from the Components list onto the canvas, type its name here to add it, or write the template in the text view below. File ▸ Open loads an existing template.</source>
        <translation>コンポーネント一覧からビルダーをキャンバスにドラッグするか、ここで名前を入力して追加するか、下のテキストビューでテンプレートを書いてください。既存のテンプレートは「ファイル ▸ 開く」で読み込めます。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ProblemsView</name>
    <message>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>問題はありません</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>エラー %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>an untitled template</source>
        <translation>無題のテンプレート</translation>
    </message>
    <message>
        <source>Kiln found unsaved edits to %1 from %2 that were not saved before it closed.</source>
        <translation>Kiln は、終了前に保存されなかった %1 の編集 (%2) を見つけました。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ReloadBar</name>
    <message>
        <source>Reload from disk (lose your edits)</source>
        <translation>ディスクから再読み込み (編集内容は失われます)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>自分の編集を残す</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits.</source>
        <translation>%1 はディスク上で変更されましたが、未保存の編集があります。</translation>
    </message>
</context>
<context>
    <name>kiln::ui::RunDialog</name>
    <message>
        <source>Clean up</source>
        <translation>クリーンアップ</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>中止 (マシンを残す)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>確認する</translation>
    </message>
    <message>
        <source>Run the error-cleanup provisioner</source>
        <translation>error-cleanup プロビジョナーを実行</translation>
    </message>
    <message>
        <source>Run Builds</source>
        <translation>ビルドを実行</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>ビルド</translation>
    </message>
    <message>
        <source>Every build</source>
        <translation>すべてのビルド</translation>
    </message>
    <message>
        <source>Only the checked ones (-only)</source>
        <translation>チェックしたものだけ (-only)</translation>
    </message>
    <message>
        <source>All but the checked ones (-except)</source>
        <translation>チェックしたもの以外すべて (-except)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>変数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Required: the template has no default.</source>
        <translation>必須: テンプレートに既定値がありません。</translation>
    </message>
    <message>
        <source>sensitive (default hidden)</source>
        <translation>機密 (既定値は非表示)</translation>
    </message>
    <message>
        <source>sensitive, required</source>
        <translation>機密、必須</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Show the value while you type it; it is never remembered</source>
        <translation>入力中の値を表示します (値が記憶されることはありません)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <source>The template declares no input variables.</source>
        <translation>テンプレートには入力変数が宣言されていません。</translation>
    </message>
    <message>
        <source>Variable files (-var-file):</source>
        <translation>変数ファイル (-var-file):</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>追加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>On error (-on-error):</source>
        <translation>エラー時 (-on-error):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>Parallel builds (-parallel-builds):</source>
        <translation>並列ビルド数 (-parallel-builds):</translation>
    </message>
    <message>
        <source>Replace existing output directories (-force)</source>
        <translation>既存の出力ディレクトリを置き換える (-force)</translation>
    </message>
    <message>
        <source>Debug: one build at a time, pause after each step (-debug)</source>
        <translation>デバッグ: ビルドを 1 つずつ実行し、各ステップの後で一時停止 (-debug)</translation>
    </message>
    <message>
        <source>Warn about values for undeclared variables</source>
        <translation>宣言されていない変数への値を警告する</translation>
    </message>
    <message>
        <source>Variable Files</source>
        <translation>変数ファイル</translation>
    </message>
    <message>
        <source>Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)</source>
        <translation>Packer 変数ファイル (*.pkrvars.hcl *.pkrvars.json *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>No value yet for: %1</source>
        <translation>まだ値がありません: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::TemplateTextEditor</name>
    <message>
        <source>Go to Definition</source>
        <translation>定義へ移動</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>戻る</translation>
    </message>
</context>
</TS>
