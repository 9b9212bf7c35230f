package org.parcours.fhir;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;

import org.parcours.vocabulary.EncounterKind;
import org.parcours.vocabulary.Mappings;

/**
 * Reads encounters the way the history inputs are defined: which classes are admissions and which
 * are emergency visits is {@code vocabulary/fhir-encounter-class.csv}'s choice; planned, cancelled
 * and entered-in-error encounters never happened and are left out.
 */
final class Encounters {

	private static final Set<EncounterStatus> NOT_HAPPENED = Set.of(EncounterStatus.PLANNED, EncounterStatus.CANCELLED,
			EncounterStatus.ENTEREDINERROR);

	private Encounters() {
	}

	static boolean is(Encounter encounter, EncounterKind kind, Mappings mappings) {
		return mappings.encounterKind(classCode(encounter)).filter(kind::equals).isPresent();
	}

	static boolean happened(Encounter encounter) {
		return !NOT_HAPPENED.contains(encounter.getStatus());
	}

	static LocalDate start(Encounter encounter) {
		return encounter.hasPeriod() ? Fhir.date(encounter.getPeriod().getStartElement()) : null;
	}

	static LocalDate end(Encounter encounter) {
		return encounter.hasPeriod() && encounter.getPeriod().hasEnd() ? Fhir.date(encounter.getPeriod().getEndElement()) : null;
	}

	static Optional<Encounter> byId(List<Encounter> encounters, String id) {
		return encounters.stream().filter(encounter -> id.equals(Fhir.key(encounter))).findFirst();
	}

	/**
	 * The stay being assessed when the caller names none: the latest inpatient or emergency
	 * encounter still in progress, else the latest inpatient encounter that happened.
	 */
	static Optional<Encounter> likelyIndex(List<Encounter> encounters, Mappings mappings) {
		Predicate<Encounter> inpatient = encounter -> is(encounter, EncounterKind.INPATIENT, mappings);
		Predicate<Encounter> emergency = encounter -> is(encounter, EncounterKind.EMERGENCY, mappings);
		Comparator<Encounter> byStart = Comparator.comparing(Encounters::startInstant, Comparator.nullsFirst(Comparator.naturalOrder()));
		Optional<Encounter> ongoing = encounters.stream()
			.filter(encounter -> encounter.getStatus() == EncounterStatus.INPROGRESS && (inpatient.test(encounter) || emergency.test(encounter)))
			.max(byStart);
		return ongoing.or(() -> encounters.stream().filter(encounter -> inpatient.test(encounter) && happened(encounter)).max(byStart));
	}

	/**
	 * Encounters of a kind that started in {@code [from, to]} and before the index stay began:
	 * the index stay, what is part of it and what followed it are not history.
	 */
	static int count(List<Encounter> encounters, Predicate<Encounter> kind, LocalDate from, LocalDate to,
			Encounter index) {
		String indexId = index == null ? null : Fhir.key(index);
		Date indexStart = index == null ? null : startInstant(index);
		return (int) encounters.stream()
			.filter(encounter -> kind.test(encounter) && happened(encounter))
			.filter(encounter -> indexId == null || !indexId.equals(Fhir.key(encounter)) && !indexId.equals(Fhir.key(encounter.getPartOf())))
			.filter(encounter -> {
				LocalDate start = start(encounter);
				return start != null && !start.isBefore(from) && !start.isAfter(to);
			})
			.filter(encounter -> indexStart == null || startInstant(encounter) != null && startInstant(encounter).before(indexStart))
			.count();
	}

	private static Date startInstant(Encounter encounter) {
		return encounter.hasPeriod() ? encounter.getPeriod().getStart() : null;
	}

	static String classCode(Encounter encounter) {
		return encounter.hasClass_() ? Objects.requireNonNullElse(encounter.getClass_().getCode(), "") : "";
	}
}
