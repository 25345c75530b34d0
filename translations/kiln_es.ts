<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QsciScintilla</name>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
</context>
<context>
    <name>kiln::models::AutosaveStore</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>No se puede crear %1</translation>
    </message>
</context>
<context>
    <name>kiln::models::BuildRunModel</name>
    <message>
        <source>[… %1 lines not drawn: output came faster than the console can show it; Save Log has them …]</source>
        <translation>[… %1 líneas sin mostrar: la salida llegó más rápido de lo que la consola puede mostrarla; «Guardar registro» las contiene …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::CompletionEngine</name>
    <message>
        <source>Default: %1</source>
        <translation>Valor predeterminado: %1</translation>
    </message>
    <message>
        <source>Deprecated.</source>
        <translation>Obsoleto.</translation>
    </message>
    <message>
        <source>, required</source>
        <translation>, obligatorio</translation>
    </message>
    <message>
        <source>Input variables: var.NAME</source>
        <translation>Variables de entrada: var.NAME</translation>
    </message>
    <message>
        <source>Local values: local.NAME</source>
        <translation>Valores locales: local.NAME</translation>
    </message>
    <message>
        <source>Sources: source.TYPE.NAME</source>
        <translation>Sources: source.TYPE.NAME</translation>
    </message>
    <message>
        <source>Data sources: data.TYPE.NAME</source>
        <translation>Fuentes de datos: data.TYPE.NAME</translation>
    </message>
    <message>
        <source>The directory of the template.</source>
        <translation>El directorio de la plantilla.</translation>
    </message>
    <message>
        <source>The directory Packer was started in.</source>
        <translation>El directorio en el que se inició Packer.</translation>
    </message>
    <message>
        <source>The version of Packer (Kiln) running.</source>
        <translation>La versión de Packer (Kiln) en ejecución.</translation>
    </message>
</context>
<context>
    <name>kiln::models::ConsoleBuffer</name>
    <message>
        <source> [… %1 more characters]</source>
        <translation> [… %1 caracteres más]</translation>
    </message>
    <message>
        <source>[… %1 lines elided to bound memory …]</source>
        <translation>[… %1 líneas omitidas para limitar la memoria …]</translation>
    </message>
</context>
<context>
    <name>kiln::models::DocumentAutosaver</name>
    <message>
        <source>Restore Autosaved Edits</source>
        <translation>Restaurar las ediciones guardadas automáticamente</translation>
    </message>
</context>
<context>
    <name>kiln::models::ExportPreview</name>
    <message>
        <source>Save the template first: the export reads it from disk.</source>
        <translation>Guarde primero la plantilla: la exportación la lee del disco.</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>No se pudo ejecutar %1: %2</translation>
    </message>
</context>
<context>
    <name>kiln::models::PackerBlockSchemas</name>
    <message>
        <source>Settings of Packer itself: required_version, required_plugins.</source>
        <translation>Ajustes del propio Packer: required_version, required_plugins.</translation>
    </message>
    <message>
        <source>A reusable builder configuration: source &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Una configuración de builder reutilizable: source &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>A data source read before the builds: data &quot;TYPE&quot; &quot;NAME&quot;.</source>
        <translation>Una fuente de datos que se lee antes de los builds: data &quot;TYPE&quot; &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>An input variable: variable &quot;NAME&quot;.</source>
        <translation>Una variable de entrada: variable &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>Several input variables as NAME = DEFAULT arguments.</source>
        <translation>Varias variables de entrada como argumentos NAME = DEFAULT.</translation>
    </message>
    <message>
        <source>Local values as NAME = EXPRESSION.</source>
        <translation>Valores locales como NAME = EXPRESSION.</translation>
    </message>
    <message>
        <source>One local value that may be marked sensitive: local &quot;NAME&quot;.</source>
        <translation>Un valor local que puede marcarse como sensible: local &quot;NAME&quot;.</translation>
    </message>
    <message>
        <source>What to build: sources, provisioners and post-processors.</source>
        <translation>Qué construir: sources, provisioners y post-processors.</translation>
    </message>
    <message>
        <source>The name of the build, shown in output and used by -only/-except.</source>
        <translation>El nombre del build, que se muestra en la salida y usan -only/-except.</translation>
    </message>
    <message>
        <source>A description of the build.</source>
        <translation>Una descripción del build.</translation>
    </message>
    <message>
        <source>References to source blocks: &quot;source.TYPE.NAME&quot;.</source>
        <translation>Referencias a bloques source: &quot;source.TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>Use a source and set or override its arguments: source &quot;TYPE.NAME&quot;.</source>
        <translation>Usar un source y definir o reemplazar sus argumentos: source &quot;TYPE.NAME&quot;.</translation>
    </message>
    <message>
        <source>A provisioner run on every source of the build, in order.</source>
        <translation>Un provisioner que se ejecuta, en orden, en cada source del build.</translation>
    </message>
    <message>
        <source>A post-processor run on each artifact.</source>
        <translation>Un post-processor que se ejecuta sobre cada artefacto.</translation>
    </message>
    <message>
        <source>A chain of post-processors, each fed the previous artifact.</source>
        <translation>Una cadena de post-processors, cada uno recibe el artefacto anterior.</translation>
    </message>
    <message>
        <source>One post-processor of the chain.</source>
        <translation>Un post-processor de la cadena.</translation>
    </message>
    <message>
        <source>An expression that must be true for the value to be accepted.</source>
        <translation>Una expresión que debe ser verdadera para que se acepte el valor.</translation>
    </message>
    <message>
        <source>The message shown when the condition is false.</source>
        <translation>El mensaje que se muestra cuando la condición es falsa.</translation>
    </message>
    <message>
        <source>The type constraint, e.g. string, list(string).</source>
        <translation>La restricción de tipo, p. ej. string, list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>El valor que se usa cuando no se indica ninguno.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>Para qué sirve la variable.</translation>
    </message>
    <message>
        <source>Hide the value in output (replaced by &lt;sensitive&gt;).</source>
        <translation>Ocultar el valor en la salida (se sustituye por &lt;sensitive&gt;).</translation>
    </message>
    <message>
        <source>A rule the value must satisfy.</source>
        <translation>Una regla que el valor debe cumplir.</translation>
    </message>
    <message>
        <source>A version constraint Packer must satisfy, e.g. &quot;&gt;= 1.7.0&quot;.</source>
        <translation>Una restricción de versión que Packer debe cumplir, p. ej. &quot;&gt;= 1.7.0&quot;.</translation>
    </message>
    <message>
        <source>The plugins the template needs, as NAME = { version, source }.</source>
        <translation>Los plugins que necesita la plantilla, como NAME = { version, source }.</translation>
    </message>
    <message>
        <source>The name this use of the source gets in the build.</source>
        <translation>El nombre que recibe este uso del source en el build.</translation>
    </message>
    <message>
        <source>The collection to generate one block for each element of.</source>
        <translation>La colección por cada uno de cuyos elementos se genera un bloque.</translation>
    </message>
    <message>
        <source>The name of the temporary variable for the current element (default: the block&apos;s name).</source>
        <translation>El nombre de la variable temporal del elemento actual (predeterminado: el nombre del bloque).</translation>
    </message>
    <message>
        <source>The labels of each generated block.</source>
        <translation>Las etiquetas de cada bloque generado.</translation>
    </message>
    <message>
        <source>The body of each generated block.</source>
        <translation>El cuerpo de cada bloque generado.</translation>
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
        <translation>Fuentes de datos</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineBuild</name>
    <message>
        <source>build #%1</source>
        <translation>build n.º %1</translation>
    </message>
</context>
<context>
    <name>kiln::models::PipelineEditing</name>
    <message>
        <source>The block is not in a file of this template.</source>
        <translation>El bloque no está en ningún archivo de esta plantilla.</translation>
    </message>
    <message>
        <source>Add data source %1</source>
        <translation>Añadir la fuente de datos %1</translation>
    </message>
    <message>
        <source>Add source %1.%2</source>
        <translation>Añadir el source %1.%2</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Añadir source</translation>
    </message>
    <message>
        <source>Connect source</source>
        <translation>Conectar source</translation>
    </message>
    <message>
        <source>Add build</source>
        <translation>Añadir build</translation>
    </message>
    <message>
        <source>Drop the component on a build lane.</source>
        <translation>Suelte el componente en un carril de build.</translation>
    </message>
    <message>
        <source>Add provisioner %1</source>
        <translation>Añadir el provisioner %1</translation>
    </message>
    <message>
        <source>Add post-processor %1</source>
        <translation>Añadir el post-processor %1</translation>
    </message>
    <message>
        <source>Nothing to delete.</source>
        <translation>Nada que eliminar.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Delete %1 blocks</source>
        <translation>Eliminar %1 bloques</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Nothing to duplicate.</source>
        <translation>Nada que duplicar.</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>Nada que mover.</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>Connect a source to a build.</source>
        <translation>Conecte un source a un build.</translation>
    </message>
    <message>
        <source>Connect %1</source>
        <translation>Conectar %1</translation>
    </message>
    <message>
        <source>Disconnect a source from a build.</source>
        <translation>Desconecte un source de un build.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Desconectar %1</translation>
    </message>
    <message>
        <source>Paste source</source>
        <translation>Pegar source</translation>
    </message>
    <message>
        <source>Select a build lane to paste into.</source>
        <translation>Seleccione un carril de build en el que pegar.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>No such block.</source>
        <translation>No existe ese bloque.</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>Establecer %1</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>Borrar %1</translation>
    </message>
    <message>
        <source>The copied blocks are JSON; paste them into a JSON template.</source>
        <translation>Los bloques copiados son JSON; péguelos en una plantilla JSON.</translation>
    </message>
    <message>
        <source>The copied blocks are HCL; paste them into an HCL template.</source>
        <translation>Los bloques copiados son HCL; péguelos en una plantilla HCL.</translation>
    </message>
    <message>
        <source>A legacy JSON template has one implicit build that every builder feeds; there is nothing to connect or disconnect. Use &quot;only&quot; and &quot;except&quot; on provisioners and post-processors to limit them to some builders.</source>
        <translation>Una plantilla JSON heredada tiene una única compilación implícita que alimentan todos los builders; no hay nada que conectar ni desconectar. Use &quot;only&quot; y &quot;except&quot; en los provisioners y post-processors para limitarlos a algunos builders.</translation>
    </message>
    <message>
        <source>Legacy JSON templates have no data sources. Upgrade the template to HCL2 to use them.</source>
        <translation>Las plantillas JSON heredadas no tienen orígenes de datos. Actualice la plantilla a HCL2 para usarlos.</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateDocument</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 no existe</translation>
    </message>
    <message>
        <source>%1 holds no *.pkr.hcl or *.pkr.json file</source>
        <translation>%1 no contiene ningún archivo *.pkr.hcl ni *.pkr.json</translation>
    </message>
    <message>
        <source>The template has no file name yet; use Save As.</source>
        <translation>La plantilla aún no tiene nombre de archivo; use «Guardar como».</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Escritura</translation>
    </message>
</context>
<context>
    <name>kiln::models::TemplateParser</name>
    <message>
        <source>Cannot check the unsaved text</source>
        <translation>No se puede comprobar el texto sin guardar</translation>
    </message>
    <message>
        <source>No scratch directory could be written.</source>
        <translation>No se pudo escribir ningún directorio temporal.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::AskDialog</name>
    <message>
        <source>%1 is waiting</source>
        <translation>%1 está esperando</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Let the build go on</source>
        <translation>Dejar que el build continúe</translation>
    </message>
</context>
<context>
    <name>kiln::ui::BuildDock</name>
    <message>
        <source>Clean up</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abortar (conservar la máquina)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Run cleanup provisioner</source>
        <translation>Ejecutar el provisioner de limpieza</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Cancel the running builds; they clean up</source>
        <translation>Cancelar los builds en ejecución; hacen su limpieza</translation>
    </message>
    <message>
        <source>Builds to run (-only)</source>
        <translation>Builds que ejecutar (-only)</translation>
    </message>
    <message>
        <source>On error:</source>
        <translation>Si hay un error:</translation>
    </message>
    <message>
        <source>What a failing build does (-on-error)</source>
        <translation>Qué hace un build que falla (-on-error)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Responder…</translation>
    </message>
    <message>
        <source>A build is waiting for an answer</source>
        <translation>Un build está esperando una respuesta</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Tiempo transcurrido</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefactos</translation>
    </message>
    <message>
        <source>Artifacts (%1)</source>
        <translation>Artefactos (%1)</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message numerus="yes">
        <source>%n build(s) failed</source>
        <translation>
            <numerusform>%n build fallido</numerusform>
            <numerusform>%n builds fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>All builds</source>
        <translation>Todos los builds</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>Solo: %1</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Ejecutar…</translation>
    </message>
    <message>
        <source>Build the template (Ctrl+Shift+B)</source>
        <translation>Construir la plantilla (Ctrl+Mayús+B)</translation>
    </message>
    <message>
        <source>Choose builds, variables and options, then build (Ctrl+B)</source>
        <translation>Elegir builds, variables y opciones, y luego construir (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ConsolePane</name>
    <message>
        <source>Find in output</source>
        <translation>Buscar en la salida</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Mayús+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Coincidencia siguiente (F3)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Show Timestamps</source>
        <translation>Mostrar marcas de tiempo</translation>
    </message>
    <message>
        <source>Save Log…</source>
        <translation>Guardar registro…</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Guardar registro</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt)</source>
        <translation>Registros (*.log *.txt)</translation>
    </message>
    <message>
        <source>Fold All Steps</source>
        <translation>Contraer todos los pasos</translation>
    </message>
    <message>
        <source>Unfold All Steps</source>
        <translation>Expandir todos los pasos</translation>
    </message>
</context>
<context>
    <name>kiln::ui::EditorDiagnostics</name>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Advertencia: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExampleGalleryDialog</name>
    <message>
        <source>New from Example</source>
        <translation>Nuevo a partir de un ejemplo</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>No examples directory was found next to this installation of Kiln.</source>
        <translation>No se encontró ningún directorio de ejemplos junto a esta instalación de Kiln.</translation>
    </message>
    <message>
        <source>%1 holds no example templates.</source>
        <translation>%1 no contiene plantillas de ejemplo.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ExportDialog</name>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Guardar…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>GitHub Actions workflow</source>
        <translation>Flujo de trabajo de GitHub Actions</translation>
    </message>
    <message>
        <source>GitLab CI pipeline</source>
        <translation>Pipeline de GitLab CI</translation>
    </message>
    <message>
        <source>HCL2 template for Packer</source>
        <translation>Plantilla HCL2 para Packer</translation>
    </message>
    <message>
        <source>JSON template for Packer</source>
        <translation>Plantilla JSON para Packer</translation>
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
        <translation>Lo que los jobs de CI instalan y usan para construir. Los componentes propios de Kiln necesitan Kiln.</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <source>&amp;Runner:</source>
        <translation>&amp;Herramienta:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Save Export</source>
        <translation>Guardar la exportación</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Guardado en %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::FieldEditor</name>
    <message>
        <source>HCL expression, e.g. var.name</source>
        <translation>Expresión HCL, p. ej. var.name</translation>
    </message>
    <message>
        <source>Edit as an HCL expression (var.x, &quot;${...}&quot;, functions)</source>
        <translation>Editar como expresión HCL (var.x, &quot;${...}&quot;, funciones)</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>predeterminado: %1</translation>
    </message>
    <message>
        <source>Choose a path</source>
        <translation>Elegir una ruta</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin definir)</translation>
    </message>
    <message>
        <source>(not set — %1)</source>
        <translation>(sin definir — %1)</translation>
    </message>
    <message>
        <source>one value per line</source>
        <translation>un valor por línea</translation>
    </message>
    <message>
        <source>key = value, one per line</source>
        <translation>clave = valor, uno por línea</translation>
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
        <translation>Valores locales</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Fuentes de datos</translation>
    </message>
