package org.meseta.registry;

/**
 * The writer may no longer write: its leadership is gone (in ZooKeeper, its leader znode no longer exists), so another
 * master may lead. Nothing of the refused write was stored. A master that sees this must stop acting at once.
 */
public final class FencedException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public FencedException(String message) {
        super(message);
    }
}
