package network.baton.credential.verify;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Chooses the pipeline for an input by its securing format (a compact JWS, an embedded proof, an
 * SD-JWT VC): the first format that reads the input verifies it; an input no format reads is a
 * failed {@code format} check saying what was expected. A new format is one more entry. Immutable
 * and thread-safe.
 */
public final class FormatDispatch {
  /** A securing format: its name, which inputs it reads, and the pipeline verifying them. */
  public record Format(String name, Predicate<JsonNode> reads, VerificationPipeline pipeline) {
    public Format {
      requireNonNull(name, "name");
      requireNonNull(reads, "reads");
      requireNonNull(pipeline, "pipeline");
    }
  }

  private final List<Format> formats;
  private final Function<JsonNode, String> unread;

  /** Formats tried in order; {@code unread} says what was expected of an input none reads. */
  public FormatDispatch(List<Format> formats, Function<JsonNode, String> unread) {
    this.formats = List.copyOf(formats);
    this.unread = requireNonNull(unread, "unread");
  }

  /** The same dispatch with {@code format} in place of the one of its name, or appended. */
  public FormatDispatch with(Format format) {
    List<Format> more = new ArrayList<>(formats);
    more.removeIf(f -> f.name().equals(format.name()));
    more.add(format);
    return new FormatDispatch(more, unread);
  }

  /**
   * The same dispatch trying {@code format} before the others (one of its name is replaced): for a
   * format whose inputs an existing one would also take, as a compact JWS reader takes any string.
   */
  public FormatDispatch withFirst(Format format) {
    List<Format> more = new ArrayList<>();
    more.add(format);
    formats.stream().filter(f -> !f.name().equals(format.name())).forEach(more::add);
    return new FormatDispatch(more, unread);
  }

  /** The same dispatch with every format's pipeline changed by {@code change}. */
  public FormatDispatch mapPipelines(UnaryOperator<VerificationPipeline> change) {
    return new FormatDispatch(
        formats.stream()
            .map(f -> new Format(f.name(), f.reads(), change.apply(f.pipeline())))
            .toList(),
        unread);
  }

  /** The formats, in the order they are tried. */
  public List<Format> formats() {
    return formats;
  }

  /** The report of the pipeline of the first format reading the input. */
  public VerificationReport verify(Evidence evidence) {
    for (Format format : formats) {
      if (format.reads().test(evidence.input())) return format.pipeline().run(evidence);
    }
    return unreadable(unread.apply(evidence.input()));
  }

  /** The report for an input that is not in any accepted format. */
  static VerificationReport unreadable(String reason) {
    return VerificationReport.of(
        List.of(Check.fail(CredentialVerifier.FORMAT, reason)), null, null, null, List.of());
  }
}
