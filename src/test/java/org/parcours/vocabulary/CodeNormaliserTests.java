package org.parcours.vocabulary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CodeNormaliserTests {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource({ "icd-10,I50.9,I509", "icd-10,i50.9,I509", "icd-10, I50 ,I50", "icd-9,428.0,4280", "icd-9,428,428", "icd-9,42,042",
			"icd-9,8,008", "icd-9,70.22,07022", "icd-9,250.83,25083", "icd-9,V45.81,V4581", "icd-9,v45,V45", "icd-9,E849.0,E8490",
			"snomed,84114007,84114007", "category,COPD,copd" })
	void normalises(String system, String code, String normalised) {
		assertThat(CodeNormaliser.normalise(CodeSystem.fromId(system).orElseThrow(), code)).isEqualTo(normalised);
	}
}
