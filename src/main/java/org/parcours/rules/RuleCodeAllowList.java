package org.parcours.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What code compiled from rule files may call, member by member, and why anything else is refused.
 * <p>
 * The list is an allow-list: a member is usable only if it is named here. It holds the fact model
 * (which includes the helpers rules call), the members of the rule engine that the executable model
 * itself generates (describing rules, inserting facts, naming the rule), and the value types and
 * collections of {@code java.lang}, {@code java.util}, {@code java.time} and {@code java.math} that a
 * rule needs to compare, count and word its findings. Left out on purpose even where harmless-looking:
 * everything that reflects, loads classes, starts threads or processes, reads the environment or the
 * JVM, reads or writes files or streams ({@code Formatter}, {@code Scanner}, {@code Properties},
 * {@code PrintStream}), and members that turn a small input into unbounded work or memory
 * ({@code String.repeat}, {@code BigInteger.pow}, {@code Collections.nCopies}, {@code forEach} and
 * streams taking code).
 */
final class RuleCodeAllowList {

	/** Every member of these classes (internal names, '/'-separated) may be used. */
	private static final List<String> WHOLE_PACKAGES = List.of("org/parcours/facts/");

	/** Class (internal name) to the members it offers rules; {@code *} for all of them. */
	private static final Map<String, Set<String>> MEMBERS = parse("""
			java/lang/Object: <init> equals hashCode toString
			java/lang/Enum: <init> name ordinal compareTo equals hashCode toString valueOf
			java/lang/Record: <init> equals hashCode toString
			java/lang/String: <init> charAt compareTo compareToIgnoreCase concat contains endsWith equals equalsIgnoreCase hashCode indexOf isBlank isEmpty join lastIndexOf length matches replace startsWith strip stripLeading stripTrailing substring toLowerCase toString toUpperCase trim valueOf
			java/lang/CharSequence: charAt length toString isEmpty
			java/lang/StringBuilder: <init> append length toString
			java/lang/Boolean: TRUE FALSE booleanValue compare equals hashCode parseBoolean toString valueOf
			java/lang/Number: intValue longValue doubleValue floatValue shortValue byteValue
			java/lang/Integer: MAX_VALUE MIN_VALUE TYPE compare compareTo equals hashCode intValue longValue doubleValue max min parseInt signum sum toString valueOf
			java/lang/Long: MAX_VALUE MIN_VALUE TYPE compare compareTo equals hashCode intValue longValue doubleValue max min parseLong signum sum toString valueOf
			java/lang/Double: MAX_VALUE MIN_VALUE TYPE NaN compare compareTo equals hashCode intValue longValue doubleValue isNaN max min parseDouble sum toString valueOf
			java/lang/Short: TYPE compare equals hashCode intValue shortValue toString valueOf
			java/lang/Byte: TYPE compare equals hashCode intValue byteValue toString valueOf
			java/lang/Float: TYPE compare equals hashCode intValue floatValue doubleValue toString valueOf
			java/lang/Character: TYPE compare equals hashCode charValue isDigit isLetter isWhitespace toLowerCase toUpperCase toString valueOf
			java/lang/Math: abs ceil floor max min rint round signum addExact subtractExact multiplyExact toIntExact floorDiv floorMod
			java/lang/Comparable: compareTo
			java/lang/RuntimeException: <init> getMessage
			java/lang/IllegalArgumentException: <init> getMessage
			java/lang/IllegalStateException: <init> getMessage
			java/lang/ArithmeticException: <init> getMessage
			java/lang/NullPointerException: <init> getMessage
			java/lang/System: arraycopy
			java/util/Collection: add contains containsAll isEmpty size
			java/util/List: add contains containsAll get indexOf isEmpty of copyOf size subList
			java/util/ArrayList: <init> add contains containsAll get indexOf isEmpty size subList
			java/util/LinkedList: <init> add contains get isEmpty size
			java/util/Set: add contains containsAll isEmpty of copyOf size
			java/util/SortedSet: first last
			java/util/HashSet: <init> add contains isEmpty size
			java/util/LinkedHashSet: <init> add contains isEmpty size
			java/util/TreeSet: <init> add contains first last isEmpty size
			java/util/Map: containsKey get getOrDefault isEmpty of put size
			java/util/HashMap: <init> containsKey get getOrDefault isEmpty put size
			java/util/LinkedHashMap: <init> containsKey get getOrDefault isEmpty put size
			java/util/TreeMap: <init> containsKey get getOrDefault isEmpty put size
			java/util/Iterator: hasNext next
			java/util/Arrays: asList
			java/util/Collections: emptyList emptySet emptyMap singletonList singleton unmodifiableList unmodifiableSet
			java/util/Objects: equals hash hashCode isNull nonNull requireNonNull requireNonNullElse toString
			java/util/Optional: empty of ofNullable isPresent isEmpty get orElse
			java/util/Locale: ENGLISH FRENCH ROOT
			java/time/LocalDate: MIN MAX of parse compareTo equals isAfter isBefore isEqual getYear getMonthValue getDayOfMonth getDayOfWeek plusDays plusMonths plusYears minusDays minusMonths minusYears toString
			java/time/Period: between of ofDays ofMonths ofYears getDays getMonths getYears toTotalMonths
			java/time/Duration: between ofDays ofHours toDays toHours
			java/time/DayOfWeek: MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY getValue name ordinal
			java/time/Month: of getValue name ordinal
			java/time/temporal/ChronoUnit: DAYS WEEKS MONTHS YEARS between
			java/time/format/DateTimeFormatterBuilder: <init> appendPattern parseCaseInsensitive toFormatter
			java/time/format/DateTimeFormatter: ISO_LOCAL_DATE ofPattern
			java/math/BigDecimal: ZERO ONE TEN <init> valueOf add subtract multiply compareTo equals hashCode intValue longValue doubleValue signum negate abs setScale toString
			java/math/BigInteger: ZERO ONE TEN valueOf add subtract multiply compareTo equals hashCode intValue longValue signum negate abs toString
			java/math/RoundingMode: HALF_UP HALF_EVEN HALF_DOWN UP DOWN CEILING FLOOR
			org/drools/model/Drools: insert update delete
			org/drools/modelcompiler/consequence/DroolsImpl: asKnowledgeHelper
			org/drools/core/rule/consequence/KnowledgeHelper: getRule
			org/kie/api/definition/rule/Rule: getName getPackageName getId
			org/drools/modelcompiler/dsl/pattern/D: *
			org/drools/modelcompiler/util/EvaluationUtil: *
			org/drools/util/DateUtils: getDateFormatMask
			org/kie/api/KieServices: get newKieModuleModel
			org/kie/api/runtime/conf/ClockTypeOption: get
			org/kie/util/maven/support/ReleaseIdImpl: <init>
			""");

