package dev.invitations.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param personalDataSecret the key of the keyed hash that stands for a person (org and email) wherever a store
 *                           looks people up without keeping their email; at least 32 bytes, the same on every
 *                           instance of both sides, and never changed: a new one would make every person look new,
 *                           and an erasure would miss the keys created under the old one
 */
@ConfigurationProperties("invitations")
public record PersonalDataProperties(String personalDataSecret) {
}
