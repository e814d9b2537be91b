package network.baton.credential.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The course catalog of fixtures/service/courses.json, as a node would answer from its store. */
public final class FixtureCourses implements CourseCatalog {
  public static final String COURSE = "https://kosen.example/resources/kosen-ec101";
  public static final String COURSE_WITH_UNKNOWN_SKILL =
      "https://kosen.example/resources/kosen-old-syllabus";
  public static final String ECH_THERMO = "https://w3id.org/baton/skill/ECH-THERMO";
  public static final String MFG_COAT = "https://w3id.org/baton/skill/MFG-COAT";

  private final Map<String, CatalogCourse> courses = new HashMap<>();

  public FixtureCourses() {
    try (InputStream in = getClass().getResourceAsStream("/fixtures/service/courses.json")) {
      for (JsonNode course : new ObjectMapper().readTree(in).path("courses")) {
        List<String> teaches = new ArrayList<>();
        course.path("teaches").forEach(s -> teaches.add(s.asText()));
        String iri = course.path("iri").asText();
        courses.put(
            iri,
            new CatalogCourse(
                iri, course.path("name").asText(), course.path("description").asText(), teaches));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<CatalogCourse> find(String achievementIri) {
    return Optional.ofNullable(courses.get(achievementIri));
  }
}
