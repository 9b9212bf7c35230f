package org.parcours.vocabulary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** ICD range matching at its edges, lettered ICD-10-CM categories included. */
class CodePatternTests {

	@ParameterizedTest(name = "{0} covers {1}: {2}")
	@CsvSource({ "C45-C58,C45.0,true", "C45-C58,C58,true", "C45-C58,C44.9,false", "C45-C58,C59,false", "C45-C58,C4A.0,false",
			"C77-C80,C7A.1,false", "C77-C80,C7B.0,false", "C00-C97,C4A,false", "C7A,C7A.00,true", "C7A,C7B.00,false",
			"C7A-C7B,C7B.8,true", "C7A-C7B,C77,false", "C7A-C7B,C7C,false", "M15-M19,M1A.0,false", "I42.5-I42.9,I42.9,true",
			"I42.5-I42.9,I42.4,false" })
	void icd10(String pattern, String code, boolean covered) {
		assertThat(CodePattern.parse(CodeSystem.ICD_10, pattern).matches(CodeNormaliser.normalise(CodeSystem.ICD_10, code)))
			.isEqualTo(covered);
	}

	@Test
	void aRangeFromANumberedToALetteredCategoryIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CodePattern.parse(CodeSystem.ICD_10, "C77-C7B"))
			.withMessageContaining("'C77-C7B' mixes a lettered ICD-10-CM category");
	}

	@Test
	void icd9SupplementaryCodesAreNotLetteredCategories() {
		assertThat(CodePattern.parse(CodeSystem.ICD_9, "V42.0").matches("V420")).isTrue();
		assertThat(CodePattern.parse(CodeSystem.ICD_9, "E800-E999").matches("E8490")).isTrue();
	}
}
