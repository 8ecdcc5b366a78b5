package io.pulseio.logic.model;

/** A scene: a named graph that is live only while it is the active scene. */
public record SceneSpec(String name, String path, GraphSpec graph) {}
