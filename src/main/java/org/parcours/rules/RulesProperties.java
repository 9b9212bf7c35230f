package org.parcours.rules;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives ({@code parcours.rules.directory}, default {@code ./rules}).
 */
@ConfigurationProperties("parcours.rules")
public record RulesProperties(@DefaultValue("rules") Path directory) {
}
