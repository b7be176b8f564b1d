package org.meseta.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.junit.jupiter.api.Test;

class MasterInfosTest {

    private static MasterInfo.Builder packedOnly(int ip, int port) {
        return MasterInfo.newBuilder().setId("m").setIp(ip).setPort(port);
    }

    @Test
    void thePackedIpIsInNetworkByteOrderReadLittleEndian() {
        assertEquals("127.0.0.1", MasterInfos.ip(packedOnly(16777343, 5050).build()));
        assertEquals("10.1.2.200", MasterInfos.ip(packedOnly(0xc802010a, 5050).build()));
        assertEquals(5050, MasterInfos.port(packedOnly(16777343, 5050).build()));
    }

    @Test
    void theAddressWinsOverThePackedFields() {
        MasterInfo info = packedOnly(16777343, 5050)
                .setAddress(Address.newBuilder().setIp("10.0.0.7").setPort(5051).setHostname("m1")).build();

        assertEquals("10.0.0.7", MasterInfos.ip(info));
        assertEquals(5051, MasterInfos.port(info));
    }

    @Test
    void theHostnameFallsBackToTheIp() {
        assertEquals("127.0.0.1", MasterInfos.hostname(packedOnly(16777343, 5050).build()));
        assertEquals("master-1.example.org",
                MasterInfos.hostname(packedOnly(16777343, 5050).setHostname("master-1.example.org").build()));
    }
}
