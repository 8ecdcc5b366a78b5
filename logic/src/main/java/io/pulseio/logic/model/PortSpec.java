package io.pulseio.logic.model;

/** A typed input or output of a function. */
public record PortSpec(String name, PinType type) {}
