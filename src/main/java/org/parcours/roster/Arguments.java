package org.parcours.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a command, checked against the options it knows. */
public final class Arguments {

	private final Map<String, String> values = new HashMap<>();

	private Arguments() {
	}

	public static Arguments parse(String[] args, int from, Set<String> known) {
		Arguments parsed = new Arguments();
		for (int i = from; i < args.length; i++) {
			String name = args[i];
			if (!name.startsWith("--") || !known.contains(name.substring(2))) {
				throw usage("unknown option '" + name + "'");
			}
			if (i + 1 >= args.length) {
				throw usage("option " + name + " needs a value");
			}
			if (parsed.values.put(name.substring(2), args[++i]) != null) {
				throw usage("option " + name + " is given twice");
			}
		}
		return parsed;
	}

	public String required(String name) {
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw usage("--" + name + " is required");
		}
		return value;
	}

	public String optional(String name) {
		return values.get(name);
	}

	List<String> list(String name) {
		String value = values.get(name);
		return value == null ? List.of() : List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	long number(String name, long defaultValue, long min, long max) {
		String value = values.get(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw usage("--" + name + " must be a whole number from " + min + " to " + max);
	}

	double fraction(String name) {
		String value = values.get(name);
		if (value == null) {
			return 0;
		}
		try {
			double fraction = Double.parseDouble(value.strip());
			if (fraction >= 0 && fraction <= 1) {
				return fraction;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw usage("--" + name + " must be a fraction from 0 to 1");
	}

	static RosterFileException usage(String message) {
		return new RosterFileException(RosterFileException.Kind.USAGE, "arguments", message);
	}
}
