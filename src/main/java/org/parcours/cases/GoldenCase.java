package org.parcours.cases;

import tools.jackson.databind.JsonNode;

/**
 * One golden case as written in a case file: where it stands (file and line of its id), what it is
 * about, the patient exactly as an HTTP request body, and the parts of the answer it expects.
 */
record GoldenCase(String file, int line, String id, String description, JsonNode patient, JsonNode expect) {
}
