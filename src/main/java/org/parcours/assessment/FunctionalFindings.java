package org.parcours.assessment;

import java.util.Set;

import org.parcours.patient.Patient;
import org.parcours.vocabulary.FunctionalFinding;

/**
 * What a coded functional finding (SNOMED CT "Lives alone", "Dementia", ...; which codes state which
 * finding is in {@code vocabulary/functional-*.csv}) says about the functional inputs. The same for
 * every input path, since conditions reach the rules only through {@link FactsBuilder}.
 *
 * <p>Precedence: a value the caller sent in {@code functional} wins over a finding, since the caller
 * said it about this patient now and a coded condition may be old; a finding only fills an input the
 * caller left unknown. Absence of a finding says nothing.
 */
final class FunctionalFindings {

	private FunctionalFindings() {
	}

	static Patient.Functional apply(Set<FunctionalFinding> findings, Patient.Functional sent) {
		if (findings.isEmpty()) {
			return sent;
		}
		Patient.Functional known = sent == null ? Patient.Functional.builder().build() : sent;
		Patient.Functional.Builder merged = known.toBuilder();
		for (FunctionalFinding finding : findings) {
			switch (finding) {
				case LIVES_ALONE -> merged.livesAlone(unlessSent(known.livesAlone(), true));
				case NO_CAREGIVER -> merged.hasCaregiver(unlessSent(known.hasCaregiver(), false));
				case COGNITIVE_IMPAIRMENT -> merged.cognitiveImpairment(unlessSent(known.cognitiveImpairment(), true));
				case DEPRESSION -> merged.depression(unlessSent(known.depression(), true));
				case UNDERNUTRITION -> merged.undernutrition(unlessSent(known.undernutrition(), true));
				case ADVERSE_DRUG_EVENT -> merged.adverseDrugEvent(unlessSent(known.adverseDrugEvent(), true));
			}
		}
		return merged.build();
	}

	private static Boolean unlessSent(Boolean sent, boolean stated) {
		return sent != null ? sent : stated;
	}
}
