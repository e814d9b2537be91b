package network.baton.node.resources;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** HTTP-date formatting (RFC 9110 IMF-fixdate). */
final class HttpDates {

  private HttpDates() {}

  static String format(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }
}
