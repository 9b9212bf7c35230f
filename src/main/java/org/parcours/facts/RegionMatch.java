package org.parcours.facts;

import java.util.Collection;

/**
 * How an ISO 3166-2 region ({@code CH-GE}) or country ({@code CH}) stands to a list of such codes:
 * the code structure only. What each answer means for a programme is the rules' choice
 * ({@code programmes/criteria.drl}, {@code serviceArea}).
 */
public enum RegionMatch {

	/** The region is listed, or lies in a listed country. */
	INSIDE,
	/** Only a country is given, and only part of it is listed: the subdivision would decide. */
	COUNTRY_PARTLY_LISTED,
	/** Neither. */
	OUTSIDE;

	public static RegionMatch of(String region, Collection<String> listed) {
		if (listed.stream().anyMatch(code -> region.equals(code) || region.startsWith(code + "-"))) {
			return INSIDE;
		}
		if (region.indexOf('-') < 0 && listed.stream().anyMatch(code -> code.startsWith(region + "-"))) {
			return COUNTRY_PARTLY_LISTED;
		}
		return OUTSIDE;
	}

	/**
	 * Whether two lists of codes share any territory: a code of one lies in, or contains, a code of the
	 * other ({@code CH} and {@code CH-GE} overlap; {@code FR} and {@code DE} do not).
	 */
	public static boolean overlap(Collection<String> some, Collection<String> others) {
		return some.stream().anyMatch(code -> of(code, others) != OUTSIDE || others.stream().anyMatch(other -> other.startsWith(code + "-")));
	}
}
