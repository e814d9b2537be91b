package network.baton.credential.fetch;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The one rule for every outbound call that input can steer (did:web documents, status lists,
 * member nodes): https to public addresses only; with {@code allowLoopbackHttps} (the local https
 * demo) also loopback addresses over https, plain http still refused; with {@code
 * allowLoopbackHttp} (tests, the local demo) loopback addresses over plain http or https. Every
 * other address (private, link-local, multicast, unspecified, CGNAT, reserved, and IPv6 forms of
 * those; see {@link AddressKind}) is refused whatever the setting.
 *
 * <p>The rule is applied to the addresses a host resolves to, by the code that then connects to
 * exactly those addresses ({@link HttpFetcher}, and the member calls of a node), so a name that
 * resolves, or re-resolves between a check and a connection (DNS rebinding), to a refused address
 * is refused. The policy also carries the certificate authorities https calls trust ({@link
 * TrustedCertificates}: the JDK's, plus any the operator adds). Immutable and thread-safe.
 */
public final class FetchPolicy {
  private final boolean allowLoopbackHttp;
  private final boolean allowLoopbackHttps;
  private final HostResolver resolver;
  private final TrustedCertificates trust;

  private FetchPolicy(
      boolean allowLoopbackHttp,
      boolean allowLoopbackHttps,
      HostResolver resolver,
      TrustedCertificates trust) {
    this.allowLoopbackHttp = allowLoopbackHttp;
    this.allowLoopbackHttps = allowLoopbackHttps || allowLoopbackHttp;
    this.resolver = requireNonNull(resolver, "resolver");
    this.trust = requireNonNull(trust, "trust");
  }

  /** https to public addresses only, names resolved by the system: a node on the internet. */
  public static FetchPolicy publicOnly() {
    return of(false);
  }

  /** The policy for a node's (or the CLI's) {@code allowLoopbackHttp} setting. */
  public static FetchPolicy of(boolean allowLoopbackHttp) {
    return of(allowLoopbackHttp, false);
  }

  /**
   * The policy for the {@code allowLoopbackHttp} and {@code allowLoopbackHttps} settings: the
   * second lets loopback addresses be reached over https only.
   */
  public static FetchPolicy of(boolean allowLoopbackHttp, boolean allowLoopbackHttps) {
    return new FetchPolicy(
        allowLoopbackHttp,
        allowLoopbackHttps,
        HostResolver.system(),
        TrustedCertificates.jdkDefaults());
  }

  /** The same rule with host names resolved by {@code hostResolver}. */
  public FetchPolicy withResolver(HostResolver hostResolver) {
    return new FetchPolicy(allowLoopbackHttp, allowLoopbackHttps, hostResolver, trust);
  }

  /** The same rule, https calls trusting these certificate authorities. */
  public FetchPolicy withTrust(TrustedCertificates certificates) {
    return new FetchPolicy(allowLoopbackHttp, allowLoopbackHttps, resolver, certificates);
  }

  /** Whether loopback addresses (and plain http to them) are allowed. */
  public boolean allowLoopbackHttp() {
    return allowLoopbackHttp;
  }

  /** Whether loopback addresses are allowed over https (true too with allowLoopbackHttp). */
  public boolean allowLoopbackHttps() {
    return allowLoopbackHttps;
  }

  /** The certificate authorities https calls trust. */
  public TrustedCertificates trust() {
    return trust;
  }

  /**
   * Checks what can be checked before any name is looked up: an absolute http(s) URL with a host
   * and no user info, plain http only when loopback is allowed.
   */
  public void checkUrl(URI url) throws FetchRefusedException {
    requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || url.getHost().isEmpty()) {
      throw new FetchRefusedException(url.toString(), "is not an absolute URL with a host");
    }
    if (url.getRawUserInfo() != null) {
      throw new FetchRefusedException(url.toString(), "carries user info, which is never sent");
    }
    if (scheme.equals("https")) return;
    if (scheme.equals("http")) {
      if (!allowLoopbackHttp) {
        throw new FetchRefusedException(
            url.toString(), "is plain http; this node fetches over https only");
      }
      if (!isLoopbackName(url.getHost())) {
        throw new FetchRefusedException(
            url.toString(),
            "is plain http to a host that is not loopback; this node fetches over https only"
                + " (plain http only to loopback hosts)");
      }
      return;
    }
    throw new FetchRefusedException(
        url.toString(), "is not an https URL; this node fetches over https only");
  }

  /**
   * Whether a host is loopback by its name alone: {@code localhost} or a loopback literal such as
   * {@code 127.0.0.1} or {@code [::1]}. Used to choose plain http; where a connection then goes is
   * still checked on the resolved address.
   */
  public static boolean isLoopbackName(String host) {
    if (host == null) return false;
    if (host.equalsIgnoreCase("localhost")) return true;
    boolean literal = host.startsWith("[") || host.matches("[0-9.]+");
    if (!literal) return false;
    try {
      // A literal: parsed, not looked up.
      return AddressKind.of(InetAddress.getByName(host)) == AddressKind.LOOPBACK;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The host's addresses, looked up with this policy's resolver, if every one of them may be
   * connected to over some scheme; fails with {@link FetchRefusedException} naming the first that
   * may not (a name that mixes public and refused addresses is refused as a whole), or {@link
   * UnknownHostException}.
   */
  public List<InetAddress> resolve(String host) throws UnknownHostException, FetchRefusedException {
    requireNonNull(host, "host");
    List<InetAddress> addresses = resolver.resolve(host);
    if (addresses == null || addresses.isEmpty()) throw new UnknownHostException(host);
    for (InetAddress address : addresses) {
      check(null, host, address);
    }
    return List.copyOf(addresses);
  }

  /**
   * Checks one address about to be connected to for a URL of {@code scheme} on {@code host}: a
   * public address over https, or (when allowed) a loopback address over https, or over http too
   * with {@code allowLoopbackHttp}.
   */
  public void checkAddress(String scheme, String host, InetAddress address)
      throws FetchRefusedException {
    check(requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT), host, address);
  }

  // scheme null: whether any scheme may reach the address (name lookup, before the scheme is known
  // to the HTTP library).
  private void check(String scheme, String host, InetAddress address) throws FetchRefusedException {
    requireNonNull(address, "address");
    AddressKind kind = AddressKind.of(address);
    String resolves = "resolves to " + kind.phrase() + " (" + address.getHostAddress() + ")";
    if (kind == AddressKind.LOOPBACK) {
      if (allowLoopbackHttp) return;
      if (allowLoopbackHttps) {
        if (scheme == null || scheme.equals("https")) return;
        throw new FetchRefusedException(
            host, resolves + ", which this node fetches from over https only");
      }
      throw new FetchRefusedException(host, resolves + ", which this node does not fetch from");
    }
    if (kind != AddressKind.PUBLIC) {
      throw new FetchRefusedException(host, resolves + ", which this node does not fetch from");
    }
    if (scheme != null && !scheme.equals("https")) {
      throw new FetchRefusedException(
          host, resolves + ", which this node fetches from over https only");
    }
  }

  @Override
  public String toString() {
    String rule =
        allowLoopbackHttp
            ? "https to public addresses, loopback allowed"
            : allowLoopbackHttps
                ? "https to public and loopback addresses"
                : "https to public addresses";
    return trust.isJdkDefault() ? rule : rule + ", trusting " + trust;
  }
}
