package io.pulseio.logic.model;

import io.pulseio.logic.spi.PinType;

/** A typed input or output of a function. */
public record PortSpec(String name, PinType type) {
}
