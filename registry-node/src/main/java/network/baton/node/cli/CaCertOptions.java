package network.baton.node.cli;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import network.baton.credential.fetch.TrustedCertificates;
import network.baton.node.config.ConfigException;
import picocli.CommandLine.Option;

/**
 * {@code --ca-cert PEM} (repeatable, else the files in {@code BATON_CA_CERT}, separated as a path
 * list): certificate authorities a command trusts for https besides the JDK's, e.g. the local CA of
 * {@code baton demo --https}.
 */
final class CaCertOptions {
  /** The environment variable read when no --ca-cert is given. */
  static final String ENV = "BATON_CA_CERT";

  @Option(
      names = "--ca-cert",
      paramLabel = "PEM",
      description =
          "also trust this CA for https (e.g. baton-demo/tls/ca.pem); repeatable; default: the"
              + " files in $"
              + ENV)
  List<Path> files = new ArrayList<>();

  /** The JDK's trust plus the given CAs; a bad file is a usage error. */
  TrustedCertificates trust() {
    List<Path> given = files;
    if (given.isEmpty()) {
      String env = System.getenv(ENV);
      given =
          env == null || env.isBlank()
              ? List.of()
              : Arrays.stream(env.split(File.pathSeparator))
                  .filter(s -> !s.isBlank())
                  .map(Path::of)
                  .toList();
    }
    try {
      return TrustedCertificates.load(given);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--ca-cert: " + e.getMessage());
    }
  }

  /** An HTTP client trusting these CAs. */
  HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .sslContext(trust().sslContext())
        .build();
  }
}