</context>
<context>
    <name>kiln::ui::HclLexer</name>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Block type</source>
        <translation>Tipo de bloque</translation>
    </message>
    <message>
        <source>Argument name</source>
        <translation>Nombre de argumento</translation>
    </message>
    <message>
        <source>Block label</source>
        <translation>Etiqueta de bloque</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Cadena</translation>
    </message>
    <message>
        <source>Template sequence</source>
        <translation>Secuencia de plantilla</translation>
    </message>
    <message>
        <source>Heredoc marker</source>
        <translation>Marcador heredoc</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Palabra clave</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Escape sequence</source>
        <translation>Secuencia de escape</translation>
    </message>
</context>
<context>
    <name>kiln::ui::InspectorDock</name>
    <message>
        <source>The type constraint, e.g. string or list(string).</source>
        <translation>La restricción de tipo, p. ej. string o list(string).</translation>
    </message>
    <message>
        <source>The value used when none is given.</source>
        <translation>El valor que se usa cuando no se indica ninguno.</translation>
    </message>
    <message>
        <source>What the variable is for.</source>
        <translation>Para qué sirve la variable.</translation>
    </message>
    <message>
        <source>Hide the value in output.</source>
        <translation>Ocultar el valor en la salida.</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Select a block in the graph to see its settings.</source>
        <translation>Seleccione un bloque en el grafo para ver sus ajustes.</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Default: &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>&lt;br/&gt;Valor predeterminado: &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;Required&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;Obligatorio&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not in the component&apos;s schema.</source>
        <translation>No está en el esquema del componente.</translation>
    </message>
    <message>
        <source>Variables of JSON templates are edited in the text view.</source>
        <translation>Las variables de las plantillas JSON se editan en la vista de texto.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::LaneItem</name>
    <message>
        <source>Build #%1</source>
        <translation>Build n.º %1</translation>
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
        <translation>fallido</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en ejecución</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Drop provisioners and post-processors here</source>
        <translation>Suelte aquí provisioners y post-processors</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n en ejecución</numerusform>
            <numerusform>%n en ejecución</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n running · %1</source>
        <translation>
            <numerusform>%n en ejecución · %1</numerusform>
            <numerusform>%n en ejecución · %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n terminado</numerusform>
            <numerusform>%n terminados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallido</numerusform>
            <numerusform>%n fallidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelado</numerusform>
            <numerusform>%n cancelados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::LanguageMenu</name>
    <message>
        <source>Kiln will use the new language the next time it starts.</source>
        <translation>Kiln usará el nuevo idioma la próxima vez que se inicie.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Predeterminado del sistema (%1)</translation>
    </message>
