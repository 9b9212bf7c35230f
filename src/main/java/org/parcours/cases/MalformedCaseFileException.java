package org.parcours.cases;

/** A case file that is not a readable list of cases: the whole file is reported, at a line when known. */
class MalformedCaseFileException extends RuntimeException {

	private final int line;

	MalformedCaseFileException(String message, int line) {
		super(message);
		this.line = line;
	}

	int line() {
		return line;
	}
}