	/**
	 * Families of the rule engine whose every member may be used: they only describe rules (the
	 * executable model's DSL and module description) and never act on the machine.
	 */
	private static final List<String> ENGINE_MODEL = List.of("org/drools/model/", "org/kie/api/builder/model/", "org/kie/api/conf/");

	/**
	 * The engine's built-in accumulate functions ({@code collectList}, {@code sum}, {@code count}, ...),
	 * which {@code accumulate} in a condition instantiates; only those classes, not the package's
	 * executors of expressions.
	 */
	private static final String BUILT_IN_ACCUMULATES = "org/drools/core/base/accumulators/";

	/** The one class of {@code org.drools.model} that acts at run time; it is listed member by member above. */
	private static final String RUNTIME_HANDLE = "org/drools/model/Drools";

	/** Members no class may offer rules, whatever its owner: reflection and monitors inherited from Object. */
	private static final Map<String, String> FORBIDDEN_ANYWHERE = Map.of("getClass", "reflection", "wait", "threads", "notify",
			"threads", "notifyAll", "threads", "finalize", "the JVM", "getDeclaringClass", "reflection");

	/** Why a family is refused, for the message; the first matching prefix wins. */
	private static final List<Map.Entry<String, String>> FAMILIES = List.of(
			Map.entry("java/lang/reflect/", "reflection"), Map.entry("java/lang/invoke/", "method handles (reflection)"),
			Map.entry("java/lang/Class", "reflection and class loading"), Map.entry("java/lang/Module", "reflection"),
			Map.entry("java/lang/StackWalker", "reflection"), Map.entry("java/lang/Runtime", "processes and the JVM"),
			Map.entry("java/lang/Process", "processes"), Map.entry("java/lang/System", "the JVM and its environment"),
			Map.entry("java/lang/Thread", "threads"), Map.entry("java/lang/SecurityManager", "the JVM"),
			Map.entry("java/lang/ref/", "the garbage collector"), Map.entry("java/lang/instrument/", "the JVM"),
			Map.entry("java/lang/management/", "the JVM"), Map.entry("java/util/concurrent/", "threads"),
			Map.entry("java/util/Timer", "threads"), Map.entry("java/util/Formatter", "files (a Formatter writes to files and streams)"),
			Map.entry("java/util/Scanner", "files (a Scanner reads files and streams)"),
			Map.entry("java/util/Properties", "files (Properties load and store streams)"),
			Map.entry("java/util/ServiceLoader", "class loading"), Map.entry("java/util/logging/", "files (logging)"),
			Map.entry("java/util/prefs/", "the machine's preferences store"), Map.entry("java/util/zip/", "files"),
			Map.entry("java/util/jar/", "files"), Map.entry("java/util/stream/", "code run by the library (streams)"),
			Map.entry("java/util/function/", "code run by the library (functions)"), Map.entry("java/io/", "files and streams"),
			Map.entry("java/nio/", "files and channels"), Map.entry("java/net/", "the network"), Map.entry("java/sql/", "databases"),
			Map.entry("java/rmi/", "the network"), Map.entry("java/beans/", "reflection"), Map.entry("javax/", "services outside the rules"),
			Map.entry("jdk/", "JVM internals"), Map.entry("sun/", "JVM internals"), Map.entry("com/sun/", "JVM internals"),
			Map.entry("org/drools/", "the rule engine itself"), Map.entry("org/kie/", "the rule engine itself"),
			Map.entry("org/springframework/", "the application itself"), Map.entry("org/parcours/", "the application itself"));

