package org.meseta.console.core.model;

import java.util.List;

import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;

/**
 * One framework the master knows. Immutable.
 *
 * @param id its framework id
 * @param name the name it registered with
 * @param principal its principal; empty if none
 * @param roles the roles it subscribed with
 * @param active whether it is active (connected and not deactivated)
 * @param connected whether its scheduler is connected
 * @param details the master's last description of it (as of the snapshot or its last {@code FRAMEWORK_ADDED} or
 *        {@code FRAMEWORK_UPDATED}); its resources and offers are not followed between those
 */
public record FrameworkView(String id, String name, String principal, List<String> roles, boolean active,
        boolean connected, GetFrameworks.Framework details) {

    public FrameworkView {
        roles = List.copyOf(roles);
    }

    /** The view of the master's {@code framework}. */
    public static FrameworkView of(GetFrameworks.Framework framework) {
        FrameworkInfo info = framework.getFrameworkInfo();
        List<String> roles = info.getRolesCount() > 0 ? info.getRolesList()
                : info.hasRole() ? List.of(info.getRole()) : List.of(ResourceRoles.ANY);
        return new FrameworkView(info.getId().getValue(), info.getName(), info.getPrincipal(), roles,
                framework.getActive(), framework.getConnected(), framework);
    }
}
