/**
 * The project file as immutable values, exactly as authored (after {@code ${env:NAME}} expansion),
 * and the two closed sets the format names: {@code PinType} (the type of a pin, attribute or
 * variable) and {@code Scope} (the kind of graph a node sits in). Every element carries the JSON path
 * it was read from, so problems can point at it. Jackson nodes held here (settings, attributes,
 * constants) are private copies: read them, never change them.
 *
 * <p>Depends on no other package of the runtime: the SPI, the loader and the runtime build on it.
 *
 * <p><b>Threads.</b> The records and enums are immutable and may be read from any thread.
 *
 * <p><b>Nulls.</b> Absent optional fields of the document are null, as each record says.
 */
package io.pulseio.logic.model;
