package org.parcours.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The Synthea bulk export under {@code datasets/fhir-bulk-10-patients} (one NDJSON file per
 * resource type) grouped into one collection Bundle per patient, as a hospital would send one
 * patient. Parsed once per test JVM with HAPI; every resource is kept as exported.
 */
public final class SyntheaBundles {

	public static final Path DIRECTORY = Path.of("datasets/fhir-bulk-10-patients");

	private static Map<String, Bundle> bundles;

	private SyntheaBundles() {
	}

	/** Patient id -> that patient's bundle, in the export's patient order. */
	public static synchronized Map<String, Bundle> all() {
		if (bundles == null) {
			bundles = read();
		}
		return bundles;
	}

	/** The bundle of the one patient whose id starts with {@code prefix}. */
	public static Bundle of(String prefix) {
		List<String> ids = all().keySet().stream().filter(id -> id.startsWith(prefix)).toList();
		if (ids.size() != 1) {
			throw new IllegalArgumentException("patient id prefix " + prefix + " matches " + ids.size() + " patients");
		}
		return all().get(ids.get(0));
	}

	public static String json(Bundle bundle) {
		return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
	}

	private static Map<String, Bundle> read() {
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		Map<String, List<Resource>> byPatient = new LinkedHashMap<>();
		List<Resource> others = new ArrayList<>();
		for (String type : List.of("Patient", "Condition", "Encounter", "MedicationRequest", "Procedure")) {
			try (Stream<String> lines = Files.lines(DIRECTORY.resolve(type + ".000.ndjson"))) {
				lines.filter(line -> !line.isBlank()).map(line -> (Resource) parser.parseResource(line)).forEach(resource -> {
					String patient = resource instanceof Patient ? resource.getIdElement().getIdPart() : subject(resource);
					if (patient == null) {
						others.add(resource);
					}
					else {
						byPatient.computeIfAbsent(patient, id -> new ArrayList<>()).add(resource);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (!others.isEmpty()) {
			throw new IllegalStateException(others.size() + " resources name no patient");
		}
		Map<String, Bundle> result = new LinkedHashMap<>();
		byPatient.forEach((id, resources) -> {
			Bundle bundle = new Bundle().setType(BundleType.COLLECTION);
			resources.forEach(resource -> bundle.addEntry().setResource(resource));
			result.put(id, bundle);
		});
		return result;
	}

	private static String subject(Resource resource) {
		var subject = resource.getNamedProperty("subject");
		if (subject == null || subject.getValues().isEmpty()) {
			return null;
		}
		return ((Reference) subject.getValues().get(0)).getReferenceElement().getIdPart();
	}
}
