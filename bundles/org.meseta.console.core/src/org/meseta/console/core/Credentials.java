package org.meseta.console.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP basic credentials for a master (and its agents) that require authentication, as Mesos's
 * {@code --authenticate_http_readonly} masters do. Immutable. {@link #toString()} hides the secret, so credentials
 * can be logged; the console keeps them in memory only (see docs/console.md).
 *
 * @param principal the user name; not empty and without {@code :}, which basic authentication cannot carry
 * @param secret the password; may be empty
 */
public record Credentials(String principal, String secret) {

    /** @throws IllegalArgumentException with a message meant for the user if the principal cannot be used */
    public Credentials {
        if (principal == null || principal.isEmpty()) {
            throw new IllegalArgumentException("Enter a user name, or leave both user and password empty.");
        }
        if (principal.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A user name cannot contain ':' (HTTP basic authentication).");
        }
        if (secret == null) {
            throw new IllegalArgumentException("The password is missing");
        }
    }

    /**
     * The credentials a user entered: none when both fields are blank.
     *
     * @throws IllegalArgumentException with a message meant for the user (a password without a user, a user with
     *         {@code :})
     */
    public static Optional<Credentials> entered(String principal, String secret) {
        String user = principal == null ? "" : principal.strip();
        String password = secret == null ? "" : secret;
        if (user.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user, password));
    }

    /** The value of an {@code Authorization} header: {@code Basic base64(principal:secret)}. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return principal + ":***";
    }
}
