package org.parcours.cdshooks;

/** A CDS service id that discovery does not list. */
class UnknownServiceException extends RuntimeException {

	UnknownServiceException() {
		super("no such CDS service");
	}
}
