package org.parcours.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI description the service publishes at {@code /v3/api-docs}, and the check that it
 * describes a real answer: every property of the answer, at every depth, must be declared by the
 * schema of that operation, status and media type, with a compatible type. An answer described as a
 * bare {@code object}, or a field added to a record that the description does not show, fails. Only
 * a schema that declares {@code additionalProperties} (a FHIR resource) may hold members it does not list.
 */
public final class ApiDescription {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode description;

	private ApiDescription(JsonNode description) {
		this.description = description;
	}

	public static ApiDescription of(MockMvc mvc) throws Exception {
		return new ApiDescription(JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString()));
	}

	public JsonNode json() {
		return description;
	}

	/** The operation, e.g. {@code operation("post", "/api/v1/assessments")}. */
	public JsonNode operation(String method, String path) {
		JsonNode operation = description.path("paths").path(path).path(method);
		assertThat(operation.isObject()).as("%s %s is described", method, path).isTrue();
		return operation;
	}

	/** Fails naming every property of the answer that the description of this operation does not declare. */
	public void assertDescribes(String method, String path, MvcResult result) throws Exception {
		int status = result.getResponse().getStatus();
		String mediaType = MediaType.parseMediaType(result.getResponse().getContentType()).getType() + "/"
				+ MediaType.parseMediaType(result.getResponse().getContentType()).getSubtype();
		JsonNode schema = operation(method, path).path("responses").path(Integer.toString(status)).path("content").path(mediaType)
			.path("schema");
		assertThat(schema.isObject()).as("%s %s describes its %s answer as %s", method, path, status, mediaType).isTrue();
		JsonNode answer = JSON.readTree(result.getResponse().getContentAsString());
		assertThat(undescribed(answer, schema)).as("properties of the %s answer of %s %s missing from its description", status,
				method, path).isEmpty();
	}

	/** Every property path of {@code value} that {@code schema} does not declare, or declares with another type. */
	public Set<String> undescribed(JsonNode value, JsonNode schema) {
		Set<String> missing = new LinkedHashSet<>();
		walk(value, schema, "$", missing);
		return missing;
	}

	private void walk(JsonNode value, JsonNode schema, String path, Set<String> missing) {
		List<JsonNode> schemas = flatten(schema);
		if (value.isNull()) {
			return;
		}
		Set<String> types = types(schemas);
		if (!types.isEmpty() && !types.contains(type(value)) && !(type(value).equals("integer") && types.contains("number"))) {
			missing.add(path + " (" + type(value) + ", described as " + types + ")");
			return;
		}
		if (value.isObject()) {
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			JsonNode additional = null;
			for (JsonNode each : schemas) {
				each.path("properties").properties().forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
				JsonNode declared = each.path("additionalProperties");
				if (declared.isObject() || declared.isBoolean() && declared.asBoolean()) {
					// Open by design (FHIR resources, prefetch): members are those of the FHIR specification.
					additional = declared.isObject() ? declared : JSON.createObjectNode();
				}
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				JsonNode declared = properties.getOrDefault(field.getKey(), additional);
				if (declared == null) {
					missing.add(path + "." + field.getKey());
				}
				else if (declared != additional || !declared.isEmpty()) {
					walk(field.getValue(), declared, path + "." + field.getKey(), missing);
				}
			}
		}
		else if (value.isArray()) {
			JsonNode items = schemas.stream().map(each -> each.path("items")).filter(JsonNode::isObject).findFirst().orElse(null);
			if (items == null && !value.isEmpty()) {
				missing.add(path + "[] (no item schema)");
			}
			for (JsonNode item : value) {
				walk(item, items, path + "[]", missing);
			}
		}
	}

	/** The schema with its reference and allOf members resolved, as the list of schemas that apply. */
	private List<JsonNode> flatten(JsonNode schema) {
		List<JsonNode> all = new ArrayList<>();
		if (schema == null || !schema.isObject()) {
			return all;
		}
		if (schema.has("$ref")) {
			JsonNode target = description.at(schema.get("$ref").asString().substring(1));
			assertThat(target.isObject()).as("reference %s resolves", schema.get("$ref").asString()).isTrue();
			all.addAll(flatten(target));
		}
		all.add(schema);
		for (JsonNode member : schema.path("allOf")) {
			all.addAll(flatten(member));
		}
		return all;
	}

	private static Set<String> types(List<JsonNode> schemas) {
		Set<String> types = new LinkedHashSet<>();
		for (JsonNode schema : schemas) {
			JsonNode type = schema.path("type");
			if (type.isString()) {
				types.add(type.asString());
			}
			type.values().forEach(each -> types.add(each.asString()));
		}
		return types;
	}

	private static String type(JsonNode value) {
		if (value.isObject()) {
			return "object";
		}
		if (value.isArray()) {
			return "array";
		}
		if (value.isString()) {
			return "string";
		}
		if (value.isBoolean()) {
			return "boolean";
		}
		return value.isIntegralNumber() ? "integer" : "number";
	}
}
