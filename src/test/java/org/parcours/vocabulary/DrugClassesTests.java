package org.parcours.vocabulary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drug classes of {@code vocabulary/atc-class.csv} and the medication conditions of
 * {@code vocabulary/medication-*.csv}, as the default rule set holds them.
 */
class DrugClassesTests {

	private static final Vocabulary DEFAULT = DefaultVocabulary.load(DefaultVocabulary.files());

	@Test
	void aClassTakesItsPrefixesButNotTheOnesItExcludes() {
		DrugClasses classes = DEFAULT.drugClasses();
		assertThat(classes.classesOf("M01AE01")).contains("nsaid", "nsaid-non-cox2").doesNotContain("cox2-nsaid");
		assertThat(classes.classesOf("m01ah01 ")).contains("nsaid", "cox2-nsaid").doesNotContain("nsaid-non-cox2");
		assertThat(classes.classesOf("M01AX01")).doesNotContain("nsaid", "nsaid-non-cox2");
		assertThat(classes.classesOf("N05AH04")).contains("antipsychotic").doesNotContain("antipsychotic-not-quetiapine-clozapine");
		assertThat(classes.classesOf("N05AN01")).doesNotContain("antipsychotic");
	}

	@Test
	void oneCodeStatesEveryConditionWhoseListHoldsIt() {
		assertThat(DEFAULT.lookup(CodeSystem.ICD_10, "I25.1").medicationConditions()).containsExactlyInAnyOrder("coronary-artery-disease",
				"vascular-disease");
		assertThat(DEFAULT.lookup(CodeSystem.ICD_9, "4280").medicationConditions()).containsExactly("heart-failure");
		assertThat(DEFAULT.lookup(CodeSystem.ICD_10, "R00.1").known()).as("a code only the medication lists know is not unknown").isTrue();
	}

	@Test
	void aBadRowIsRefusedWithItsFileAndLine() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/atc-class.csv", "ticlopidine,B01AC05,,ticlopidine",
				"ticlopidine,B01-AC05,,ticlopidine")))
			.isInstanceOf(InvalidVocabularyException.class).hasMessageContaining("vocabulary/atc-class.csv:").hasMessageContaining("'B01-AC05' is not an ATC code");
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/atc-class.csv", "ticlopidine,B01AC05,,ticlopidine",
				"ticlopidine,B01AC05,no,ticlopidine")))
			.isInstanceOf(InvalidVocabularyException.class).hasMessageContaining("excluded must be yes or empty");
	}
}
