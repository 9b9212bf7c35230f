package org.parcours.vocabulary;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;

import org.parcours.rules.DefaultRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The default vocabularies against the clinical reference (Quan 2005 lists, chronic categories). */
class VocabularyTests {

	private final Vocabulary vocabulary = DefaultRules.get().vocabulary();

	@ParameterizedTest(name = "icd-10 {0} is Charlson {1}")
	@CsvSource({ "I21.4,myocardial-infarction", "I25.2,myocardial-infarction", "I09.9,congestive-heart-failure",
			"I42.5,congestive-heart-failure", "I42.9,congestive-heart-failure", "I50.9,congestive-heart-failure",
			"P29.0,congestive-heart-failure", "I70.0,peripheral-vascular-disease", "Z95.9,peripheral-vascular-disease",
			"G45.9,cerebrovascular-disease", "I60.0,cerebrovascular-disease", "I69.8,cerebrovascular-disease",
			"F00.1,dementia", "F03,dementia", "G31.1,dementia", "J40,chronic-pulmonary-disease", "J47,chronic-pulmonary-disease",
			"J68.4,chronic-pulmonary-disease", "M05.3,rheumatic-disease", "M36.0,rheumatic-disease", "K25.0,peptic-ulcer",
			"K28.9,peptic-ulcer", "B18.2,mild-liver-disease", "K70.0,mild-liver-disease", "K70.3,mild-liver-disease",
			"Z94.4,mild-liver-disease", "E10.0,diabetes-uncomplicated", "E14.9,diabetes-uncomplicated",
			"E11.2,diabetes-complicated", "E13.5,diabetes-complicated", "E12.7,diabetes-complicated", "G04.1,hemiplegia-paraplegia",
			"G83.4,hemiplegia-paraplegia", "N18.3,renal-disease", "Z99.2,renal-disease", "N03.2,renal-disease",
			"C00.0,any-malignancy", "C26.9,any-malignancy", "C97,any-malignancy", "K72.1,moderate-severe-liver-disease",
			"I85.0,moderate-severe-liver-disease", "C77.0,metastatic-solid-tumour", "C80.1,metastatic-solid-tumour",
			"B20.0,aids-hiv", "B24,aids-hiv" })
	void quanIcd10(String code, String category) {
		assertThat(vocabulary.lookup(CodeSystem.ICD_10, code).charlsonCategories()).contains(category);
	}

	@ParameterizedTest(name = "icd-10 {0} is not Charlson")
	@CsvSource({ "I42.4", "K70.4X", "E10.4X", "C27", "C44.9", "I25.1", "J48", "N03.1", "Q99.9" })
	void quanIcd10RangeEdges(String code) {
		var match = vocabulary.lookup(CodeSystem.ICD_10, code);
		assertThat(match.charlsonCategories()).doesNotContain("congestive-heart-failure", "any-malignancy", "myocardial-infarction",
				"chronic-pulmonary-disease", "renal-disease", "mild-liver-disease", "diabetes-uncomplicated");
	}

	/**
	 * ICD-10-CM's lettered categories sort between numbered ones as text ({@code C4A} after {@code C45}), so
	 * they must not be taken into ranges written for the numbered categories: each counts only for what it means.
	 */
	@ParameterizedTest(name = "icd-10-cm {0}: Charlson [{1}], chronic {2}")
	@CsvSource(delimiter = ';', value = { "C4A.0;;cancer", "C4A.9;;cancer", "C7A.00;any-malignancy;cancer", "C7A.1;any-malignancy;cancer",
			"C7A.8;any-malignancy;cancer", "C7B.00;metastatic-solid-tumour;cancer", "C7B.8;metastatic-solid-tumour;cancer",
			"D3A.010;;", "M1A.00;;", "Z3A.38;;" })
	void letteredIcd10CmCategoriesMatchOnlyWhatTheyMean(String code, String charlson, String chronic) {
		var match = vocabulary.lookup(CodeSystem.ICD_10, code);
		assertThat(match.charlsonCategories()).isEqualTo(charlson == null ? java.util.Set.of() : java.util.Set.of(charlson));
		assertThat(match.chronicCategory()).isEqualTo(chronic);
	}

	@ParameterizedTest(name = "icd-10 {0} around the lettered categories is still Charlson {1}")
	@CsvSource({ "C43.9,any-malignancy", "C45.0,any-malignancy", "C58,any-malignancy", "C76.8,any-malignancy",
			"C77.0,metastatic-solid-tumour", "C80.1,metastatic-solid-tumour" })
	void numberedNeighboursOfTheLetteredCategoriesKeepTheirMeaning(String code, String category) {
		assertThat(vocabulary.lookup(CodeSystem.ICD_10, code).charlsonCategories()).containsExactly(category);
	}

