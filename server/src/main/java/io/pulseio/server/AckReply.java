package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One client's answer to a broadcast with acknowledgements. */
public record AckReply(String socketId, List<JsonNode> args) {
  public AckReply {
    args = List.copyOf(args);
  }
}
