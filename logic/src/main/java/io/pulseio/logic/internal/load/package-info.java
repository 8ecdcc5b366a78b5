/**
 * Loading a project in phases (not exported): {@code Loader} drives {@code SchemaCheck}, then
 * {@code ProjectParser} (with {@code EnvExpander} for {@code ${env:NAME}}), {@code NameChecks},
 * {@code NodeChecks}, {@code PluginChecks} (each plugin's validate hook) and {@code LinkChecks}
 * (which also fills the link tables of each {@code ResolvedNode}); the product is a
 * {@code LinkedProject}. Only a schema failure stops the later phases. The installed plugins and
 * node types come in as a {@code Catalog} (the API's {@code NodeRegistry} gives one), and problems
 * are {@code io.pulseio.logic.problem} values: nothing here uses the API package
 * {@code io.pulseio.logic}, which creates the loader.
 *
 * <p><b>Threads.</b> One load runs on the caller's thread and shares nothing with another; the
 * {@code LinkedProject} is immutable once built, and read by every run of the project.
 *
 * <p><b>Nulls.</b> Parameters are not null. Absent optional fields of the document are null in
 * the spec records, as {@code io.pulseio.logic.model} documents.
 */
package io.pulseio.logic.internal.load;
