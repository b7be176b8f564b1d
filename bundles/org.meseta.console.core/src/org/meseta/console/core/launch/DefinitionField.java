package org.meseta.console.core.launch;

/** The fields of a {@link TaskDefinition}, as a {@link CheckedDefinition} names the ones it finds wrong. */
public enum DefinitionField {
    /** {@link TaskDefinition#name()}. */
    NAME,
    /** {@link TaskDefinition#command()}. */
    COMMAND,
    /** {@link TaskDefinition#resources()}. */
    RESOURCES,
    /** {@link TaskDefinition#role()}. */
    ROLE,
    /** {@link TaskDefinition#environment()}. */
    ENVIRONMENT
}
