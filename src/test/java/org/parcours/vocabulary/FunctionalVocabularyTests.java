package org.parcours.vocabulary;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vocabulary/functional-*.csv: codes stating a social or functional finding, checked against the findings the model has. */
class FunctionalVocabularyTests {

	/** The mapping tables and a chronic table every vocabulary needs, and one functional table. */
	static Map<String, String> withFunctional(String text) {
		Map<String, String> files = DefaultVocabulary.texts(DefaultVocabulary.mappingTables());
		files.put("vocabulary/chronic-snomed.csv", "system,code,category,label\nsnomed,84114007,heart-failure,x\n");
		files.put("vocabulary/functional-snomed.csv", text);
		return files;
	}


	@Test
	void findingsAreLookedUpBesideCategories() {
		Vocabulary vocabulary = VocabularyLoader.load(withFunctional("system,code,category,label\nsnomed,105529008,lives-alone,Lives alone\n"
				+ "snomed,84114007,no-caregiver,made up for the test\n"));
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").functionalFindings()).containsExactly(FunctionalFinding.LIVES_ALONE);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").known()).isTrue();
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").chronicCategory()).isNull();
		var both = vocabulary.lookup(CodeSystem.SNOMED, "84114007");
		assertThat(both.chronicCategory()).isEqualTo("heart-failure");
		assertThat(both.functionalFindings()).containsExactly(FunctionalFinding.NO_CAREGIVER);
	}

	@Test
	void unknownFindingIsAProblemNamingFileAndLine() {
		assertThatThrownBy(() -> VocabularyLoader.load(withFunctional("system,code,category,label\nsnomed,105529008,lonely,x\n")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.getMessage()).contains("vocabulary/functional-snomed.csv")
				.contains("unknown functional finding 'lonely' (lives-alone, no-caregiver, cognitive-impairment, depression, "
						+ "undernutrition, adverse-drug-event)"));
	}
}
