package network.baton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import network.baton.bench.CredentialBenchmark.Options;
import network.baton.bench.CredentialBenchmark.Result;
import network.baton.credential.service.CredentialFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CredentialBenchmarkTest {

  @Test
  void shortRunMeasuresEveryRateAgainstANodeAndReportsRatiosFromThem() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Options options =
        new Options(
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            2,
            EnumSet.allOf(CredentialFormat.class));

    Result result =
        CredentialBenchmark.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertThat(result.signingInputBytes()).isGreaterThan(100);
    assertThat(
            List.of(
                result.apiIssueJwt(),
                result.apiIssueDi(),
                result.apiVerifyJwt(),
                result.apiHealth(),
                result.bcSign(),
                result.bcVerify(),
                result.jdkSign(),
                result.jdkVerify()))
        .allSatisfy(rate -> assertThat(rate).isPositive());
    assertThat(result.issueToRawSign())
        .isCloseTo(result.apiIssueJwt() / result.bcSign(), within(1e-9));
    assertThat(result.verifyToRawVerify())
        .isCloseTo(result.apiVerifyJwt() / result.bcVerify(), within(1e-9));
    assertThat(result.bcToJdkVerify())
        .isCloseTo(result.bcVerify() / result.jdkVerify(), within(1e-9));

    JsonObject json = result.toJson();
    assertThat(json.getJsonObject("perSecond").fieldNames())
        .containsExactlyInAnyOrder(
            "apiIssueJwt",
            "apiIssueDi",
            "apiVerifyJwt",
            "apiHealth",
            "bcSign",
            "bcVerify",
            "jdkSign",
            "jdkVerify");
    assertThat(json.getJsonObject("ratios").getDouble("apiVerifyJwtToBcVerify"))
        .isEqualTo(result.verifyToRawVerify());
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("| API issue vc+jwt", "| API issue eddsa-rdfc-2022", "| API verify vc+jwt")
        .contains("| HTTP floor: GET /health", "| JDK Ed25519 verify");
  }

  @Test
  void resultWithOnlyJwtLeavesTheDataIntegrityRateOutOfJsonAndTable() {
    Result result =
        new Result(
            new Options(Duration.ZERO, Duration.ofSeconds(1), 1, Set.of(CredentialFormat.JWT)),
            2,
            0.5,
            600,
            800,
            Double.NaN,
            1200,
            3000,
            4000,
            2000,
            1000,
            500);

    assertThat(result.toJson().getJsonObject("perSecond").containsKey("apiIssueDi")).isFalse();
    assertThat(result.toMarkdown())
        .doesNotContain("eddsa-rdfc-2022")
        .contains("| 0.20x of BC sign |");
    assertThat(result.verifyToRawVerify()).isEqualTo(0.6);
    assertThat(result.bcToJdkVerify()).isEqualTo(4.0);
  }

  @Test
  void unknownFormatAndZeroClientsAreRefused() {
    assertThatThrownBy(() -> Options.of(1, 1, 4, "jwt,cose"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cose");
    assertThatThrownBy(() -> Options.of(1, 1, 0, "jwt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("concurrency");
    assertThatThrownBy(() -> Options.of(1, 0, 4, "jwt"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measure");
  }
}
