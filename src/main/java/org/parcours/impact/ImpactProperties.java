package org.parcours.impact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of a candidate rule set sent to {@code POST /api/v1/rules/impact} as a zip
 * ({@code parcours.impact.*}): the archive's size, the size of its files once expanded (a small zip
 * can expand without end), and the number of its entries. The default rules are about 0.5 MB in 62 files.
 */
@ConfigurationProperties("parcours.impact")
record ImpactProperties(@DefaultValue("5MB") DataSize maxArchiveSize, @DefaultValue("20MB") DataSize maxExpandedSize,
		@DefaultValue("2000") int maxEntries) {
}
