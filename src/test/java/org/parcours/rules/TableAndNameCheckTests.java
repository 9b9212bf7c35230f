package org.parcours.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A clinician's mistakes in tables and rule names, refused before anything is generated or compiled,
 * each with file, row or line and a sentence saying what was expected.
 */
class TableAndNameCheckTests {

	private static final String THRESHOLDS = "stratification/thresholds.drl.csv";

	@TempDir
	Path directory;

	private RuleSetException refusal(RulesDirectory rules) {
		RuleSetException failure = catchThrowableOfType(RuleSetException.class,
				() -> new RuleSetLoader(Clock.systemUTC()).load(rules.root()));
		assertThat(failure).as("the rule set is refused").isNotNull();
		assertThat(failure.stage()).as("refused before compilation").isEqualTo("Tables and names");
		return failure;
	}

	private RulesDirectory rules() {
		return RulesDirectory.copyOfDefault(directory);
	}

	@Test
	void aWordInANumberCellIsRefusedWithFileTableRowAndColumn() {
		RulesDirectory rules = rules();
		rules.replace(THRESHOLDS, "polypharmacy.min-medications,5\n", "polypharmacy.min-medications,five\n");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(THRESHOLDS + ":10: table "
				+ "'Stratification thresholds', row 'polypharmacy.min-medications', column 2 'value' (cell B10): 'five' is not a whole "
				+ "number; expected a whole number in digits, such as 5");
	}

	@Test
	void aDecimalCommaIsRefusedAsAValueInAColumnTheTableDoesNotHave() {
		RulesDirectory rules = rules();
		rules.replace(THRESHOLDS, "polypharmacy.min-medications,5\n", "polypharmacy.min-medications,5,5\n");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(THRESHOLDS + ":10: table "
				+ "'Stratification thresholds', row 'polypharmacy.min-medications': there is a value in column 3 (cell C10, '5') but the "
				+ "table has 2 columns. A comma splits a value in two: write decimals with a dot (5.5), and put text that contains a "
				+ "comma between double quotes");
	}

	@Test
	void aDecimalWhereTheColumnCountsWholeThingsIsRefused() {
		RulesDirectory rules = rules();
		rules.replace(THRESHOLDS, "polypharmacy.min-medications,5\n", "polypharmacy.min-medications,4.5\n");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(THRESHOLDS + ":10: table "
				+ "'Stratification thresholds', row 'polypharmacy.min-medications', column 2 'value' (cell B10): '4.5' is not a whole "
				+ "number: this column counts whole things, so write a whole number in digits, such as 5");
	}

	@Test
	void aQuotedDecimalCommaInADecimalColumnIsRefused() {
		RulesDirectory rules = rules();
		rules.replace("scores/hospital.drl.csv", "HOSPITAL-H below 12,,12.0,1", "HOSPITAL-H below 12,,\"11,5\",1");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::message).containsExactly("table 'HOSPITAL haemoglobin', "
				+ "row 'HOSPITAL-H below 12', column 3 'below (g/dL)' (cell C10): '11,5' uses a comma: write decimals with a dot, such as 11.5");
	}

	@Test
	void codeInAValueCellIsRefusedBeforeItIsCompiled() {
		RulesDirectory rules = rules();
		rules.replace("programmes/paerpa.drl.csv", "PAERPA-NEXT 3,\"medication review\"",
				"PAERPA-NEXT 3,\"x\"\"); insert(new Threshold(\"\"paerpa.min-age\"\", 0)); String y = (\"\"\"");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly("programmes/paerpa.drl.csv:32: table "
				+ "'PAERPA next steps', row 'PAERPA-NEXT 3', column 2 'next step when eligible' (cell B32): text cannot contain double "
				+ "quotes (\"): use single quotes (') instead");
	}

	@Test
	void aCopiedTableIsReportedOnceWithBothFilesAndRows() throws IOException {
		RulesDirectory rules = rules();
		rules.write("stratification/thresholds (copy).drl.csv", Files.readString(rules.root().resolve(THRESHOLDS)));
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(THRESHOLDS + ":10: 17 rule name(s) "
				+ "defined both here and in stratification/thresholds (copy).drl.csv: 'polypharmacy.min-medications' (row 10 here, row 10 "
				+ "there), 'excessive-polypharmacy.min-medications' (row 11 here, row 11 there), 'multimorbidity.min-chronic' (row 12 "
				+ "here, row 12 there) and 14 more. Rule names must be unique in rules package 'stratification': rename the rows in one "
				+ "of the two files, or remove the copy");
	}

	@Test
	void aMisspeltThresholdNameInADrlFileIsRefusedWithFileAndLine() {
		RulesDirectory rules = rules();
		rules.replace("stratification/derived.drl", "Threshold(name == \"polypharmacy.min-medications\")",
				"Threshold(name == \"polypharmacy.min-medicatons\")");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly("stratification/derived.drl:10: "
				+ "threshold 'polypharmacy.min-medicatons' is created by no table row or rule, so this condition can never match: "
				+ "did you mean 'polypharmacy.min-medications'?");
	}

	@Test
	void aMisspeltSettingOrDerivedFactInADrlFileIsRefused() {
		RulesDirectory rules = rules();
		rules.replace("programmes/prado-copd.drl", "Setting(name == \"prado-copd.admission-reason\"",
				"Setting(name == \"prado-copd.admision-reason\"");
		rules.replace("stratification/levels.drl", "\"adl-dependent\", \"cognitive-impairment\")", "\"adl-dependant\", \"cognitive-impairment\")");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(
				"programmes/prado-copd.drl:19: setting 'prado-copd.admision-reason' is created by no table row or rule, so this "
						+ "condition can never match: did you mean 'prado-copd.admission-reason'?",
				"stratification/levels.drl:48: derived fact 'adl-dependant' is created by no table row or rule, so this condition "
						+ "can never match: did you mean 'adl-dependent'?");
	}

	@Test
	void aWordThatIsNotAValueOfTheRequestFieldIsRefused() {
		RulesDirectory rules = rules();
		rules.replace("programmes/prado-heart-failure.drl.csv", "PRADO-HF reason heart-failure,heart-failure",
				"PRADO-HF reason heart-failure,heart-failur");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly("programmes/prado-heart-failure.drl.csv:10: "
				+ "table 'PRADO-HF admission reasons', row 'PRADO-HF reason heart-failure', column 2 'admission reason' (cell B10): "
				+ "'heart-failur' is not a value of the request field stay.reason (did you mean 'heart-failure'?); expected one of copd, "
				+ "delivery, heart-failure, other, stroke, surgery, tia");
	}

	@Test
	void aCategoryThatNoVocabularyNamesIsRefused() {
		RulesDirectory rules = rules();
		rules.replace(THRESHOLDS, "target copd,copd", "target copd,bpco");
		assertThat(refusal(rules).problems()).singleElement().extracting(RuleProblem::message).asString()
			.startsWith("table 'Disease-management targets', row 'target copd', column 2 'chronic category' (cell B29): 'bpco' is not a "
					+ "known chronic category; expected one of ");
	}

	@Test
	void aColumnThatDoesNotDeclareWhatItHoldsIsRefused() {
		RulesDirectory rules = rules();
		rules.replace(THRESHOLDS, "threshold,value [whole number]", "threshold,value");
		assertThat(refusal(rules).problems()).extracting(RuleProblem::toString).containsExactly(THRESHOLDS + ":9: table "
				+ "'Stratification thresholds', column 2 'value': the heading does not say what the column holds; end it with one of "
				+ CellType.DECLARABLE);
	}
}
