package network.baton.credential.integrity;

import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * RDF Dataset Canonicalization RDFC-1.0 (SHA-256), fed quads by titanium-json-ld's toRdf.
 *
 * <p>Written by hand because titanium-rdfc 2.0.0 (the maintained Java library) keeps the related
 * blank nodes of Hash N-Degree Quads (RDFC-1.0 4.8.3 step 3.1.2) in a set, while the specification
 * and the reference implementation (rdf-canonize, used by jsonld.js and by Open Badges issuers)
 * keep a list with a node once per quad that relates it. The two give different labels when such
 * nodes tie, e.g. several identical embedded proofs, and the 1EdTech fixture complete.json then
 * fails to verify with titanium-rdfc. Switch back when titanium-rdfc fixes it; the tests compare
 * both on the conformance fixtures.
 *
 * <p>Sorting follows the specification's Unicode code point order; rdf-canonize sorts UTF-16 code
 * units, which differs only when strings that differ first at a character above U+FFFF against one
 * in U+E000..U+FFFF (checked against rdf-canonize on generated datasets, see the tests).
 *
 * <p>Not thread-safe: one instance per canonicalization. Gives up with {@link
 * IllegalStateException} after the deadline, so a crafted "poison" graph cannot pin a core.
 */
final class Rdfc10 implements RdfQuadConsumer {

  private static final HexFormat HEX = HexFormat.of();
  private static final Comparator<String> CODE_POINT_ORDER = Rdfc10::compareCodePoints;

  /** One quad; {@code blankObject} tells a blank node object from a literal that looks like one. */
  private record Quad(
      String subject,
      String predicate,
      String object,
      String datatype,
      String language,
      String direction,
      String graph,
      boolean blankObject) {

    String serialize(UnaryOperator<String> blank) {
      return NQuadsWriter.nquad(
          isBlank(subject) ? blank.apply(subject) : subject,
          predicate,
          blankObject ? blank.apply(object) : object,
          datatype,
          language,
          direction,
          graph != null && isBlank(graph) ? blank.apply(graph) : graph);
    }
  }

  /** Issues identifiers with a prefix, remembering the order in which they were issued. */
  private static final class Issuer {
    private final String prefix;
    private final LinkedHashMap<String, String> issued;

    Issuer(String prefix) {
      this(prefix, new LinkedHashMap<>());
    }

    private Issuer(String prefix, LinkedHashMap<String, String> issued) {
      this.prefix = prefix;
      this.issued = issued;
    }

    String issue(String id) {
      return issued.computeIfAbsent(id, k -> prefix + issued.size());
    }

    boolean has(String id) {
      return issued.containsKey(id);
    }

    Issuer copy() {
      return new Issuer(prefix, new LinkedHashMap<>(issued));
    }
  }

  private record NDegreeResult(String hash, Issuer issuer) {}

  private final Set<Quad> quads = new LinkedHashSet<>();
  private final Map<String, List<Quad>> quadsOfBlank = new LinkedHashMap<>();
  private final Map<String, String> firstDegree = new HashMap<>();
  private final Issuer canonical = new Issuer("_:c14n");
  private final MessageDigest sha256;
  private final long deadlineNanos;

  Rdfc10(long timeLimitMillis) {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    deadlineNanos = System.nanoTime() + timeLimitMillis * 1_000_000L;
  }

  @Override
  public RdfQuadConsumer quad(
      String subject,
      String predicate,
      String object,
      String datatype,
      String language,
      String direction,
      String graph) {
    boolean literal = RdfQuadConsumer.isLiteral(datatype, language, direction);
    Quad quad =
        new Quad(
            subject,
            predicate,
            object,
            datatype,
            language,
            direction,
            graph,
            !literal && isBlank(object));
    if (quads.add(quad)) {
      Set<String> blanks = new LinkedHashSet<>();
      if (isBlank(subject)) {
        blanks.add(subject);
      }
      if (quad.blankObject()) {
        blanks.add(object);
      }
      if (graph != null && isBlank(graph)) {
        blanks.add(graph);
      }
      for (String blank : blanks) {
        quadsOfBlank.computeIfAbsent(blank, k -> new ArrayList<>()).add(quad);
      }
    }
    return this;
  }

