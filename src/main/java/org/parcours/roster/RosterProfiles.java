package org.parcours.roster;

import java.util.List;

/** The profiles that rosters can be read with, by name. */
public final class RosterProfiles {

	private static final List<RosterProfile> ALL = List.of(new CanonicalProfile(), new UciDiabetesProfile(false),
			new UciDiabetesProfile(true));

	private RosterProfiles() {
	}

	public static List<String> names() {
		return ALL.stream().map(RosterProfile::name).toList();
	}

	public static RosterProfile named(String name) {
		String wanted = name == null || name.isBlank() ? CanonicalProfile.NAME : name.strip();
		return ALL.stream().filter(profile -> profile.name().equals(wanted)).findFirst()
			.orElseThrow(() -> new RosterFileException(RosterFileException.Kind.UNKNOWN_PROFILE, "profile",
					"unknown profile; the profiles are " + String.join(", ", names())));
	}
}
