package io.caseswarm.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void aBrokerWhosePortWasTakenBeforeItBoundItStartsOnFreshPorts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger asked = new AtomicInteger();
            // the first broker is given the taken port as its client port, as when another process wins the race
            try (KafkaBroker broker = KafkaBroker.start(List.of("probe"),
                    () -> asked.getAndIncrement() == 0 ? taken.getLocalPort() : FreePorts.next());
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                assertThat(broker.bootstrapServers()).doesNotEndWith(":" + taken.getLocalPort());
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("probe");
                assertThat(asked.get()).isEqualTo(4);
            }
        }
    }

    @Test
    void aBrokerThatCannotBindAnyPortItIsGivenFailsWithItsLogInTheMessage() throws Exception {
        try (ServerSocket client = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicInteger asked = new AtomicInteger();
            assertThatThrownBy(() -> KafkaBroker.start(List.of(),
                    () -> (asked.getAndIncrement() % 2 == 0 ? client : controller).getLocalPort()))
                    .hasMessageContaining("exited before it was ready on ports " + client.getLocalPort())
                    .hasMessageContaining("Address already in use");
            assertThat(asked.get()).as("three tries, two ports each").isEqualTo(6);
        }
    }
}
