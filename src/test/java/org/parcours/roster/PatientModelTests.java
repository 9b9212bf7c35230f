package org.parcours.roster;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.parcours.facts.PatientFacts;
import org.parcours.patient.Enums;
import org.parcours.patient.Patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request record {@link Patient} is the one source of truth for patient inputs: every field of it
 * (a block's fields named {@code block.field}) is a canonical roster column, a property the rules can
 * read on {@link PatientFacts} (unless listed as deliberately not a rule input) and a property of the
 * request schema served at {@code /v3/api-docs}. A field added in one place only fails here.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PatientModelTests {

	/** Never rule inputs: the id only labels the answer, and no rule may read sex. */
	private static final Set<String> NOT_RULE_INPUTS = Set.of("patientId", "sex");

	/** Inputs the rules read under another name, or through the value derived from them. */
	private static final Map<String, String> FACTS_NAMES = Map.of("birthDate", "age", "assessmentDate", "age",
			"residence.setting", "residenceSetting", "stay.reason", "stayReason", "conditions", "chronicCategories",
			"medications", "medicationCount");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void everyFieldIsACanonicalColumn() {
		assertThat(CanonicalProfile.COLUMNS).containsExactlyElementsOf(fields());
	}

	@Test
	void everyFieldButTheNamedOnesIsReadableByTheRules() {
		List<String> missing = fields().stream().filter(field -> !NOT_RULE_INPUTS.contains(field))
			.map(field -> FACTS_NAMES.getOrDefault(field, field.substring(field.lastIndexOf('.') + 1)))
			.filter(name -> accessor(name) == null)
			.toList();
		assertThat(missing).as("PatientFacts accessors missing").isEmpty();
	}

	@Test
	void sexCannotReachTheRules() {
		for (Method method : PatientFacts.class.getMethods()) {
			assertThat(method.getName()).isNotIn(NOT_RULE_INPUTS);
			assertThat(method.getReturnType()).isNotIn(Patient.class, Enums.Sex.class);
		}
		assertThat(PatientFacts.class.getRecordComponents()).extracting(RecordComponent::getType).doesNotContain(Patient.class);
	}

	@Test
	void everyFieldIsInTheRequestSchema() throws Exception {
		String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode schemas = json.readTree(body).path("components").path("schemas");
		List<String> undocumented = fields().stream().filter(field -> !documented(schemas, "Patient", field)).toList();
		assertThat(undocumented).as("fields missing from the Patient schema").isEmpty();
	}

	/** {@code stay.lengthOfStayDays} is property {@code lengthOfStayDays} of the schema {@code stay} refers to. */
	private static boolean documented(JsonNode schemas, String schema, String field) {
		String[] path = field.split("\\.");
		JsonNode current = schemas.path(schema);
		for (String name : path) {
			JsonNode property = current.path("properties").path(name);
			if (property.isMissingNode()) {
				return false;
			}
			String ref = property.path("$ref").asString("");
			current = ref.isEmpty() ? property : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
		}
		return true;
	}

	/** Walks the record: a field whose type is a record is a block, whose fields are named {@code block.field}. */
	private static List<String> fields() {
		List<String> fields = new ArrayList<>();
		for (RecordComponent component : Patient.class.getRecordComponents()) {
			if (component.getType().isRecord()) {
				Arrays.stream(component.getType().getRecordComponents())
					.forEach(inner -> fields.add(component.getName() + "." + inner.getName()));
			}
			else {
				fields.add(component.getName());
			}
		}
		return fields;
	}

	private static Method accessor(String name) {
		try {
			Method method = PatientFacts.class.getMethod(name);
			return Modifier.isStatic(method.getModifiers()) ? null : method;
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}
}
