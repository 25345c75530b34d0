<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>QsciScintilla</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
</context>
<context>
    <name>kiln::models::AutosaveStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>Impossible de créer %1</translation>
    </message>
</context>
<context>
    <name>kiln::models::BuildRunModel</name>
    <message>
        <source>[… %1 lines not drawn: output came faster than the console can show it; Save Log has them …]</source>
        <translation>[… %1 lignes non affichées&#xa0;: la sortie arrive plus vite que la console ne peut l’afficher&#xa0;; « Enregistrer le journal » les contient …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::CompletionEngine</name>
    <message>
        <source>Default: %1</source>
        <translation>Valeur par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deprecated.</source>
        <translation>Obsolète.</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, obligatoire</translation>
    </message>
    <message>
        <source>Input variables: var.NAME</source>
        <translation>Variables d’entrée&#xa0;: var.NAME</translation>
    </message>
    <message>
        <source>Local values: local.NAME</source>
        <translation>Valeurs locales&#xa0;: local.NAME</translation>
    </message>
    <message>
        <source>Sources: source.TYPE.NAME</source>
        <translation>Sources&#xa0;: source.TYPE.NAME</translation>
    </message>
    <message>
        <source>Data sources: data.TYPE.NAME</source>
        <translation>Sources de données&#xa0;: data.TYPE.NAME</translation>
    </message>
    <message>
        <source>The directory of the template.</source>
        <translation>Le répertoire du modèle.</translation>
    </message>
    <message>
        <source>The directory Packer was started in.</source>
        <translation>Le répertoire dans lequel Packer a été lancé.</translation>
    </message>
    <message>
        <source>The version of Packer (Kiln) running.</source>
        <translation>La version de Packer (Kiln) en cours d’exécution.</translation>
    </message>
</context>
<context>
    <name>kiln::models::ConsoleBuffer</name>
    <message>
        <source> [… %1 more characters]</source>
        <translation> [… %1 caractères de plus]</translation>
    </message>
    <message>
        <source>[… %1 lines elided to bound memory …]</source>
        <translation>[… %1 lignes omises pour limiter la mémoire …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::DocumentAutosaver</name>
    <message>
        <source>Restore Autosaved Edits</source>
        <translation>Restaurer les modifications enregistrées automatiquement</translation>
    </message>
</context>
<context>
    <name>kiln::models::ExportPreview</name>
    <message>
        <source>Save the template first: the export reads it from disk.</source>
        <translation>Enregistrez d’abord le modèle&#xa0;: l’export le lit depuis le disque.</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>Impossible d’exécuter %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>kiln::models::PackerBlockSchemas</name>
    <message>
        <source>Settings of Packer itself: required_version, required_plugins.</source>
        <translation>Réglages de Packer lui-même&#xa0;: required_version, required_plugins.</translation>
    </message>
    <message>
        <source>A reusable builder configuration: source &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Une configuration de builder réutilisable&#xa0;: source &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>A data source read before the builds: data &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Une source de données lue avant les builds&#xa0;: data &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>An input variable: variable &quot;NAME&quot;.</source>
        <translation>Une variable d’entrée&#xa0;: variable &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>Several input variables as NAME = DEFAULT arguments.</source>
        <translation>Plusieurs variables d’entrée sous forme d’arguments NAME = DEFAULT.</translation>
    </message>
    <message>
        <source>Local values as NAME = EXPRESSION.</source>
        <translation>Valeurs locales sous la forme NAME = EXPRESSION.</translation>
    </message>
    <message>
        <source>One local value that may be marked sensitive: local &quot;NAME&quot;.</source>
        <translation>Une valeur locale qui peut être marquée comme sensible&#xa0;: local &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>What to build: sources, provisioners and post-processors.</source>
        <translation>Ce qu’il faut construire&#xa0;: sources, provisioners et post-processors.</translation>
    </message>
    <message>
        <source>The name of the build, shown in output and used by -only/-except.</source>
        <translation>Le nom du build, affiché dans la sortie et utilisé par -only/-except.</translation>
    </message>
    <message>
        <source>A description of the build.</source>
        <translation>Une description du build.</translation>
    </message>
    <message>
        <source>References to source blocks: &quot;source.TYPE.NAME&quot;.</source>
        <translation>Références à des blocs source&#xa0;: &quot;source.TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>Use a source and set or override its arguments: source &quot;TYPE.NAME&quot;.</source>
        <translation>Utiliser une source et définir ou remplacer ses arguments&#xa0;: source &quot;TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>A provisioner run on every source of the build, in order.</source>
        <translation>Un provisioner exécuté, dans l’ordre, sur chaque source du build.</translation>
    </message>
    <message>
        <source>A post-processor run on each artifact.</source>
        <translation>Un post-processor exécuté sur chaque artefact.</translation>
    </message>
    <message>
        <source>A chain of post-processors, each fed the previous artifact.</source>
        <translation>Une chaîne de post-processors, chacun recevant l’artefact du précédent.</translation>
    </message>
    <message>
        <source>One post-processor of the chain.</source>
        <translation>Un post-processor de la chaîne.</translation>
    </message>
    <message>
        <source>An expression that must be true for the value to be accepted.</source>
        <translation>Une expression qui doit être vraie pour que la valeur soit acceptée.</translation>
    </message>
    <message>
        <source>The message shown when the condition is false.</source>
        <translation>Le message affiché lorsque la condition est fausse.</translation>
    </message>
    <message>
        <source>The type constraint, e.g. string, list(string).</source>
        <translation>La contrainte de type, par ex. string, list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>La valeur utilisée lorsqu’aucune n’est fournie.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>À quoi sert la variable.</translation>
    </message>
    <message>
        <source>Hide the value in output (replaced by &lt;sensitive&gt;).</source>
        <translation>Masquer la valeur dans la sortie (remplacée par &lt;sensitive&gt;).</translation>
    </message>
    <message>
        <source>A rule the value must satisfy.</source>
        <translation>Une règle que la valeur doit respecter.</translation>
    </message>
    <message>
        <source>A version constraint Packer must satisfy, e.g. &quot;&gt;= 1.7.0&quot;.</source>
        <translation>Une contrainte de version que Packer doit respecter, par ex. &quot;&gt;= 1.7.0&quot;.</translation>
    </message>
    <message>
        <source>The plugins the template needs, as NAME = { version, source }.</source>
        <translation>Les plugins dont le modèle a besoin, sous la forme NAME = { version, source }.</translation>
    </message>
    <message>
        <source>The name this use of the source gets in the build.</source>
        <translation>Le nom que reçoit cette utilisation de la source dans le build.</translation>
    </message>
    <message>
        <source>The collection to generate one block for each element of.</source>
        <translation>La collection pour chaque élément de laquelle un bloc est généré.</translation>
    </message>
    <message>
        <source>The name of the temporary variable for the current element (default: the block&apos;s name).</source>
        <translation>Le nom de la variable temporaire de l’élément courant (par défaut : le nom du bloc).</translation>
    </message>
    <message>
        <source>The labels of each generated block.</source>
        <translation>Les étiquettes de chaque bloc généré.</translation>
    </message>
    <message>
        <source>The body of each generated block.</source>
        <translation>Le corps de chaque bloc généré.</translation>
    </message>
</context>
<context>
    <name>kiln::models::PaletteModel</name>
    <message>
        <source>Builders</source>
        <translation>Builders</translation>
    </message>
    <message>
        <source>Provisioners</source>
        <translation>Provisioners</translation>
    </message>
    <message>
        <source>Post-processors</source>
        <translation>Post-processors</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Sources de données</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineBuild</name>
    <message>
        <source>build #%1</source>
        <translation>build n°%1</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineEditing</name>
    <message>
        <source>The block is not in a file of this template.</source>
        <translation>Le bloc ne se trouve dans aucun fichier de ce modèle.</translation>
    </message>
    <message>
        <source>Add data source %1</source>
        <translation>Ajouter la source de données %1</translation>
    </message>
    <message>
        <source>Add source %1.%2</source>
        <translation>Ajouter la source %1.%2</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>Connect source</source>
        <translation>Connecter la source</translation>
    </message>
    <message>
        <source>Add build</source>
        <translation>Ajouter un build</translation>
    </message>
    <message>
        <source>Drop the component on a build lane.</source>
        <translation>Déposez le composant sur une ligne de build.</translation>
    </message>
    <message>
        <source>Add provisioner %1</source>
        <translation>Ajouter le provisioner %1</translation>
    </message>
    <message>
        <source>Add post-processor %1</source>
        <translation>Ajouter le post-processor %1</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>Rien à supprimer.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Delete %1 blocks</source>
        <translation>Supprimer %1 blocs</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Nothing to duplicate.</source>
        <translation>Rien à dupliquer.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>Rien à déplacer.</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Déplacer %1</translation>
    </message>
    <message>
        <source>Connect a source to a build.</source>
        <translation>Connectez une source à un build.</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Connecter %1</translation>
    </message>
    <message>
        <source>Disconnect a source from a build.</source>
        <translation>Déconnectez une source d’un build.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Déconnecter %1</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>Coller la source</translation>
    </message>
    <message>
        <source>Select a build lane to paste into.</source>
        <translation>Sélectionnez une ligne de build où coller.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <source>No such block.</source>
        <translation>Ce bloc n’existe pas.</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Définir %1</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Effacer %1</translation>
    </message>
    <message>
        <source>The copied blocks are JSON; paste them into a JSON template.</source>
        <translation>Les blocs copiés sont en JSON&#xa0;; collez-les dans un modèle JSON.</translation>
    </message>
    <message>
        <source>The copied blocks are HCL; paste them into an HCL template.</source>
        <translation>Les blocs copiés sont en HCL&#xa0;; collez-les dans un modèle HCL.</translation>
    </message>
    <message>
        <source>A legacy JSON template has one implicit build that every builder feeds; there is nothing to connect or disconnect. Use &quot;only&quot; and &quot;except&quot; on provisioners and post-processors to limit them to some builders.</source>
        <translation>Un modèle JSON historique a un seul build implicite alimenté par chaque builder&#xa0;; il n&apos;y a rien à connecter ni à déconnecter. Utilisez &quot;only&quot; et &quot;except&quot; sur les provisioners et post-processors pour les limiter à certains builders.</translation>
    </message>
    <message>
        <source>Legacy JSON templates have no data sources. Upgrade the template to HCL2 to use them.</source>
        <translation>Les modèles JSON historiques n&apos;ont pas de sources de données. Mettez le modèle à niveau vers HCL2 pour les utiliser.</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateDocument</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 n’existe pas</translation>
    </message>
    <message>
        <source>%1 holds no *.pkr.hcl or *.pkr.json file</source>
        <translation>%1 ne contient aucun fichier *.pkr.hcl ou *.pkr.json</translation>
    </message>
    <message>
        <source>The template has no file name yet; use Save As.</source>
        <translation>Le modèle n’a pas encore de nom de fichier ; utilisez « Enregistrer sous ».</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Saisie</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateParser</name>
    <message>
        <source>Cannot check the unsaved text</source>
        <translation>Impossible de vérifier le texte non enregistré</translation>
    </message>
    <message>
        <source>No scratch directory could be written.</source>
        <translation>Aucun répertoire temporaire n’a pu être écrit.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::AskDialog</name>
    <message>
        <source>%1 is waiting</source>
        <translation>%1 attend</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Let the build go on</source>
        <translation>Laisser le build continuer</translation>
    </message>
</context>
<context>
    <name>kiln::ui::BuildDock</name>
    <message>
        <source>Clean up</source>
        <translation>Nettoyer</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abandonner (conserver la machine)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Run cleanup provisioner</source>
        <translation>Exécuter le provisioner de nettoyage</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Cancel the running builds; they clean up</source>
        <translation>Annuler les builds en cours ; ils font le ménage</translation>
    </message>
    <message>
        <source>Builds to run (-only)</source>
        <translation>Builds à exécuter (-only)</translation>
    </message>
    <message>
        <source>On error:</source>
        <translation>En cas d’erreur&#xa0;:</translation>
    </message>
    <message>
        <source>What a failing build does (-on-error)</source>
        <translation>Ce que fait un build qui échoue (-on-error)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Répondre…</translation>
    </message>
    <message>
        <source>A build is waiting for an answer</source>
        <translation>Un build attend une réponse</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Temps écoulé</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefacts</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>Artefacts (%1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s) failed</source>
        <translation>
            <numerusform>%n build en échec</numerusform>
            <numerusform>%n builds en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>All builds</source>
        <translation>Tous les builds</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>Seulement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Lancer…</translation>
    </message>
    <message>
        <source>Build the template (Ctrl+Shift+B)</source>
        <translation>Construire le modèle (Ctrl+Maj+B)</translation>
    </message>
    <message>
        <source>Choose builds, variables and options, then build (Ctrl+B)</source>
        <translation>Choisir les builds, les variables et les options, puis construire (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ConsolePane</name>
    <message>
        <source>Find in output</source>
        <translation>Rechercher dans la sortie</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Occurrence précédente (Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Occurrence suivante (F3)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Rechercher…</translation>
    </message>
    <message>
        <source>Show Timestamps</source>
        <translation>Afficher l’horodatage</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>Enregistrer le journal…</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Enregistrer le journal</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>Journaux (*.log *.txt)</translation>
    </message>
    <message>
        <source>Fold All Steps</source>
        <translation>Replier toutes les étapes</translation>
    </message>
    <message>
        <source>Unfold All Steps</source>
        <translation>Déplier toutes les étapes</translation>
    </message>
</context>
<context>
    <name>kiln::ui::EditorDiagnostics</name>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExampleGalleryDialog</name>
    <message>
        <source>New from Example</source>
        <translation>Nouveau à partir d’un exemple</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>No examples directory was found next to this installation of Kiln.</source>
        <translation>Aucun répertoire d’exemples n’a été trouvé à côté de cette installation de Kiln.</translation>
    </message>
    <message>
        <source>%1 holds no example templates.</source>
        <translation>%1 ne contient aucun modèle d’exemple.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExportDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>GitHub Actions workflow</source>
        <translation>Workflow GitHub Actions</translation>
    </message>
    <message>
        <source>GitLab CI pipeline</source>
        <translation>Pipeline GitLab CI</translation>
    </message>
    <message>
        <source>HCL2 template for Packer</source>
        <translation>Modèle HCL2 pour Packer</translation>
    </message>
    <message>
        <source>JSON template for Packer</source>
        <translation>Modèle JSON pour Packer</translation>
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
        <translation>Ce que les jobs de CI installent et utilisent pour construire. Les composants propres à Kiln nécessitent Kiln.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Runner:</source>
        <translation>&amp;Outil&#xa0;:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>Enregistrer l’export</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::FieldEditor</name>
    <message>
        <source>HCL expression, e.g. var.name</source>
        <translation>Expression HCL, par ex. var.name</translation>
    </message>
    <message>
        <source>Edit as an HCL expression (var.x, &quot;${...}&quot;, functions)</source>
        <translation>Modifier comme expression HCL (var.x, &quot;${...}&quot;, fonctions)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose a path</source>
        <translation>Choisir un chemin</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(non défini)</translation>
    </message>
    <message>
        <source>(not set — %1)</source>
        <translation>(non défini — %1)</translation>
    </message>
    <message>
        <source>one value per line</source>
        <translation>une valeur par ligne</translation>
    </message>
    <message>
        <source>key = value, one per line</source>
        <translation>clé = valeur, une par ligne</translation>
    </message>
</context>
<context>
    <name>kiln::ui::GraphLayout</name>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Locals</source>
        <translation>Valeurs locales</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Sources de données</translation>
    </message>
</context>
<context>
    <name>kiln::ui::HclLexer</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Block type</source>
        <translation>Type de bloc</translation>
    </message>
    <message>
        <source>Argument name</source>
        <translation>Nom d’argument</translation>
    </message>
    <message>
        <source>Block label</source>
        <translation>Étiquette de bloc</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Chaîne</translation>
    </message>
    <message>
        <source>Template sequence</source>
        <translation>Séquence de template</translation>
    </message>
    <message>
        <source>Heredoc marker</source>
        <translation>Marqueur heredoc</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Escape sequence</source>
        <translation>Séquence d’échappement</translation>
    </message>
</context>
<context>
    <name>kiln::ui::InspectorDock</name>
    <message>
        <source>The type constraint, e.g. string or list(string).</source>
        <translation>La contrainte de type, par ex. string ou list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>La valeur utilisée lorsqu’aucune n’est fournie.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>À quoi sert la variable.</translation>
    </message>
    <message>
        <source>Hide the value in output.</source>
        <translation>Masquer la valeur dans la sortie.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Select a block in the graph to see its settings.</source>
        <translation>Sélectionnez un bloc dans le graphe pour voir ses réglages.</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Default: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br/&gt;Valeur par défaut&#xa0;: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;Required&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;Obligatoire&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not in the component&apos;s schema.</source>
        <translation>Absent du schéma du composant.</translation>
    </message>
    <message>
        <source>Variables of JSON templates are edited in the text view.</source>
        <translation>Les variables des modèles JSON se modifient dans la vue texte.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::LaneItem</name>
    <message>
        <source>Build #%1</source>
        <translation>Build n°%1</translation>
    </message>
    <message>
        <source>Build · %1</source>
        <translation>Build · %1</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 source</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 sources</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Drop provisioners and post-processors here</source>
        <translation>Déposez ici provisioners et post-processors</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n en cours</numerusform>
            <numerusform>%n en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running · %1</source>
        <translation>
            <numerusform>%n en cours · %1</numerusform>
            <numerusform>%n en cours · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n terminé</numerusform>
            <numerusform>%n terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n annulé</numerusform>
            <numerusform>%n annulés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::LanguageMenu</name>
    <message>
        <source>Kiln will use the new language the next time it starts.</source>
        <translation>Kiln utilisera la nouvelle langue au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::MainWindow</name>
    <message>
        <source>Cannot open template</source>
        <translation>Impossible d’ouvrir le modèle</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (ligne %2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>The text does not parse — the graph shows the last valid pipeline. %1</source>
        <translation>Le texte ne s’analyse pas — le graphe montre le dernier pipeline valide. %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message>
        <source>%1  ·  parsed in %2 ms</source>
        <translation>%1  ·  analysé en %2 ms</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 contient des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>New from &amp;Example…</source>
        <translation>Nouveau à partir d’un e&amp;xemple…</translation>
    </message>
    <message>
        <source>&amp;Upgrade to HCL2</source>
        <translation>&amp;Mettre à niveau vers HCL2</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>Ouvrir un ré&amp;pertoire…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
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
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>A&amp;jout rapide…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Réinitialiser la &amp;disposition</translation>
    </message>
    <message>
        <source>Maximise &amp;Graph</source>
        <translation>Agrandir le &amp;graphe</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Maximise &amp;Text</source>
        <translation>Agrandir le &amp;texte</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>&amp;Split Graph and Text</source>
        <translation>&amp;Partager graphe et texte</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Valider</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuration est valide.</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Build</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <source>Open Template Directory</source>
        <translation>Ouvrir le répertoire du modèle</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>Ouvrir un modèle</translation>
    </message>
    <message>
        <source>Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)</source>
        <translation>Modèles Packer (*.pkr.hcl *.pkr.json *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>Enregistrer le modèle sous</translation>
    </message>
    <message>
        <source>HCL2 templates (*.pkr.hcl);;All files (*)</source>
        <translation>Modèles HCL2 (*.pkr.hcl);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>The clipboard holds no source, provisioner or post-processor block.</source>
        <translation>Le presse-papiers ne contient aucun bloc source, provisioner ou post-processor.</translation>
    </message>
    <message>
        <source>No component named %1</source>
        <translation>Aucun composant nommé %1</translation>
    </message>
    <message>
        <source>Add component…</source>
        <translation>Ajouter un composant…</translation>
    </message>
    <message>
        <source>Connect to build</source>
        <translation>Connecter au build</translation>
    </message>
    <message>
        <source>Disconnect from build</source>
        <translation>Déconnecter du build</translation>
    </message>
    <message>
        <source>New template from the example “%1”</source>
        <translation>Nouveau modèle à partir de l’exemple « %1 »</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: the JSON template has errors (see Problems)</source>
        <translation>Impossible de mettre à niveau %1&#xa0;: le modèle JSON contient des erreurs (voir Problèmes)</translation>
    </message>
    <message>
        <source>Upgraded to HCL2; save to write %1</source>
        <translation>Mis à niveau vers HCL2 ; enregistrez pour écrire %1</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk</source>
        <translation>Vos modifications sont conservées ; l’enregistrement écrasera le fichier sur le disque</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>%1 rechargé&#xa0;: il a changé sur le disque</translation>
    </message>
    <message>
        <source>Restored the autosaved edits; save to keep them</source>
        <translation>Modifications enregistrées automatiquement restaurées ; enregistrez pour les conserver</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;venir à la version enregistrée</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>Expor&amp;ter…</translation>
    </message>
    <message>
        <source>Build &amp;With Options…</source>
        <translation>Build avec &amp;options…</translation>
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
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;line %1, column %2&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;ligne %1, colonne %2&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PaletteDock</name>
    <message>
        <source>Components</source>
        <translation>Composants</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>Rechercher…</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineScene</name>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 de plus</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Afficher moins</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineView</name>
    <message>
        <source>No pipeline yet</source>
        <translation>Pas encore de pipeline</translation>
    </message>
    <message>
        <source>Drag a builder from the Components list onto the canvas, type its name here to add it, or write the template in the text view below. File ▸ Open loads an existing template.</source>
        <translation>Faites glisser un builder de la liste des composants sur le canevas, tapez ici son nom pour l’ajouter, ou écrivez le modèle dans la vue texte ci-dessous. Fichier ▸ Ouvrir charge un modèle existant.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ProblemsView</name>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Aucun problème</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n erreur</numerusform>
            <numerusform>%n erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>an untitled template</source>
        <translation>un modèle sans titre</translation>
    </message>
    <message>
        <source>Kiln found unsaved edits to %1 from %2 that were not saved before it closed.</source>
        <translation>Kiln a trouvé des modifications de %1 datant du %2 qui n’avaient pas été enregistrées avant sa fermeture.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ReloadBar</name>
    <message>
        <source>Reload from disk (lose your edits)</source>
        <translation>Recharger depuis le disque (perdre vos modifications)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Garder les miennes</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits.</source>
        <translation>%1 a changé sur le disque et vous avez des modifications non enregistrées.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::RunDialog</name>
    <message>
        <source>Clean up</source>
        <translation>Nettoyer</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abandonner (conserver la machine)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Demander</translation>
    </message>
    <message>
        <source>Run the error-cleanup provisioner</source>
        <translation>Exécuter le provisioner error-cleanup</translation>
    </message>
    <message>
        <source>Run Builds</source>
        <translation>Lancer les builds</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lancer</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>Every build</source>
        <translation>Tous les builds</translation>
    </message>
    <message>
        <source>Only the checked ones (-only)</source>
        <translation>Seulement ceux cochés (-only)</translation>
    </message>
    <message>
        <source>All but the checked ones (-except)</source>
        <translation>Tous sauf ceux cochés (-except)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Required: the template has no default.</source>
        <translation>Obligatoire&#xa0;: le modèle n’a pas de valeur par défaut.</translation>
    </message>
    <message>
        <source>sensitive (default hidden)</source>
        <translation>sensible (valeur par défaut masquée)</translation>
    </message>
    <message>
        <source>sensitive, required</source>
        <translation>sensible, obligatoire</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show the value while you type it; it is never remembered</source>
        <translation>Afficher la valeur pendant la saisie ; elle n’est jamais mémorisée</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoire</translation>
    </message>
    <message>
        <source>The template declares no input variables.</source>
        <translation>Le modèle ne déclare aucune variable d’entrée.</translation>
    </message>
    <message>
        <source>Variable files (-var-file):</source>
        <translation>Fichiers de variables (-var-file)&#xa0;:</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>On error (-on-error):</source>
        <translation>En cas d’erreur (-on-error)&#xa0;:</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>illimité</translation>
    </message>
    <message>
        <source>Parallel builds (-parallel-builds):</source>
        <translation>Builds en parallèle (-parallel-builds)&#xa0;:</translation>
    </message>
    <message>
        <source>Replace existing output directories (-force)</source>
        <translation>Remplacer les répertoires de sortie existants (-force)</translation>
    </message>
    <message>
        <source>Debug: one build at a time, pause after each step (-debug)</source>
        <translation>Débogage&#xa0;: un build à la fois, pause après chaque étape (-debug)</translation>
    </message>
    <message>
        <source>Warn about values for undeclared variables</source>
        <translation>Avertir des valeurs de variables non déclarées</translation>
    </message>
    <message>
        <source>Variable Files</source>
        <translation>Fichiers de variables</translation>
    </message>
    <message>
        <source>Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)</source>
        <translation>Fichiers de variables Packer (*.pkrvars.hcl *.pkrvars.json *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No value yet for: %1</source>
        <translation>Pas encore de valeur pour&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::TemplateTextEditor</name>
    <message>
        <source>Go to Definition</source>
        <translation>Aller à la définition</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Revenir en arrière</translation>
    </message>
</context>
</TS>