  /** The canonical N-Quads document of every quad received (RDFC-1.0 section 4.4). */
  String canonicalNQuads() {
    // 4.4.3 steps 3-4: first degree hashes; unique ones get canonical identifiers in hash order.
    TreeMap<String, List<String>> byHash = new TreeMap<>();
    for (String blank : quadsOfBlank.keySet()) {
      byHash.computeIfAbsent(hashFirstDegree(blank), k -> new ArrayList<>()).add(blank);
    }
    for (List<String> blanks : byHash.values()) {
      if (blanks.size() == 1) {
        canonical.issue(blanks.get(0));
      }
    }
    // Step 5: shared hashes are told apart by Hash N-Degree Quads.
    for (List<String> blanks : byHash.values()) {
      if (blanks.size() == 1) {
        continue;
      }
      List<NDegreeResult> results = new ArrayList<>();
      for (String blank : blanks) {
        if (canonical.has(blank)) {
          continue;
        }
        Issuer temporary = new Issuer("_:b");
        temporary.issue(blank);
        results.add(hashNDegree(blank, temporary));
      }
      results.sort(Comparator.comparing(NDegreeResult::hash));
      for (NDegreeResult result : results) {
        result.issuer().issued.keySet().forEach(canonical::issue);
      }
    }
    // Step 6: relabel, serialize, sort in code point order.
    List<String> lines = new ArrayList<>(quads.size());
    for (Quad quad : quads) {
      lines.add(quad.serialize(canonical::issue));
    }
    lines.sort(CODE_POINT_ORDER);
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String line : lines) {
      if (!line.equals(previous)) {
        out.append(line);
      }
      previous = line;
    }
    return out.toString();
  }

  private String hashFirstDegree(String blank) {
    String cached = firstDegree.get(blank);
    if (cached != null) {
      return cached;
    }
    List<String> lines = new ArrayList<>();
    for (Quad quad : quadsOfBlank.get(blank)) {
      lines.add(quad.serialize(id -> id.equals(blank) ? "_:a" : "_:z"));
    }
    lines.sort(CODE_POINT_ORDER);
    String hash = sha256(String.join("", lines));
    firstDegree.put(blank, hash);
    return hash;
  }

  private String hashRelated(String related, Quad quad, Issuer issuer, char position) {
    String id;
    if (canonical.has(related)) {
      id = canonical.issue(related);
    } else if (issuer.has(related)) {
      id = issuer.issue(related);
    } else {
      id = hashFirstDegree(related);
    }
    String input = position + (position == 'g' ? "" : "<" + quad.predicate() + ">") + id;
    return sha256(input);
  }

  private NDegreeResult hashNDegree(String blank, Issuer issuer) {
    checkDeadline();
    // Steps 1-3: related blank nodes by hash, once per quad that relates them (a list, not a set).
    TreeMap<String, List<String>> hashToRelated = new TreeMap<>();
    for (Quad quad : quadsOfBlank.get(blank)) {
      if (isBlank(quad.subject()) && !quad.subject().equals(blank)) {
        addRelated(hashToRelated, quad.subject(), quad, issuer, 's');
      }
      if (quad.blankObject() && !quad.object().equals(blank)) {
        addRelated(hashToRelated, quad.object(), quad, issuer, 'o');
      }
      if (quad.graph() != null && isBlank(quad.graph()) && !quad.graph().equals(blank)) {
        addRelated(hashToRelated, quad.graph(), quad, issuer, 'g');
      }
    }
    StringBuilder dataToHash = new StringBuilder();
    for (Map.Entry<String, List<String>> entry : hashToRelated.entrySet()) {
      dataToHash.append(entry.getKey());
      String chosenPath = null;
      Issuer chosenIssuer = null;
      List<String> permutation = new ArrayList<>(entry.getValue());
      Collections.sort(permutation);
      // Equal entries give equal paths, so distinct permutations are enough.
      do {
        checkDeadline();
        Issuer issuerCopy = issuer.copy();
        StringBuilder path = new StringBuilder();
        List<String> recursion = new ArrayList<>();
        boolean skip = false;
        for (String related : permutation) {
          if (canonical.has(related)) {
            path.append(canonical.issue(related));
          } else {
            if (!issuerCopy.has(related)) {
              recursion.add(related);
            }
            path.append(issuerCopy.issue(related));
          }
          if (worse(path, chosenPath)) {
            skip = true;
            break;
          }
        }
        if (!skip) {
          for (String related : recursion) {
            NDegreeResult result = hashNDegree(related, issuerCopy);
            path.append(issuerCopy.issue(related)).append('<').append(result.hash()).append('>');
            issuerCopy = result.issuer();
            if (worse(path, chosenPath)) {
              skip = true;
              break;
            }
          }
        }
        if (!skip && (chosenPath == null || path.toString().compareTo(chosenPath) < 0)) {
          chosenPath = path.toString();
          chosenIssuer = issuerCopy;
        }
      } while (nextPermutation(permutation));
      dataToHash.append(chosenPath);
      issuer = chosenIssuer;
    }
    return new NDegreeResult(sha256(dataToHash.toString()), issuer);
  }

  private void addRelated(
      TreeMap<String, List<String>> hashToRelated,
      String related,
      Quad quad,
      Issuer issuer,
      char position) {
    hashToRelated
        .computeIfAbsent(hashRelated(related, quad, issuer, position), k -> new ArrayList<>())
        .add(related);
  }

  private static boolean worse(CharSequence path, String chosenPath) {
    return chosenPath != null
        && path.length() >= chosenPath.length()
        && path.toString().compareTo(chosenPath) > 0;
  }

  /** Rearranges to the next lexicographic permutation; false after the last one. */
  private static boolean nextPermutation(List<String> items) {
    int i = items.size() - 2;
    while (i >= 0 && items.get(i).compareTo(items.get(i + 1)) >= 0) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = items.size() - 1;
    while (items.get(j).compareTo(items.get(i)) <= 0) {
      j--;
    }
    Collections.swap(items, i, j);
    Collections.reverse(items.subList(i + 1, items.size()));
    return true;
  }

  private void checkDeadline() {
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new IllegalStateException("RDF canonicalization time limit exceeded");
    }
  }

  private String sha256(String text) {
    sha256.reset();
    return HEX.formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean isBlank(String term) {
    return term.startsWith("_:");
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
