package dev.invitations.api.personaldata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This field holds personal data of the event's {@link HoldsPersonalData#dataSubject() data subject}: it is stored
 * encrypted under that subject's key, and reads {@code null} once the key is erased. On a record component it also
 * lands on the field and the accessor, where serializers look for it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface PersonalData {
}