	private RuleCodeAllowList() {
	}

	/** Empty when rules may use this member of this class; otherwise what it would reach. */
	static Optional<String> refusal(String owner, String member) {
		String anywhere = FORBIDDEN_ANYWHERE.get(member);
		if (anywhere != null) {
			return Optional.of(anywhere);
		}
		if (allowed(owner, member) || (owner.startsWith("[") && member.equals("clone"))) {
			return Optional.empty();
		}
		return Optional.of(FAMILIES.stream().filter(family -> owner.startsWith(family.getKey())).map(Map.Entry::getValue).findFirst()
			.orElse("code that is not on the list of what rules may use"));
	}

	/** A class literal or a cast names a type without using it; only types rules may use are accepted. */
	static boolean typeAllowed(String type) {
		return WHOLE_PACKAGES.stream().anyMatch(type::startsWith) || MEMBERS.containsKey(type) || engineModel(type);
	}

	private static boolean allowed(String owner, String member) {
		if (WHOLE_PACKAGES.stream().anyMatch(owner::startsWith) || engineModel(owner)) {
			return true;
		}
		Set<String> members = MEMBERS.get(owner);
		return members != null && (members.contains("*") || members.contains(member));
	}

	private static boolean engineModel(String owner) {
		return (!owner.equals(RUNTIME_HANDLE) && ENGINE_MODEL.stream().anyMatch(owner::startsWith))
				|| (owner.startsWith(BUILT_IN_ACCUMULATES) && owner.endsWith("AccumulateFunction"));
	}

	private static Map<String, Set<String>> parse(String table) {
		Map<String, Set<String>> members = new HashMap<>();
		table.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
			int colon = line.indexOf(':');
			members.put(line.substring(0, colon), Set.of(line.substring(colon + 1).strip().split("\\s+")));
		});
		return Map.copyOf(members);
	}
}
