package org.meseta.console.core;

import java.util.Optional;

/**
 * Finds the master the console was started with: {@code --master=HOST:PORT} or {@code --master=zk://…} (or
 * {@code --master HOST:PORT}) among the application arguments, else the system property
 * {@code meseta.master}. The text is returned as given, so a caller can show the user what was
 * wrong with it; validate it with {@link MasterLocation#parse(String)}.
 */
public final class MasterOption {

    /** The application argument. */
    public static final String ARGUMENT = "--master";

    /** The system property, as in {@code -Dmeseta.master=HOST:PORT}. */
    public static final String SYSTEM_PROPERTY = "meseta.master";

    private MasterOption() {
    }

    /**
     * The master text from {@code arguments} (the last one wins) or else {@code propertyValue}.
     *
     * @param arguments the application arguments; {@code null} means none
     * @param propertyValue the value of {@link #SYSTEM_PROPERTY}, or {@code null}
     * @return empty when neither names a master (blank values count as not given)
     */
    public static Optional<String> find(String[] arguments, String propertyValue) {
        String found = null;
        String[] args = arguments == null ? new String[0] : arguments;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(ARGUMENT + "=")) {
                found = args[i].substring(ARGUMENT.length() + 1);
            } else if (args[i].equals(ARGUMENT) && i + 1 < args.length) {
                found = args[++i];
            }
        }
        if (found == null || found.isBlank()) {
            found = propertyValue;
        }
        return Optional.ofNullable(found).filter(text -> !text.isBlank()).map(String::strip);
    }
}
