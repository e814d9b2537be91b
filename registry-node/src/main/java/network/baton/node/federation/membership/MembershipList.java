package network.baton.node.federation.membership;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import network.baton.node.federation.Member;
import network.baton.node.federation.Role;

/**
 * The network's membership as the coordinator states it: a version that only grows, when it was
 * issued and until when it holds, the network's name, and its members.
 */
public record MembershipList(
    long version, Instant issuedAt, Instant expiresAt, String network, List<Member> members) {

  public MembershipList {
    if (version <= 0) {
      throw new IllegalArgumentException("membership version must be positive: " + version);
    }
    requireNonNull(issuedAt, "issuedAt");
    requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException(
          "membership list expires (" + expiresAt + ") before it is issued (" + issuedAt + ")");
    }
    if (network == null || network.isBlank()) {
      throw new IllegalArgumentException("membership list needs a network name");
    }
    network = network.strip();
    members = List.copyOf(members);
    Set<String> dids = new HashSet<>();
    for (Member member : members) {
      if (!dids.add(member.did())) {
        throw new IllegalArgumentException("member listed twice: " + member.did());
      }
    }
  }

  /** Whether the list no longer holds at this instant. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** The member with this DID, if listed. */
  public Optional<Member> member(String did) {
    return members.stream().filter(m -> m.did().equals(did)).findFirst();
  }

  /** A copy with this member added, or replacing the one with the same DID. */
  public MembershipList with(Member member) {
    List<Member> next = new ArrayList<>();
    boolean replaced = false;
    for (Member existing : members) {
      if (existing.did().equals(member.did())) {
        next.add(member);
        replaced = true;
      } else {
        next.add(existing);
      }
    }
    if (!replaced) {
      next.add(member);
    }
    return new MembershipList(version, issuedAt, expiresAt, network, next);
  }

  /** A copy without the member with this DID; fails when it is not listed. */
  public MembershipList without(String did) {
    if (member(did).isEmpty()) {
      throw new IllegalArgumentException("not a member of the list: " + did);
    }
    return new MembershipList(
        version,
        issuedAt,
        expiresAt,
        network,
        members.stream().filter(m -> !m.did().equals(did)).toList());
  }

  /** A copy with another version and validity period (what signing a new edition sets). */
  public MembershipList edition(long newVersion, Instant newIssuedAt, Instant newExpiresAt) {
    return new MembershipList(newVersion, newIssuedAt, newExpiresAt, network, members);
  }

  /** The list as JSON text (the signed payload). */
  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", version);
    root.put("network", network);
    root.put("issuedAt", issuedAt.toString());
    root.put("expiresAt", expiresAt.toString());
    ArrayNode list = root.putArray("members");
    for (Member member : members) {
      ObjectNode item = list.addObject();
      item.put("did", member.did());
      item.put("url", member.baseUrl().toString());
      item.put("name", member.name());
      ArrayNode roles = item.putArray("roles");
      member.roles().stream().map(Role::jsonName).sorted().forEach(roles::add);
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write membership JSON", e);
    }
  }

  /** The list from JSON text; fails with an {@link IllegalArgumentException} naming the fault. */
  public static MembershipList fromJson(String text) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "membership list is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("membership list must be a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || !version.canConvertToLong()) {
      throw new IllegalArgumentException("membership list needs a whole-number version");
    }
    JsonNode members = root.get("members");
    if (members == null || !members.isArray()) {
      throw new IllegalArgumentException("membership list needs a members array");
    }
    List<Member> parsed = new ArrayList<>();
    for (JsonNode item : members) {
      parsed.add(member(item, parsed.size() + 1));
    }
    return new MembershipList(
        version.longValue(),
        instant(root, "issuedAt"),
        instant(root, "expiresAt"),
        text(root, "network"),
        parsed);
  }

  private static Member member(JsonNode item, int index) {
    if (!item.isObject()) {
      throw new IllegalArgumentException("member " + index + " must be an object");
    }
    String did = text(item, "did");
    String url = text(item, "url");
    if (did == null || url == null) {
      throw new IllegalArgumentException("member " + index + " needs a did and a url");
    }
    JsonNode roles = item.get("roles");
    Set<Role> parsed = new LinkedHashSet<>();
    if (roles != null && !roles.isNull()) {
      if (!roles.isArray()) {
        throw new IllegalArgumentException("member " + index + ": roles must be an array");
      }
      for (JsonNode role : roles) {
        parsed.add(Role.fromJson(role.asText()));
      }
    }
    try {
      return new Member(did, new URI(url), text(item, "name"), parsed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("member " + index + ": url is not a URL: " + url);
    }
  }

  private static Instant instant(JsonNode root, String field) {
    String value = text(root, field);
    if (value == null) {
      throw new IllegalArgumentException("membership list needs " + field);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z: " + value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.asText();
  }
}
