package network.baton.node.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration once, where the file is bound: "10s", "500ms", "2m", an ISO-8601 duration
 * ("PT10S") or a number of seconds; anything else is a {@link ConfigException} naming the key.
 */
final class DurationDeserializer extends StdDeserializer<Duration> {

  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)");

  DurationDeserializer() {
    super(Duration.class);
  }

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    String key = parser.currentName();
    return parse(key, parser.readValueAsTree());
  }

  /** Parses one duration value of the key. */
  static Duration parse(String key, JsonNode value) {
    if (value.isNumber()) {
      return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }
    String text = value.asText().strip();
    Matcher simple = SIMPLE_DURATION.matcher(text);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          key + " must be a duration such as \"10s\", \"500ms\" or \"PT10S\": " + text);
    }
  }
}
