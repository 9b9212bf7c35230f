package org.parcours.vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSetException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vocabulary/functional-*.csv: codes stating a social or functional finding, checked against the findings the model has. */
class FunctionalVocabularyTests {

	static final RuleFile CHRONIC = file("vocabulary/chronic-snomed.csv", "system,code,category,label\nsnomed,84114007,heart-failure,x\n");

	static RuleFile file(String path, String text) {
		return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8));
	}

	static List<RuleFile> withTables(RuleFile... files) {
		List<RuleFile> all = new ArrayList<>(DefaultVocabulary.mappingTables());
		all.addAll(List.of(files));
		return all;
	}

	@Test
	void findingsAreLookedUpBesideCategories() {
		Vocabulary vocabulary = VocabularyLoader.load(withTables(CHRONIC,
				file("vocabulary/functional-snomed.csv", "system,code,category,label\nsnomed,105529008,lives-alone,Lives alone\n"
						+ "snomed,84114007,no-caregiver,made up for the test\n")));
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").functionalFindings()).containsExactly(FunctionalFinding.LIVES_ALONE);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").known()).isTrue();
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").chronicCategory()).isNull();
		var both = vocabulary.lookup(CodeSystem.SNOMED, "84114007");
		assertThat(both.chronicCategory()).isEqualTo("heart-failure");
		assertThat(both.functionalFindings()).containsExactly(FunctionalFinding.NO_CAREGIVER);
	}

	@Test
	void unknownFindingIsAProblemNamingFileAndLine() {
		assertThatThrownBy(() -> VocabularyLoader.load(withTables(CHRONIC,
				file("vocabulary/functional-snomed.csv", "system,code,category,label\nsnomed,105529008,lonely,x\n"))))
			.isInstanceOfSatisfying(RuleSetException.class, ex -> assertThat(ex.getMessage()).contains("vocabulary/functional-snomed.csv")
				.contains("unknown functional finding 'lonely' (lives-alone, no-caregiver, cognitive-impairment, depression, "
						+ "undernutrition, adverse-drug-event)"));
	}
}
