package io.newsstream.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The choice of broker, without starting one. */
class KafkaBrokerExtensionTest {

    private final String saved = System.getProperty(KafkaBrokerExtension.MODE_PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(KafkaBrokerExtension.MODE_PROPERTY);
        } else {
            System.setProperty(KafkaBrokerExtension.MODE_PROPERTY, saved);
        }
    }

    @Test
    void shouldHonourAForcedEmbeddedBroker() {
        System.setProperty(KafkaBrokerExtension.MODE_PROPERTY, " Embedded ");

        assertThat(KafkaBrokerExtension.chooseMode()).isEqualTo(KafkaBrokerExtension.Mode.EMBEDDED);
    }

    @Test
    void shouldNameTheVariableWhenTheForcedModeIsUnknown() {
        System.setProperty(KafkaBrokerExtension.MODE_PROPERTY, "podman");

        assertThatThrownBy(KafkaBrokerExtension::chooseMode)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KafkaBrokerExtension.MODE_ENV)
                .hasMessageContaining("podman");
    }

    @Test
    void shouldRefuseBrokerOperationsBeforeTheClassStarts() {
        KafkaBrokerExtension kafka = KafkaBrokerExtension.create();

        assertThatThrownBy(kafka::bootstrapServers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension");
    }

    @Test
    void shouldSpellBrokerConfigsAsTheKafkaImageExpects() {
        assertThat(KafkaBrokerExtension.imageEnvName("log.retention.ms")).isEqualTo("KAFKA_LOG_RETENTION_MS");
        assertThat(KafkaBrokerExtension.imageEnvName("listener.name.internal.ssl_key")).isEqualTo("KAFKA_LISTENER_NAME_INTERNAL_SSL__KEY");
        assertThat(KafkaBrokerExtension.imageEnvName("a-b.c")).isEqualTo("KAFKA_A___B_C");
    }
}
