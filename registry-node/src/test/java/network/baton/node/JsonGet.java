package network.baton.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET with Accept: application/json through a test's own client, answered within 30 s. */
public final class JsonGet {
  private JsonGet() {}

  /** The answer to GET url. */
  public static HttpResponse<String> send(HttpClient client, String url)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The body of GET url, which must answer 200 (else the URL and the body say what it did). */
  public static String okBody(HttpClient client, String url)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(client, url);
    assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
    return response.body();
  }
}
