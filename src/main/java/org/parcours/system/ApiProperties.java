package org.parcours.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the JSON API ({@code parcours.api.max-body-size}, default 256KB: a patient is a few KB)
 * and of FHIR bodies, bundles and CDS Hooks requests with prefetch ({@code parcours.api.max-fhir-body-size},
 * default 8MB: a patient's conditions, encounters and medications over years).
 */
@ConfigurationProperties("parcours.api")
record ApiProperties(@DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("8MB") DataSize maxFhirBodySize) {
}
