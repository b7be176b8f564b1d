package org.meseta.console.core.model;

/**
 * An agent's resources: the totals and how they are used, per {@link ResourceKind}.
 *
 * @param total everything the agent has
 * @param used allocated to tasks and executors
 * @param offered in outstanding offers (zero when the master has no offer stream)
 * @param reserved reserved to roles, used or not
 */
public record AgentResources(Amounts total, Amounts used, Amounts offered, Amounts reserved) {

    /** No resources. */
    public static final AgentResources NONE = new AgentResources(Amounts.NONE, Amounts.NONE, Amounts.NONE,
            Amounts.NONE);

    /** The bar of one kind. */
    public Usage usage(ResourceKind kind) {
        return new Usage(total.get(kind), used.get(kind), offered.get(kind), reserved.get(kind));
    }
}
