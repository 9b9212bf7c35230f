package org.parcours;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import org.parcours.assessment.Evaluation;
import org.parcours.rules.RuleSet;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Packages are features, and features depend on each other in one direction only: a cycle means
 * two packages can only be understood, tested and changed together.
 */
class PackageStructureTests {

	private static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.parcours");

	/** Every package of the application is one slice, the root package included. */
	private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return SliceIdentifier.of(javaClass.getPackageName());
		}

		@Override
		public String getDescription() {
			return "packages of org.parcours";
		}
	};

	@Test
	void packagesHaveNoCycles() {
		slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
	}

	/** JSON, FHIR, CDS Hooks, rosters and golden cases assess one way: nothing but {@link Evaluation} runs the rules. */
	@Test
	void onlyTheEvaluationRunsTheRules() {
		noClasses().that().doNotBelongToAnyOf(Evaluation.class, RuleSet.class)
			.should().callMethodWhere(target(owner(type(RuleSet.class))).and(target(name("evaluate"))))
			.check(MAIN);
	}
}
