<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QsciScintilla</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>kiln::models::AutosaveStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>kiln::models::BuildRunModel</name>
    <message>
        <source>[… %1 lines not drawn: output came faster than the console can show it; Save Log has them …]</source>
        <translation>[… %1 Zeilen nicht angezeigt: Die Ausgabe kam schneller, als die Konsole sie darstellen kann; „Log speichern“ enthält sie …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::CompletionEngine</name>
    <message>
        <source>Default: %1</source>
        <translation>Standardwert: %1</translation>
    </message>
    <message>
        <source>Deprecated.</source>
        <translation>Veraltet.</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, erforderlich</translation>
    </message>
    <message>
        <source>Input variables: var.NAME</source>
        <translation>Eingabevariablen: var.NAME</translation>
    </message>
    <message>
        <source>Local values: local.NAME</source>
        <translation>Lokale Werte: local.NAME</translation>
    </message>
    <message>
        <source>Sources: source.TYPE.NAME</source>
        <translation>Sources: source.TYPE.NAME</translation>
    </message>
    <message>
        <source>Data sources: data.TYPE.NAME</source>
        <translation>Datenquellen: data.TYPE.NAME</translation>
    </message>
    <message>
        <source>The directory of the template.</source>
        <translation>Das Verzeichnis der Vorlage.</translation>
    </message>
    <message>
        <source>The directory Packer was started in.</source>
        <translation>Das Verzeichnis, in dem Packer gestartet wurde.</translation>
    </message>
    <message>
        <source>The version of Packer (Kiln) running.</source>
        <translation>Die Version des laufenden Packer (Kiln).</translation>
    </message>
</context>
<context>
    <name>kiln::models::ConsoleBuffer</name>
    <message>
        <source> [… %1 more characters]</source>
        <translation> [… %1 weitere Zeichen]</translation>
    </message>
    <message>
        <source>[… %1 lines elided to bound memory …]</source>
        <translation>[… %1 Zeilen ausgelassen, um den Speicher zu begrenzen …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::DocumentAutosaver</name>
    <message>
        <source>Restore Autosaved Edits</source>
        <translation>Automatisch gesicherte Änderungen wiederherstellen</translation>
    </message>
</context>
<context>
    <name>kiln::models::ExportPreview</name>
    <message>
        <source>Save the template first: the export reads it from disk.</source>
        <translation>Speichern Sie zuerst die Vorlage: Der Export liest sie von der Festplatte.</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>%1 konnte nicht ausgeführt werden: %2</translation>
    </message>
</context>
<context>
    <name>kiln::models::PackerBlockSchemas</name>
    <message>
        <source>Settings of Packer itself: required_version, required_plugins.</source>
        <translation>Einstellungen von Packer selbst: required_version, required_plugins.</translation>
    </message>
    <message>
        <source>A reusable builder configuration: source &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Eine wiederverwendbare Builder-Konfiguration: source &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>A data source read before the builds: data &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Eine Datenquelle, die vor den Builds gelesen wird: data &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>An input variable: variable &quot;NAME&quot;.</source>
        <translation>Eine Eingabevariable: variable &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>Several input variables as NAME = DEFAULT arguments.</source>
        <translation>Mehrere Eingabevariablen als Argumente NAME = DEFAULT.</translation>
    </message>
    <message>
        <source>Local values as NAME = EXPRESSION.</source>
        <translation>Lokale Werte als NAME = EXPRESSION.</translation>
    </message>
    <message>
        <source>One local value that may be marked sensitive: local &quot;NAME&quot;.</source>
        <translation>Ein lokaler Wert, der als sensibel markiert werden kann: local &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>What to build: sources, provisioners and post-processors.</source>
        <translation>Was gebaut wird: Sources, Provisioner und Post-Processors.</translation>
    </message>
    <message>
        <source>The name of the build, shown in output and used by -only/-except.</source>
        <translation>Der Name des Builds, in der Ausgabe angezeigt und von -only/-except verwendet.</translation>
    </message>
    <message>
        <source>A description of the build.</source>
        <translation>Eine Beschreibung des Builds.</translation>
    </message>
    <message>
        <source>References to source blocks: &quot;source.TYPE.NAME&quot;.</source>
        <translation>Verweise auf Source-Blöcke: &quot;source.TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>Use a source and set or override its arguments: source &quot;TYPE.NAME&quot;.</source>
        <translation>Eine Source verwenden und ihre Argumente setzen oder überschreiben: source &quot;TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>A provisioner run on every source of the build, in order.</source>
        <translation>Ein Provisioner, der der Reihe nach auf jeder Source des Builds läuft.</translation>
    </message>
    <message>
        <source>A post-processor run on each artifact.</source>
        <translation>Ein Post-Processor, der auf jedem Artefakt läuft.</translation>
    </message>
    <message>
        <source>A chain of post-processors, each fed the previous artifact.</source>
        <translation>Eine Kette von Post-Processors, jeder erhält das vorherige Artefakt.</translation>
    </message>
    <message>
        <source>One post-processor of the chain.</source>
        <translation>Ein Post-Processor der Kette.</translation>
    </message>
    <message>
        <source>An expression that must be true for the value to be accepted.</source>
        <translation>Ein Ausdruck, der wahr sein muss, damit der Wert akzeptiert wird.</translation>
    </message>
    <message>
        <source>The message shown when the condition is false.</source>
        <translation>Die Meldung, die erscheint, wenn die Bedingung falsch ist.</translation>
    </message>
    <message>
        <source>The type constraint, e.g. string, list(string).</source>
        <translation>Die Typeinschränkung, z. B. string, list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>Der Wert, der verwendet wird, wenn keiner angegeben ist.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>Wofür die Variable dient.</translation>
    </message>
    <message>
        <source>Hide the value in output (replaced by &lt;sensitive&gt;).</source>
        <translation>Den Wert in der Ausgabe verbergen (ersetzt durch &lt;sensitive&gt;).</translation>
    </message>
    <message>
        <source>A rule the value must satisfy.</source>
        <translation>Eine Regel, die der Wert erfüllen muss.</translation>
    </message>
    <message>
        <source>A version constraint Packer must satisfy, e.g. &quot;&gt;= 1.7.0&quot;.</source>
        <translation>Eine Versionseinschränkung, die Packer erfüllen muss, z. B. &quot;&gt;= 1.7.0&quot;.</translation>
    </message>
    <message>
        <source>The plugins the template needs, as NAME = { version, source }.</source>
        <translation>Die Plugins, die die Vorlage braucht, als NAME = { version, source }.</translation>
    </message>
    <message>
        <source>The name this use of the source gets in the build.</source>
        <translation>Der Name, den diese Verwendung der Source im Build erhält.</translation>
    </message>
    <message>
        <source>The collection to generate one block for each element of.</source>
        <translation>Die Sammlung, für deren Elemente je ein Block erzeugt wird.</translation>
    </message>
    <message>
        <source>The name of the temporary variable for the current element (default: the block&apos;s name).</source>
        <translation>Der Name der temporären Variablen für das aktuelle Element (Standard: der Name des Blocks).</translation>
    </message>
    <message>
        <source>The labels of each generated block.</source>
        <translation>Die Labels jedes erzeugten Blocks.</translation>
    </message>
    <message>
        <source>The body of each generated block.</source>
        <translation>Der Rumpf jedes erzeugten Blocks.</translation>
    </message>
</context>
<context>
    <name>kiln::models::PaletteModel</name>
    <message>
        <source>Builders</source>
        <translation>Builder</translation>
    </message>
    <message>
        <source>Provisioners</source>
        <translation>Provisioner</translation>
    </message>
    <message>
        <source>Post-processors</source>
        <translation>Post-Processors</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineBuild</name>
    <message>
        <source>build #%1</source>
        <translation>Build #%1</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineEditing</name>
    <message>
        <source>The block is not in a file of this template.</source>
        <translation>Der Block steht in keiner Datei dieser Vorlage.</translation>
    </message>
    <message>
        <source>Add data source %1</source>
        <translation>Datenquelle %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add source %1.%2</source>
        <translation>Source %1.%2 hinzufügen</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Source hinzufügen</translation>
    </message>
    <message>
        <source>Connect source</source>
        <translation>Source verbinden</translation>
    </message>
    <message>
        <source>Add build</source>
        <translation>Build hinzufügen</translation>
    </message>
    <message>
        <source>Drop the component on a build lane.</source>
        <translation>Legen Sie die Komponente auf einer Build-Bahn ab.</translation>
    </message>
    <message>
        <source>Add provisioner %1</source>
        <translation>Provisioner %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add post-processor %1</source>
        <translation>Post-Processor %1 hinzufügen</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>Nichts zu löschen.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Delete %1 blocks</source>
        <translation>%1 Blöcke löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Nothing to duplicate.</source>
        <translation>Nichts zu duplizieren.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>Nichts zu verschieben.</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Connect a source to a build.</source>
        <translation>Verbinden Sie eine Source mit einem Build.</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>%1 verbinden</translation>
    </message>
    <message>
        <source>Disconnect a source from a build.</source>
        <translation>Trennen Sie eine Source von einem Build.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>%1 trennen</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>Source einfügen</translation>
    </message>
    <message>
        <source>Select a build lane to paste into.</source>
        <translation>Wählen Sie eine Build-Bahn zum Einfügen aus.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>No such block.</source>
        <translation>Diesen Block gibt es nicht.</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>The copied blocks are JSON; paste them into a JSON template.</source>
        <translation>Die kopierten Blöcke sind JSON; fügen Sie sie in eine JSON-Vorlage ein.</translation>
    </message>
    <message>
        <source>The copied blocks are HCL; paste them into an HCL template.</source>
        <translation>Die kopierten Blöcke sind HCL; fügen Sie sie in eine HCL-Vorlage ein.</translation>
    </message>
    <message>
        <source>A legacy JSON template has one implicit build that every builder feeds; there is nothing to connect or disconnect. Use &quot;only&quot; and &quot;except&quot; on provisioners and post-processors to limit them to some builders.</source>
        <translation>Eine Legacy-JSON-Vorlage hat einen impliziten Build, den jeder Builder speist; es gibt nichts zu verbinden oder zu trennen. Verwenden Sie &quot;only&quot; und &quot;except&quot; an Provisionern und Post-Prozessoren, um sie auf einzelne Builder zu beschränken.</translation>
    </message>
    <message>
        <source>Legacy JSON templates have no data sources. Upgrade the template to HCL2 to use them.</source>
        <translation>Legacy-JSON-Vorlagen haben keine Datenquellen. Aktualisieren Sie die Vorlage auf HCL2, um sie zu verwenden.</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateDocument</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 holds no *.pkr.hcl or *.pkr.json file</source>
        <translation>%1 enthält keine *.pkr.hcl- oder *.pkr.json-Datei</translation>
    </message>
    <message>
        <source>The template has no file name yet; use Save As.</source>
        <translation>Die Vorlage hat noch keinen Dateinamen; verwenden Sie „Speichern unter“.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Eingabe</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateParser</name>
    <message>
        <source>Cannot check the unsaved text</source>
        <translation>Der ungespeicherte Text kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>No scratch directory could be written.</source>
        <translation>Es konnte kein temporäres Verzeichnis geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::AskDialog</name>
    <message>
        <source>%1 is waiting</source>
        <translation>%1 wartet</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortfahren</translation>
    </message>
    <message>
        <source>Let the build go on</source>
        <translation>Den Build weiterlaufen lassen</translation>
    </message>
</context>
<context>
    <name>kiln::ui::BuildDock</name>
    <message>
        <source>Clean up</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abbrechen (Maschine behalten)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Run cleanup provisioner</source>
        <translation>Cleanup-Provisioner ausführen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Cancel the running builds; they clean up</source>
        <translation>Laufende Builds abbrechen; sie räumen auf</translation>
    </message>
    <message>
        <source>Builds to run (-only)</source>
        <translation>Auszuführende Builds (-only)</translation>
    </message>
    <message>
        <source>On error:</source>
        <translation>Bei Fehler:</translation>
    </message>
    <message>
        <source>What a failing build does (-on-error)</source>
        <translation>Was ein fehlschlagender Build tut (-on-error)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Antworten…</translation>
    </message>
    <message>
        <source>A build is waiting for an answer</source>
        <translation>Ein Build wartet auf eine Antwort</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>Artefakte (%1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s) failed</source>
        <translation>
            <numerusform>%n Build fehlgeschlagen</numerusform>
            <numerusform>%n Builds fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>All builds</source>
        <translation>Alle Builds</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>Nur: %1</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Build the template (Ctrl+Shift+B)</source>
        <translation>Die Vorlage bauen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Choose builds, variables and options, then build (Ctrl+B)</source>
        <translation>Builds, Variablen und Optionen wählen, dann bauen (Strg+B)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ConsolePane</name>
    <message>
        <source>Find in output</source>
        <translation>In der Ausgabe suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Show Timestamps</source>
        <translation>Zeitstempel anzeigen</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>Log speichern…</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Log speichern</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>Logs (*.log *.txt)</translation>
    </message>
    <message>
        <source>Fold All Steps</source>
        <translation>Alle Schritte einklappen</translation>
    </message>
    <message>
        <source>Unfold All Steps</source>
        <translation>Alle Schritte ausklappen</translation>
    </message>
</context>
<context>
    <name>kiln::ui::EditorDiagnostics</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExampleGalleryDialog</name>
    <message>
        <source>New from Example</source>
        <translation>Neu aus Beispiel</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>No examples directory was found next to this installation of Kiln.</source>
        <translation>Neben dieser Kiln-Installation wurde kein Beispielverzeichnis gefunden.</translation>
    </message>
    <message>
        <source>%1 holds no example templates.</source>
        <translation>%1 enthält keine Beispielvorlagen.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExportDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>GitHub Actions workflow</source>
        <translation>GitHub-Actions-Workflow</translation>
    </message>
    <message>
        <source>GitLab CI pipeline</source>
        <translation>GitLab-CI-Pipeline</translation>
    </message>
    <message>
        <source>HCL2 template for Packer</source>
        <translation>HCL2-Vorlage für Packer</translation>
    </message>
    <message>
        <source>JSON template for Packer</source>
        <translation>JSON-Vorlage für Packer</translation>
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
        <translation>Was die CI-Jobs installieren und womit sie bauen. Kilns eigene Komponenten brauchen Kiln.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Runner:</source>
        <translation>&amp;Werkzeug:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>Export speichern</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::FieldEditor</name>
    <message>
        <source>HCL expression, e.g. var.name</source>
        <translation>HCL-Ausdruck, z. B. var.name</translation>
    </message>
    <message>
        <source>Edit as an HCL expression (var.x, &quot;${...}&quot;, functions)</source>
        <translation>Als HCL-Ausdruck bearbeiten (var.x, &quot;${...}&quot;, Funktionen)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Choose a path</source>
        <translation>Pfad wählen</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>(not set — %1)</source>
        <translation>(nicht gesetzt — %1)</translation>
    </message>
    <message>
        <source>one value per line</source>
        <translation>ein Wert pro Zeile</translation>
    </message>
    <message>
        <source>key = value, one per line</source>
        <translation>Schlüssel = Wert, einer pro Zeile</translation>
    </message>
</context>
<context>
    <name>kiln::ui::GraphLayout</name>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Locals</source>
        <translation>Lokale Werte</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Datenquellen</translation>
    </message>
</context>
<context>
    <name>kiln::ui::HclLexer</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Block type</source>
        <translation>Blocktyp</translation>
    </message>
    <message>
        <source>Argument name</source>
        <translation>Argumentname</translation>
    </message>
    <message>
        <source>Block label</source>
        <translation>Block-Label</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>Template sequence</source>
        <translation>Template-Sequenz</translation>
    </message>
    <message>
        <source>Heredoc marker</source>
        <translation>Heredoc-Markierung</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Escape sequence</source>
        <translation>Escape-Sequenz</translation>
    </message>
</context>
<context>
    <name>kiln::ui::InspectorDock</name>
    <message>
        <source>The type constraint, e.g. string or list(string).</source>
        <translation>Die Typeinschränkung, z. B. string oder list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>Der Wert, der verwendet wird, wenn keiner angegeben ist.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>Wofür die Variable dient.</translation>
    </message>
    <message>
        <source>Hide the value in output.</source>
        <translation>Den Wert in der Ausgabe verbergen.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Select a block in the graph to see its settings.</source>
        <translation>Wählen Sie einen Block im Graphen aus, um seine Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Default: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br/&gt;Standardwert: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;Required&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;Erforderlich&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not in the component&apos;s schema.</source>
        <translation>Nicht im Schema der Komponente.</translation>
    </message>
    <message>
        <source>Variables of JSON templates are edited in the text view.</source>
        <translation>Variablen von JSON-Vorlagen werden in der Textansicht bearbeitet.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::LaneItem</name>
    <message>
        <source>Build #%1</source>
        <translation>Build #%1</translation>
    </message>
    <message>
        <source>Build · %1</source>
        <translation>Build · %1</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 Source</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 Sources</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Drop provisioners and post-processors here</source>
        <translation>Provisioner und Post-Processors hier ablegen</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n läuft</numerusform>
            <numerusform>%n laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running · %1</source>
        <translation>
            <numerusform>%n läuft · %1</numerusform>
            <numerusform>%n laufen · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n fertig</numerusform>
            <numerusform>%n fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::LanguageMenu</name>
    <message>
        <source>Kiln will use the new language the next time it starts.</source>
        <translation>Kiln verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::MainWindow</name>
    <message>
        <source>Cannot open template</source>
        <translation>Vorlage kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (Zeile %2): %3</translation>
    </message>
    <message>
        <source>The text does not parse — the graph shows the last valid pipeline. %1</source>
        <translation>Der Text lässt sich nicht parsen — der Graph zeigt die letzte gültige Pipeline. %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>%1  ·  parsed in %2 ms</source>
        <translation>%1  ·  geparst in %2 ms</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 hat ungespeicherte Änderungen. Zuerst speichern?</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New from &amp;Example…</source>
        <translation>Neu aus Beis&amp;piel…</translation>
    </message>
    <message>
        <source>&amp;Upgrade to HCL2</source>
        <translation>Auf HCL2 &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>&amp;Verzeichnis öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
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
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>&amp;Schnell hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Maximise &amp;Graph</source>
        <translation>G&amp;raph maximieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Maximise &amp;Text</source>
        <translation>&amp;Text maximieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>&amp;Split Graph and Text</source>
        <translation>Graph und Text tei&amp;len</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>Die Konfiguration ist gültig.</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>B&amp;uild</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Open Template Directory</source>
        <translation>Vorlagenverzeichnis öffnen</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>Vorlage öffnen</translation>
    </message>
    <message>
        <source>Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)</source>
        <translation>Packer-Vorlagen (*.pkr.hcl *.pkr.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>Vorlage speichern unter</translation>
    </message>
    <message>
        <source>HCL2 templates (*.pkr.hcl);;All files (*)</source>
        <translation>HCL2-Vorlagen (*.pkr.hcl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>The clipboard holds no source, provisioner or post-processor block.</source>
        <translation>Die Zwischenablage enthält keinen Source-, Provisioner- oder Post-Processor-Block.</translation>
    </message>
    <message>
        <source>No component named %1</source>
        <translation>Keine Komponente namens %1</translation>
    </message>
    <message>
        <source>Add component…</source>
        <translation>Komponente hinzufügen…</translation>
    </message>
    <message>
        <source>Connect to build</source>
        <translation>Mit Build verbinden</translation>
    </message>
    <message>
        <source>Disconnect from build</source>
        <translation>Von Build trennen</translation>
    </message>
    <message>
        <source>New template from the example “%1”</source>
        <translation>Neue Vorlage aus dem Beispiel „%1“</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: the JSON template has errors (see Problems)</source>
        <translation>%1 kann nicht aktualisiert werden: Die JSON-Vorlage enthält Fehler (siehe Probleme)</translation>
    </message>
    <message>
        <source>Upgraded to HCL2; save to write %1</source>
        <translation>Auf HCL2 aktualisiert; speichern Sie, um %1 zu schreiben</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk</source>
        <translation>Ihre Änderungen wurden behalten; Speichern überschreibt die Datei auf der Festplatte</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>%1 neu geladen: Die Datei wurde auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Restored the autosaved edits; save to keep them</source>
        <translation>Automatisch gesicherte Änderungen wiederhergestellt; speichern Sie, um sie zu behalten</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Zu&amp;rücksetzen</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Build &amp;With Options…</source>
        <translation>Mit &amp;Optionen bauen…</translation>
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
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;line %1, column %2&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;Zeile %1, Spalte %2&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PaletteDock</name>
    <message>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>Komponenten suchen</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineScene</name>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 weitere</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Weniger anzeigen</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineView</name>
    <message>
        <source>No pipeline yet</source>
        <translation>Noch keine Pipeline</translation>
    </message>
    <message>
        <source>Drag a builder from the Components list onto the canvas, type its name here to add it, or write the template in the text view below. File ▸ Open loads an existing template.</source>
        <translation>Ziehen Sie einen Builder aus der Komponentenliste auf die Fläche, tippen Sie hier seinen Namen, um ihn hinzuzufügen, oder schreiben Sie die Vorlage in der Textansicht unten. Datei ▸ Öffnen lädt eine vorhandene Vorlage.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ProblemsView</name>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>an untitled template</source>
        <translation>eine unbenannte Vorlage</translation>
    </message>
    <message>
        <source>Kiln found unsaved edits to %1 from %2 that were not saved before it closed.</source>
        <translation>Kiln hat ungespeicherte Änderungen an %1 vom %2 gefunden, die vor dem Beenden nicht gespeichert wurden.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ReloadBar</name>
    <message>
        <source>Reload from disk (lose your edits)</source>
        <translation>Von der Festplatte neu laden (Änderungen verwerfen)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits.</source>
        <translation>%1 wurde auf der Festplatte geändert, und Sie haben ungespeicherte Änderungen.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::RunDialog</name>
    <message>
        <source>Clean up</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abbrechen (Maschine behalten)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Nachfragen</translation>
    </message>
    <message>
        <source>Run the error-cleanup provisioner</source>
        <translation>Den Error-Cleanup-Provisioner ausführen</translation>
    </message>
    <message>
        <source>Run Builds</source>
        <translation>Builds ausführen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>Every build</source>
        <translation>Alle Builds</translation>
    </message>
    <message>
        <source>Only the checked ones (-only)</source>
        <translation>Nur die markierten (-only)</translation>
    </message>
    <message>
        <source>All but the checked ones (-except)</source>
        <translation>Alle außer den markierten (-except)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Required: the template has no default.</source>
        <translation>Erforderlich: Die Vorlage hat keinen Standardwert.</translation>
    </message>
    <message>
        <source>sensitive (default hidden)</source>
        <translation>sensibel (Standardwert verborgen)</translation>
    </message>
    <message>
        <source>sensitive, required</source>
        <translation>sensibel, erforderlich</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the value while you type it; it is never remembered</source>
        <translation>Den Wert beim Tippen anzeigen; er wird nie gespeichert</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>The template declares no input variables.</source>
        <translation>Die Vorlage deklariert keine Eingabevariablen.</translation>
    </message>
    <message>
        <source>Variable files (-var-file):</source>
        <translation>Variablendateien (-var-file):</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>On error (-on-error):</source>
        <translation>Bei Fehler (-on-error):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>Parallel builds (-parallel-builds):</source>
        <translation>Parallele Builds (-parallel-builds):</translation>
    </message>
    <message>
        <source>Replace existing output directories (-force)</source>
        <translation>Vorhandene Ausgabeverzeichnisse ersetzen (-force)</translation>
    </message>
    <message>
        <source>Debug: one build at a time, pause after each step (-debug)</source>
        <translation>Debug: ein Build nach dem anderen, Pause nach jedem Schritt (-debug)</translation>
    </message>
    <message>
        <source>Warn about values for undeclared variables</source>
        <translation>Bei Werten für nicht deklarierte Variablen warnen</translation>
    </message>
    <message>
        <source>Variable Files</source>
        <translation>Variablendateien</translation>
    </message>
    <message>
        <source>Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)</source>
        <translation>Packer-Variablendateien (*.pkrvars.hcl *.pkrvars.json *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No value yet for: %1</source>
        <translation>Noch kein Wert für: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::TemplateTextEditor</name>
    <message>
        <source>Go to Definition</source>
        <translation>Zur Definition springen</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Zurück</translation>
    </message>
</context>
</TS>
