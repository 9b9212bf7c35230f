package org.parcours.fhir;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.DiagnosisComponent;
import org.hl7.fhir.r4.model.Procedure;

import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Kebab;
import org.parcours.vocabulary.Mappings;

/**
 * The stay reason from the index encounter's principal diagnosis, through
 * {@code vocabulary/stay-reason.csv}: the diagnosis of rank 1, else the one whose use is billing or
 * discharge diagnosis (DD), else the encounter's reasonCode. A principal diagnosis the table does not
 * list makes the reason {@code other}. When no diagnosis states a listed reason, a performed Procedure
 * of the stay whose category the table calls surgical makes it {@code surgery}. The code it came from
 * is kept, so that the answer says the reason was derived.
 */
final class StayReasonMapping {

	/** The diagnosis-role codes (http://terminology.hl7.org/CodeSystem/diagnosis-role) that name the principal diagnosis. */
	private static final List<String> PRINCIPAL_USES = List.of("billing", "DD");

	record Derived(StayReason reason, String from) {
	}

	private StayReasonMapping() {
	}

	static Optional<Derived> of(Encounter index, List<Condition> conditions, List<Procedure> proceduresOfStay, Mappings mappings) {
		Optional<Derived> diagnosis = principal(index, conditions).map(concept -> read(concept, "principal diagnosis", mappings))
			.orElseGet(() -> index.getReasonCode().stream().map(concept -> read(concept, "encounter reason", mappings))
				.flatMap(Optional::stream).findFirst());
		if (diagnosis.isPresent() && diagnosis.get().reason() != StayReason.OTHER) {
			return diagnosis;
		}
		Optional<Derived> surgical = proceduresOfStay.stream()
			.flatMap(procedure -> procedure.getCategory().getCoding().stream())
			.filter(coding -> mappings.surgicalCategory(coding.getCode())).findFirst()
			.map(coding -> new Derived(StayReason.SURGERY, "snomed " + coding.getCode().strip() + " (procedure category)"));
		return surgical.or(() -> diagnosis);
	}

	/** The code of the principal diagnosis's Condition, when the Condition was sent. */
	private static Optional<CodeableConcept> principal(Encounter index, List<Condition> conditions) {
		if (conditions == null) {
			return Optional.empty();
		}
		Predicate<DiagnosisComponent> rankOne = diagnosis -> diagnosis.hasRank() && diagnosis.getRank() == 1;
		Predicate<DiagnosisComponent> principalUse = diagnosis -> PRINCIPAL_USES.stream()
			.anyMatch(use -> diagnosis.getUse().getCoding().stream().anyMatch(coding -> use.equalsIgnoreCase(coding.getCode())));
		return index.getDiagnosis().stream().filter(rankOne).findFirst()
			.or(() -> index.getDiagnosis().stream().filter(principalUse).findFirst())
			.flatMap(diagnosis -> conditions.stream().filter(condition -> {
				String key = Fhir.key(diagnosis.getCondition());
				return key != null && key.equals(Fhir.key(condition));
			}).findFirst())
			.map(Condition::getCode);
	}

	/**
	 * The reason a coded concept states: the first coding the table lists; else {@code other} when a
	 * coding is in a system the rule set reads; else nothing (the concept cannot be read).
	 */
	private static Optional<Derived> read(CodeableConcept concept, String what, Mappings mappings) {
		Optional<Derived> other = Optional.empty();
		for (Coding coding : concept.getCoding()) {
			Optional<ConditionSystem> system = mappings.conditionSystem(coding.getSystem());
			if (system.isEmpty() || coding.getCode() == null || coding.getCode().isBlank()) {
				continue;
			}
			String from = Kebab.of(system.get()) + " " + coding.getCode().strip() + " (" + what + ")";
			Optional<StayReason> reason = mappings.stayReason(system.get(), coding.getCode());
			if (reason.isPresent()) {
				return Optional.of(new Derived(reason.get(), from));
			}
			if (other.isEmpty()) {
				other = Optional.of(new Derived(StayReason.OTHER, from));
			}
		}
		return other;
	}
}
