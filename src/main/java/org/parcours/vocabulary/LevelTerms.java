package org.parcours.vocabulary;

/**
 * How one Kaiser level is named in every output ({@code vocabulary/kaiser-level.csv}): its label,
 * its HL7 risk-probability code and its CDS Hooks card indicator.
 */
public record LevelTerms(int level, String label, String riskProbability, String cdsIndicator) {
}
