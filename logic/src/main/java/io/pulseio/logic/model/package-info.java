/**
 * The project file as immutable values, exactly as authored (after {@code ${env:NAME}} expansion).
 * Every element carries the JSON path it was read from, so problems can point at it. Jackson nodes
 * held here (settings, attributes, constants) are private copies: read them, never change them.
 */
package io.pulseio.logic.model;
