package dev.invitations.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param personalDataSecret   the key of the keyed hash that stands for a person (org and email) wherever a store
 *                             looks people up without keeping their email; at least 32 bytes, the same on every
 *                             instance of both sides, and never changed: a new one would make every person look new,
 *                             and an erasure would miss the keys created under the old one
 * @param personalDataKeyCache how long an instance keeps a data key it read; an erasure is answered this long after
 *                             the key is gone, once no instance can still hold it
 */
@ConfigurationProperties("invitations")
public record PersonalDataProperties(
        String personalDataSecret,
        @DefaultValue("PT1S") Duration personalDataKeyCache) {
}
