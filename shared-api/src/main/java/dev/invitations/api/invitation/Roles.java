package dev.invitations.api.invitation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The roles an invitation grants, in the order given: 1 to {@value #MAX} distinct roles, each {@value
 * #ROLE_DESCRIPTION}. The first is the invitation's {@code role}, kept for clients written before roles. As JSON it is
 * the plain array; the events keep the list of strings.
 */
public record Roles(@JsonValue List<String> values) {

    public static final int MAX = 10;
    public static final String ROLE_DESCRIPTION = "1-64 characters of a-z, 0-9, ., _ and -";
    private static final Pattern ROLE = Pattern.compile("[a-z0-9._-]{1,64}");

    /** @throws IllegalArgumentException unless 1 to {@value #MAX} distinct valid roles */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Roles {
        if (values == null || values.isEmpty() || values.size() > MAX) {
            throw new IllegalArgumentException("an invitation has 1 to " + MAX + " roles");
        }
        if (!values.stream().allMatch(Roles::isValidRole)) {
            throw new IllegalArgumentException("each role is " + ROLE_DESCRIPTION);
        }
        values = List.copyOf(values);
        if (new HashSet<>(values).size() != values.size()) {
            throw new IllegalArgumentException("the roles must be distinct");
        }
    }

    public static Roles of(String... roles) {
        return new Roles(List.of(roles));
    }

    public static boolean isValidRole(String role) {
        return role != null && ROLE.matcher(role).matches();
    }

    /** The first role: what {@code role} shows. */
    public String first() {
        return values.get(0);
    }

    public boolean contains(String role) {
        return values.contains(role);
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
