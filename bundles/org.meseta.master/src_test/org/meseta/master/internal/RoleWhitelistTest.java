package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;

/** {@code --roles}: frameworks may use only the listed roles and the default role. */
class RoleWhitelistTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--roles=analytics,eng/web");
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private static FrameworkInfo multiRole(String... roles) {
        FrameworkInfo.Builder info = SchedulerSession.framework("multi", FrameworkInfo.Capability.Type.MULTI_ROLE)
                .toBuilder();
        for (String role : roles) {
            info.addRoles(role);
        }
        return info.build();
    }

    @Test
    @SuppressWarnings("deprecation")
    void aFrameworkWithARoleOutsideTheListIsRefusedWithAnErrorEvent() throws Exception {
        FrameworkInfo outside = SchedulerSession.framework("outside").toBuilder().setRole("ops").build();
        SchedulerSession framework = master.framework(Http.JSON, outside);

        assertEquals(200, framework.status());
        assertEquals("Roles { ops } are not present in the master's --roles",
                framework.next(Event.Type.ERROR).getError().getMessage());
        assertEquals("end", framework.awaitEnd());
    }

    @Test
    void aMultiRoleFrameworkIsRefusedForEveryRoleOutsideTheList() throws Exception {
        SchedulerSession framework = master.framework(Http.PROTOBUF, multiRole("zeta", "analytics", "ops"));

        assertEquals("Roles { ops, zeta } are not present in the master's --roles",
                framework.next(Event.Type.ERROR).getError().getMessage());
    }

    @Test
    void listedRolesAndTheDefaultRoleAreAllowed() throws Exception {
        master.framework(Http.JSON, SchedulerSession.framework("default")).subscribed();
        master.framework(Http.JSON, multiRole("analytics", "eng/web", "*")).subscribed();
    }

    @Test
    void updateFrameworkToARoleOutsideTheListIsRefusedWith400() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, multiRole("analytics"));
        FrameworkID id = framework.subscribed();

        var refused = framework.call(Call.newBuilder().setType(Call.Type.UPDATE_FRAMEWORK)
                .setUpdateFramework(Call.UpdateFramework.newBuilder()
                        .setFrameworkInfo(multiRole("analytics", "ops").toBuilder().setId(id))));

        assertEquals(400, refused.statusCode());
        assertEquals("Supplied FrameworkInfo is not valid: Roles { ops } are not present in the master's --roles",
                Http.text(refused));
    }
}
