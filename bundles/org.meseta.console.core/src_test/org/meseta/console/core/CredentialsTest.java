package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void theHeaderIsBasicAuthenticationAndTheTextHidesTheSecret() {
        Credentials credentials = new Credentials("alice", "s3cret:ü");

        assertEquals("Basic YWxpY2U6czNjcmV0OsO8", credentials.authorization());
        assertEquals("alice:***", credentials.toString());
    }

    @Test
    void emptyFieldsMeanNoCredentials() {
        assertEquals(Optional.empty(), Credentials.entered(" ", ""));
        assertEquals(Optional.of(new Credentials("bob", "")), Credentials.entered(" bob ", ""));
    }

    @Test
    void unusableEntriesAreExplained() {
        assertEquals("Enter a user name, or leave both user and password empty.",
                assertThrows(IllegalArgumentException.class, () -> Credentials.entered("", "pw")).getMessage());
        assertEquals("A user name cannot contain ':' (HTTP basic authentication).",
                assertThrows(IllegalArgumentException.class, () -> Credentials.entered("a:b", "pw")).getMessage());
    }
}
