package dev.invitations.api.personaldata;

/**
 * An event with {@link PersonalData} fields, all of them about one {@link DataSubject}. Its stored form holds those
 * fields encrypted under the subject's key; erasing the key erases them from every copy of the history, after which
 * they read {@code null}.
 * <p>
 * The methods carry no get/is prefix, so Jackson does not take them for properties of the implementing record.
 */
public interface HoldsPersonalData {

    /** Whose personal data this event holds; {@code null} once it has been erased (its fields read {@code null}). */
    DataSubject dataSubject();

    /** Whether the personal data of this event has been erased. */
    default boolean personalDataErased() {
        return dataSubject() == null;
    }
}
