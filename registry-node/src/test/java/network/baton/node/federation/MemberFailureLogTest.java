package network.baton.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import network.baton.node.LogCapture;
import network.baton.node.TestClock;
import org.junit.jupiter.api.Test;

class MemberFailureLogTest {

  private static final Member A =
      new Member("did:web:a.example", URI.create("https://a.example"), "A Kosen", Set.of());
  private static final Member B =
      new Member("did:web:b.example", URI.create("https://b.example"), "", Set.of());

  @Test
  void firstFailureIsLoggedThenAtMostOneLineAMinuteWithTheCountLeftOut() {
    TestClock clock = new TestClock(Instant.parse("2026-04-01T09:00:00Z"));
    MemberFailureLog failures = new MemberFailureLog(clock, Duration.ofMinutes(1));
    List<String> lines;
    try (LogCapture logs = LogCapture.root()) {
      failures.failed(A, "search", "the member reset the connection (Connection reset)");
      for (int i = 0; i < 40; i++) {
        clock.advance(Duration.ofSeconds(1));
        failures.failed(A, "search", "member answered HTTP 500");
      }
      clock.advance(Duration.ofSeconds(20));
      failures.failed(A, "sparql", "member answered HTTP 502");
      lines = warnings(logs);
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains(
            "member: did:web:a.example",
            "name: A Kosen",
            "url: https://a.example",
            "call: search",
            "reason: the member reset the connection (Connection reset)",
            "failures not logged since its last line: 0");
    assertThat(lines.get(1))
        .contains("call: sparql", "HTTP 502", "failures not logged since its last line: 40");
  }

  @Test
  void eachMemberHasItsOwnLimit() {
    MemberFailureLog failures =
        new MemberFailureLog(
            new TestClock(Instant.parse("2026-04-01T09:00:00Z")), Duration.ofMinutes(1));
    List<String> lines;
    try (LogCapture logs = LogCapture.root()) {
      failures.failed(A, "search", "cannot connect (Connection refused)");
      failures.failed(B, "search", "cannot connect (Connection refused)");
      failures.failed(A, "search", "cannot connect (Connection refused)");
      failures.failed(B, "membership", "no answer within 3000 ms");
      lines = warnings(logs);
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("did:web:a.example");
    assertThat(lines.get(1)).contains("did:web:b.example", "name: -");
  }

  @Test
  void whatAMemberSentCannotBreakTheLogLine() {
    MemberFailureLog failures =
        new MemberFailureLog(
            new TestClock(Instant.parse("2026-04-01T09:00:00Z")), Duration.ofMinutes(1));
    Member sly =
        new Member(
            "did:web:sly.example",
            URI.create("https://sly.example"),
            "Sly\u0007 \u202Eeman",
            Set.of());
    List<String> lines;
    try (LogCapture logs = LogCapture.root()) {
      failures.failed(
          sly,
          "search",
          "answer is not a search result: bad\u0000value\r\n12:00:00 ERROR forged line");
      lines = warnings(logs);
    }

    assertThat(lines)
        .singleElement()
        .asString()
        .doesNotContain("\n", "\r", "\u0000", "\u202E")
        .contains("name: Sly? ?eman", "reason: answer is not a search result: bad?value,")
        .doesNotContain("forged");
  }

  @Test
  void networkFailuresAreNamedInPlainWords() {
    assertThat(FailureReason.of(new ConnectException("Connection refused: /127.0.0.1:9")))
        .isEqualTo("cannot connect (Connection refused: /127.0.0.1:9)");
    assertThat(FailureReason.of(new SocketException("Connection reset")))
        .isEqualTo("the member reset the connection (Connection reset)");
    assertThat(FailureReason.of(new IllegalArgumentException("invalid version format: SSH-2.0")))
        .isEqualTo("the answer is not HTTP (invalid version format: SSH-2.0)");
    assertThat(
            FailureReason.of(new TooLongFrameException("An HTTP line is larger than 4096 bytes.")))
        .startsWith("the answer is not HTTP (An HTTP line is larger");
    assertThat(FailureReason.of(new HttpClosedException("Connection was closed")))
        .isEqualTo("the member closed the connection before a complete answer");
    assertThat(FailureReason.quote("x".repeat(500))).hasSize(163).endsWith("...");
    assertThat(FailureReason.quote(null)).isEqualTo("no detail");
  }

  private static List<String> warnings(LogCapture logs) {
    return logs.at(Level.WARN).stream()
        .filter(e -> e.getLoggerName().equals(MemberFailureLog.class.getName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