</context>
<context>
    <name>kiln::ui::MainWindow</name>
    <message>
        <source>Cannot open template</source>
        <translation>No se puede abrir la plantilla</translation>
    </message>
    <message>
        <source>%1 (line %2): %3</source>
        <translation>%1 (línea %2): %3</translation>
    </message>
    <message>
        <source>The text does not parse — the graph shows the last valid pipeline. %1</source>
        <translation>El texto no se puede analizar: el grafo muestra el último pipeline válido. %1</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemas (%1)</translation>
    </message>
    <message>
        <source>%1  ·  parsed in %2 ms</source>
        <translation>%1  ·  analizado en %2 ms</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Sin problemas</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them first?</source>
        <translation>%1 tiene cambios sin guardar. ¿Guardarlos primero?</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>New from &amp;Example…</source>
        <translation>Nuevo a partir de un &amp;ejemplo…</translation>
    </message>
    <message>
        <source>&amp;Upgrade to HCL2</source>
        <translation>Ac&amp;tualizar a HCL2</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Abrir archivo…</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>Abrir &amp;directorio…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
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
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleccionar &amp;todo</translation>
    </message>
    <message>
        <source>&amp;Quick Add…</source>
        <translation>Añadido rápid&amp;o…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajustar a la ventana</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ace&amp;rcar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Restablecer el &amp;diseño</translation>
    </message>
    <message>
        <source>Maximise &amp;Graph</source>
        <translation>Maximizar el &amp;grafo</translation>
    </message>
    <message>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <source>Maximise &amp;Text</source>
        <translation>Maximizar el &amp;texto</translation>
    </message>
    <message>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <source>&amp;Split Graph and Text</source>
        <translation>Di&amp;vidir grafo y texto</translation>
    </message>
    <message>
        <source>Ctrl+Alt+0</source>
        <translation>Ctrl+Alt+0</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Validar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>The configuration is valid.</source>
        <translation>La configuración es válida.</translation>
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
        <translation>De&amp;tener</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barra principal</translation>
    </message>
    <message>
        <source>Open Template Directory</source>
        <translation>Abrir el directorio de la plantilla</translation>
    </message>
    <message>
        <source>Open Template</source>
        <translation>Abrir plantilla</translation>
    </message>
    <message>
        <source>Packer templates (*.pkr.hcl *.pkr.json *.json);;All files (*)</source>
        <translation>Plantillas de Packer (*.pkr.hcl *.pkr.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>No se puede guardar</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 guardado</translation>
    </message>
    <message>
        <source>Save Template As</source>
        <translation>Guardar la plantilla como</translation>
    </message>
    <message>
        <source>HCL2 templates (*.pkr.hcl);;All files (*)</source>
        <translation>Plantillas HCL2 (*.pkr.hcl);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copiado</translation>
    </message>
    <message>
        <source>The clipboard holds no source, provisioner or post-processor block.</source>
        <translation>El portapapeles no contiene ningún bloque source, provisioner ni post-processor.</translation>
    </message>
    <message>
        <source>No component named %1</source>
        <translation>No hay ningún componente llamado %1</translation>
    </message>
    <message>
        <source>Add component…</source>
        <translation>Añadir componente…</translation>
    </message>
    <message>
        <source>Connect to build</source>
        <translation>Conectar al build</translation>
    </message>
    <message>
        <source>Disconnect from build</source>
        <translation>Desconectar del build</translation>
    </message>
    <message>
        <source>New template from the example “%1”</source>
        <translation>Nueva plantilla a partir del ejemplo «%1»</translation>
    </message>
    <message>
        <source>Cannot upgrade %1: the JSON template has errors (see Problems)</source>
        <translation>No se puede actualizar %1: la plantilla JSON tiene errores (consulte Problemas)</translation>
    </message>
    <message>
        <source>Upgraded to HCL2; save to write %1</source>
        <translation>Actualizado a HCL2; guarde para escribir %1</translation>
    </message>
    <message>
        <source>Kept your edits; saving will overwrite the file on disk</source>
        <translation>Se conservaron sus ediciones; al guardar se sobrescribirá el archivo en disco</translation>
    </message>
    <message>
        <source>Reloaded %1: it changed on disk</source>
        <translation>%1 recargado: cambió en el disco</translation>
    </message>
    <message>
        <source>Restored the autosaved edits; save to keep them</source>
        <translation>Se restauraron las ediciones guardadas automáticamente; guarde para conservarlas</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;vertir</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>Build &amp;With Options…</source>
        <translation>Build &amp;con opciones…</translation>
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
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>&lt;br/&gt;&lt;i&gt;line %1, column %2&lt;/i&gt;</source>
        <translation>&lt;br/&gt;&lt;i&gt;línea %1, columna %2&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PaletteDock</name>
    <message>
        <source>Components</source>
        <translation>Componentes</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>Buscar componentes</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineScene</name>
    <message>
        <source>+ %1 more</source>
        <translation>+ %1 más</translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation>Mostrar menos</translation>
    </message>
</context>
<context>
    <name>kiln::ui::PipelineView</name>
    <message>
        <source>No pipeline yet</source>
        <translation>Todavía no hay pipeline</translation>
    </message>
    <message>
        <source>Drag a builder from the Components list onto the canvas, type its name here to add it, or write the template in the text view below. File ▸ Open loads an existing template.</source>
        <translation>Arrastre un builder de la lista de componentes al lienzo, escriba aquí su nombre para añadirlo o escriba la plantilla en la vista de texto de abajo. Archivo ▸ Abrir carga una plantilla existente.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ProblemsView</name>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Sin problemas</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n advertencia</numerusform>
            <numerusform>%n advertencias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kiln::ui::RecoveryBar</name>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>an untitled template</source>
        <translation>una plantilla sin título</translation>
    </message>
    <message>
        <source>Kiln found unsaved edits to %1 from %2 that were not saved before it closed.</source>
        <translation>Kiln encontró ediciones de %1 del %2 que no se guardaron antes de cerrarse.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::ReloadBar</name>
    <message>
        <source>Reload from disk (lose your edits)</source>
        <translation>Recargar desde el disco (perder sus ediciones)</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Conservar las mías</translation>
    </message>
    <message>
        <source>%1 changed on disk, and you have unsaved edits.</source>
        <translation>%1 cambió en el disco y usted tiene ediciones sin guardar.</translation>
    </message>
</context>
<context>
    <name>kiln::ui::RunDialog</name>
    <message>
        <source>Clean up</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Abort (keep the machine)</source>
        <translation>Abortar (conservar la máquina)</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Preguntar</translation>
    </message>
    <message>
        <source>Run the error-cleanup provisioner</source>
        <translation>Ejecutar el provisioner error-cleanup</translation>
    </message>
    <message>
        <source>Run Builds</source>
        <translation>Ejecutar builds</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>Every build</source>
        <translation>Todos los builds</translation>
    </message>
    <message>
        <source>Only the checked ones (-only)</source>
        <translation>Solo los marcados (-only)</translation>
    </message>
    <message>
        <source>All but the checked ones (-except)</source>
        <translation>Todos menos los marcados (-except)</translation>
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
        <translation>Valor</translation>
    </message>
    <message>
        <source>Required: the template has no default.</source>
        <translation>Obligatorio: la plantilla no tiene valor predeterminado.</translation>
    </message>
    <message>
        <source>sensitive (default hidden)</source>
        <translation>sensible (valor predeterminado oculto)</translation>
    </message>
    <message>
        <source>sensitive, required</source>
        <translation>sensible, obligatorio</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show the value while you type it; it is never remembered</source>
        <translation>Mostrar el valor mientras lo escribe; nunca se recuerda</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>predeterminado: %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatorio</translation>
    </message>
    <message>
        <source>The template declares no input variables.</source>
        <translation>La plantilla no declara variables de entrada.</translation>
    </message>
    <message>
        <source>Variable files (-var-file):</source>
        <translation>Archivos de variables (-var-file):</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>On error (-on-error):</source>
        <translation>Si hay un error (-on-error):</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sin límite</translation>
    </message>
    <message>
        <source>Parallel builds (-parallel-builds):</source>
        <translation>Builds en paralelo (-parallel-builds):</translation>
    </message>
    <message>
        <source>Replace existing output directories (-force)</source>
        <translation>Reemplazar los directorios de salida existentes (-force)</translation>
    </message>
    <message>
        <source>Debug: one build at a time, pause after each step (-debug)</source>
        <translation>Depuración: un build cada vez, pausa tras cada paso (-debug)</translation>
    </message>
    <message>
        <source>Warn about values for undeclared variables</source>
        <translation>Advertir de valores para variables no declaradas</translation>
    </message>
    <message>
        <source>Variable Files</source>
        <translation>Archivos de variables</translation>
    </message>
    <message>
        <source>Packer variable files (*.pkrvars.hcl *.pkrvars.json *.json);;All files (*)</source>
        <translation>Archivos de variables de Packer (*.pkrvars.hcl *.pkrvars.json *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No value yet for: %1</source>
        <translation>Aún no hay valor para: %1</translation>
    </message>
</context>
<context>
    <name>kiln::ui::TemplateTextEditor</name>
    <message>
        <source>Go to Definition</source>
        <translation>Ir a la definición</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Volver</translation>
    </message>
</context>
</TS>
