package io.pulseio.logic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Values;
import io.pulseio.protocol.Json;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders node descriptors as the toolbox listing: plain text for people, JSON for tools. Get the
 * descriptors from {@link NodeRegistry#toolbox} or {@link LoadedProject#toolbox()}. Stateless.
 */
public final class Toolbox {
    private Toolbox() {}

    /**
     * One block per node type, grouped by category in first-seen order:
     * <pre>
     * core.print  Print  [Flow]  scopes: project, scene, function
     *   in:  in (pulse), message (any = "")
     *   out: out (pulse)
     * </pre>
     */
    public static String text(List<NodeDescriptor> descriptors) {
        StringBuilder b = new StringBuilder();
        for (NodeDescriptor d : descriptors) {
            b.append(d.typeId())
                    .append("  ")
                    .append(d.displayName())
                    .append("  [")
                    .append(d.category())
                    .append("]  scopes: ")
                    .append(scopes(d))
                    .append('\n');
            if (!d.description().isEmpty()) {
                b.append("  ").append(d.description()).append('\n');
            }
            if (!d.attributes().isEmpty()) {
                b.append("  attributes: ")
                        .append(d.attributes().stream().map(Toolbox::attribute).collect(Collectors.joining(", ")))
                        .append('\n');
            }
            if (!d.inputs().isEmpty()) {
                b.append("  in:  ").append(pins(d.inputs())).append('\n');
            }
            if (!d.outputs().isEmpty()) {
                b.append("  out: ").append(pins(d.outputs())).append('\n');
            }
        }
        return b.toString();
    }

    /** A JSON array of node types with id, name, category, plugin, kind, scopes, attributes and pins. */
    public static String json(List<NodeDescriptor> descriptors) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (NodeDescriptor d : descriptors) {
            ObjectNode o = array.addObject();
            o.put("id", d.typeId());
            o.put("name", d.displayName());
            o.put("category", d.category());
            o.put("plugin", d.pluginId());
            o.put("kind", d.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("description", d.description());
            ArrayNode scopes = o.putArray("scopes");
            d.scopes().stream().sorted().forEach(s -> scopes.add(s.id()));
            ArrayNode attributes = o.putArray("attributes");
            for (AttributeSpec a : d.attributes()) {
                ObjectNode ao = attributes.addObject();
                ao.put("name", a.name());
                ao.put("type", a.type().id());
                ao.put("required", a.isRequired());
                if (a.defaultValue() != null) {
                    ao.putPOJO("default", a.defaultValue());
                }
                if (!a.choices().isEmpty()) {
                    a.choices().forEach(ao.putArray("choices")::add);
                }
                ao.put("description", a.description());
            }
            pinsJson(o.putArray("inputs"), d.inputs());
            pinsJson(o.putArray("outputs"), d.outputs());
        }
        try {
            return Json.PRETTY.writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pinsJson(ArrayNode array, List<PinSpec> pins) {
        for (PinSpec p : pins) {
            ObjectNode po = array.addObject();
            po.put("name", p.name());
            po.put("type", p.type().id());
            if (!p.isPulse()) {
                po.put("required", p.isRequired());
                if (p.defaultValue() != null) {
                    po.putPOJO("default", p.defaultValue());
                }
            }
            if (!p.description().isEmpty()) {
                po.put("description", p.description());
            }
        }
    }

    private static String scopes(NodeDescriptor d) {
        return d.scopes().stream().sorted().map(Scope::id).collect(Collectors.joining(", "));
    }

    private static String attribute(AttributeSpec a) {
        String text = a.name() + " (" + a.type().id();
        if (!a.choices().isEmpty()) {
            text += ": " + String.join(" ", a.choices());
        }
        return text + (a.isRequired() ? ", required)" : " = " + show(a.defaultValue()) + ")");
    }

    private static String pins(List<PinSpec> pins) {
        return pins.stream()
                .map(p -> p.name() + " (" + p.type().id()
                        + (p.isPulse() ? "" : p.isRequired() ? ", required" : " = " + show(p.defaultValue())) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String show(Object value) {
        return value instanceof String s ? Values.json(s) : Values.text(value);
    }
}
