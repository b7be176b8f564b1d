package org.meseta.master.internal.validation;

import java.util.Optional;

/** Mesos's rules for the ids frameworks choose (tasks, executors): they become directory names on agents. */
public final class Ids {

    private static final int MAX_LENGTH = 255;

    private Ids() {}

    /** Why {@code id} is not acceptable, or empty. */
    public static Optional<String> problem(String id) {
        if (id.isEmpty()) {
            return Optional.of("ID must not be empty");
        }
        if (id.length() > MAX_LENGTH) {
            return Optional.of("ID must not be greater than " + MAX_LENGTH + " characters");
        }
        if (id.equals(".") || id.equals("..")) {
            return Optional.of("'" + id + "' is disallowed");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                return Optional.of("'" + id + "' contains invalid characters");
            }
        }
        return Optional.empty();
    }
}
