package org.parcours;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

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
}
