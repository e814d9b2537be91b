package network.baton.node.federation.search;

import static network.baton.credential.fetch.Resolvers.always;
import static network.baton.credential.fetch.Resolvers.resolving;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import network.baton.credential.fetch.FetchPolicy;
import network.baton.credential.fetch.Tripwire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Member calls follow the node's fetch policy: a member URL on loopback (without {@code
 * allowLoopbackHttp}), on a private address, or on a name that resolves to one, is not called; the
 * call goes to the address that was checked.
 */
@Timeout(60)
class MemberClientTest {
  private Vertx vertx;
  private Tripwire tripwire;
  private HttpServer member;
  private final List<String> hosts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    tripwire = Tripwire.start();
    member =
        vertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  hosts.add(request.authority().toString());
                  request.response().end("{}");
                })
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    tripwire.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private MemberClient client(FetchPolicy policy) {
    return new MemberClient(vertx, 4096, policy);
  }

  private static Throwable failure(Future<Buffer> call) {
    try {
      call.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
          ? e.getCause()
          : e;
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void memberOnLoopbackIsNotCalledWithoutLoopbackAllowed() {
    MemberClient client = client(FetchPolicy.publicOnly());

    Throwable plain =
        failure(client.get("http://127.0.0.1:" + tripwire.port() + "/search", "*/*", 5000));
    Throwable tls =
        failure(client.get("https://localhost:" + tripwire.port() + "/search", "*/*", 5000));

    assertThat(plain).isInstanceOf(MemberCallFailure.class).hasMessageContaining("https only");
    assertThat(tls)
        .isInstanceOf(MemberCallFailure.class)
        .hasMessageContaining("resolves to a loopback address");
    tripwire.assertUntouched();
  }

  @Test
  void memberOnAPrivateOrLinkLocalAddressIsNotCalledEvenWithLoopbackAllowed() {
    MemberClient client = client(FetchPolicy.of(true));

    assertThat(failure(client.get("https://10.0.0.5/search", "*/*", 5000)))
        .hasMessage(
            "not called: 10.0.0.5 resolves to a private address (10.0.0.5), which this node does"
                + " not fetch from");
    assertThat(failure(client.get("https://169.254.169.254/latest/meta-data/", "*/*", 5000)))
        .hasMessageContaining("a link-local address (169.254.169.254)");
  }

  @Test
  void memberWhoseNameResolvesToLoopbackIsNotCalled() {
    FetchPolicy policy =
        FetchPolicy.publicOnly().withResolver(resolving("member.example", always("127.0.0.1")));

    Throwable refused =
        failure(
            client(policy)
                .get("https://member.example:" + tripwire.port() + "/search", "*/*", 5000));

    assertThat(refused)
        .hasMessageContaining("member.example resolves to a loopback address (127.0.0.1)");
    tripwire.assertUntouched();
  }

  @Test
  void callGoesToTheCheckedAddressWithTheNameInTheHostHeader() throws Exception {
    List<String> lookups = new CopyOnWriteArrayList<>();
    FetchPolicy policy =
        FetchPolicy.of(true)
            .withResolver(
                host -> {
                  lookups.add(host);
                  return List.of(InetAddress.getByName("127.0.0.1"));
                });
    String url = "http://localhost:" + member.actualPort() + "/search";

    Buffer answer = client(policy).get(url, "application/json", 5000).await(20, TimeUnit.SECONDS);

    assertThat(answer.toString()).isEqualTo("{}");
    assertThat(lookups).containsExactly("localhost");
    assertThat(hosts).containsExactly("localhost:" + member.actualPort());
  }
}