	@ParameterizedTest(name = "icd-9 {0} is Charlson {1}")
	@CsvSource({ "410.01,myocardial-infarction", "412,myocardial-infarction", "398.91,congestive-heart-failure",
			"425.4,congestive-heart-failure", "428.0,congestive-heart-failure", "093.0,peripheral-vascular-disease",
			"443.9,peripheral-vascular-disease", "V43.4,peripheral-vascular-disease", "362.34,cerebrovascular-disease",
			"438.9,cerebrovascular-disease", "290.0,dementia", "331.2,dementia", "416.8,chronic-pulmonary-disease",
			"496,chronic-pulmonary-disease", "508.8,chronic-pulmonary-disease", "710.0,rheumatic-disease", "725,rheumatic-disease",
			"531.0,peptic-ulcer", "070.22,mild-liver-disease", "571.5,mild-liver-disease", "V42.7,mild-liver-disease",
			"250.00,diabetes-uncomplicated", "250.3,diabetes-uncomplicated", "250.9,diabetes-uncomplicated",
			"250.4,diabetes-complicated", "250.7,diabetes-complicated", "334.1,hemiplegia-paraplegia", "344.6,hemiplegia-paraplegia",
			"403.01,renal-disease", "585.3,renal-disease", "V56.0,renal-disease", "140.0,any-malignancy", "172.9,any-malignancy",
			"195.8,any-malignancy", "238.6,any-malignancy", "456.0,moderate-severe-liver-disease", "572.8,moderate-severe-liver-disease",
			"196.0,metastatic-solid-tumour", "199.1,metastatic-solid-tumour", "042,aids-hiv", "044.9,aids-hiv" })
	void quanIcd9(String code, String category) {
		assertThat(vocabulary.lookup(CodeSystem.ICD_9, code).charlsonCategories()).contains(category);
	}

	@Test
	void quanListsSomeCodesUnderTwoCategories() {
		assertThat(vocabulary.lookup(CodeSystem.ICD_9, "404.03").charlsonCategories())
			.containsExactlyInAnyOrder("congestive-heart-failure", "renal-disease");
	}

	@ParameterizedTest(name = "icd-9 {0} is not {1}")
	@CsvSource({ "173.0,any-malignancy", "195.9,any-malignancy", "250.8,diabetes-complicated", "425.3,congestive-heart-failure",
			"443.0,peripheral-vascular-disease", "344.7,hemiplegia-paraplegia" })
	void quanIcd9RangeEdges(String code, String category) {
		assertThat(vocabulary.lookup(CodeSystem.ICD_9, code).charlsonCategories()).doesNotContain(category);
	}

	@ParameterizedTest(name = "UCI writes {0}: {1}")
	@CsvSource({ "428,heart-failure", "25083,diabetes", "250.83,diabetes", "42,hiv", "496,copd", "414,coronary-artery-disease",
			"4273,atrial-fibrillation", "V45,", "401,hypertension", "40201,heart-failure", "40200,hypertension" })
	void uciSpellings(String code, String chronic) {
		assertThat(vocabulary.lookup(CodeSystem.ICD_9, code).chronicCategory()).isEqualTo(chronic);
	}

	@ParameterizedTest(name = "chronic {0} {1} -> {2}")
	@CsvSource({ "icd-10,I11.0,heart-failure", "icd-10,I25.5,heart-failure", "icd-10,I25.1,coronary-artery-disease",
			"icd-10,I21.0,coronary-artery-disease", "icd-10,N18.4,chronic-kidney-disease", "icd-10,J44.1,copd", "icd-10,J45.9,asthma",
			"icd-10,E11.9,diabetes", "icd-10,F32.1,depression", "icd-10,C50.9,cancer", "icd-10,G20,parkinson", "icd-10,M17.1,osteoarthritis",
			"icd-10,E66.0,obesity", "icd-10,G81.9,paralysis", "icd-10,K74.6,chronic-liver-disease", "icd-10,I48.0,atrial-fibrillation",
			"icd-10,I10,hypertension", "icd-10,I63.9,cerebrovascular-disease", "icd-10,I73.9,peripheral-vascular-disease",
			"icd-10,M05.9,rheumatic-disease", "icd-10,G30.1,dementia", "icd-10,B21,hiv", "icd-9,493.90,asthma", "icd-9,332.0,parkinson",
			"icd-9,715.9,osteoarthritis", "icd-9,278.00,obesity", "icd-9,311,depression", "icd-9,331.0,dementia",
			"icd-9,070.32,chronic-liver-disease", "snomed,84114007,heart-failure", "snomed,13645005,copd", "snomed,44054006,diabetes" })
	void chronicCategories(String system, String code, String category) {
		assertThat(vocabulary.lookup(CodeSystem.fromId(system).orElseThrow(), code).chronicCategory()).isEqualTo(category);
	}

	@Test
	void categoriesSentByNameMapToCharlsonWhereUnambiguous() {
		assertThat(vocabulary.lookup(CodeSystem.CATEGORY, "copd").chronicCategory()).isEqualTo("copd");
		assertThat(vocabulary.lookup(CodeSystem.CATEGORY, "copd").charlsonCategories()).containsExactly("chronic-pulmonary-disease");
		assertThat(vocabulary.lookup(CodeSystem.CATEGORY, "hypertension").charlsonCategories()).isEmpty();
		assertThat(vocabulary.lookup(CodeSystem.CATEGORY, "no-such-category").known()).isFalse();
	}

	@Test
	void unknownCodesAreUnknownNotErrors() {
		assertThat(vocabulary.lookup(CodeSystem.ICD_10, "Q99.9").known()).isFalse();
		assertThat(vocabulary.lookup(CodeSystem.ICD_9, "V27").known()).isFalse();
	}
}
