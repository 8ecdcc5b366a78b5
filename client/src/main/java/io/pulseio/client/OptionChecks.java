package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The checks and parsing behind {@link ClientOptions.Builder#build()}: exact messages. */
final class OptionChecks {
  private OptionChecks() {}

  static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not valid: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "ws", "wss").contains(scheme) || uri.isOpaque()) {
      throw new IllegalArgumentException("url must start with http://, https://, ws:// or wss://, was " + url);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("url has no host: " + url);
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url must not carry user info: " + url);
    }
    String p = uri.getRawPath();
    if (p != null && !p.isEmpty() && !p.equals("/")) {
      throw new IllegalArgumentException("url must not have a path (set path(...) for the Engine.IO path and "
          + "use socket(namespace) for namespaces), was " + url);
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("url must not have a fragment: " + url);
    }
    return uri;
  }

  static ObjectNode toAuth(Object value) {
    JsonNode node;
    try {
      node = value instanceof JsonNode j ? j : Json.MAPPER.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("auth cannot be converted to JSON: " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("auth must be a JSON object, was "
          + (node == null ? "null" : node.getNodeType()));
    }
    return (ObjectNode) node;
  }

  static void positive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + d.toMillis() + " ms");
    }
  }

  static void readable(String name, Path file) {
    if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
      throw new IllegalArgumentException(name + " is not a readable file: " + file);
    }
  }
}
