package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.zephycloud.ledger.infra.LedgerApplication;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed writes a stored payload's published JSON straight from the stored JSON when it can
 * ({@link StoredPayloadPassThrough}): for every published type, stored by the application's own
 * event serializer, the envelope it writes is the one written from the record, byte for byte.
 */
class StoredPayloadPassThroughTest {

    private static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        application = new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.newUrl("pass_through_"),
                "--zephy.admin.password=" + TestDatabase.ADMIN_PASSWORD,
                "--zephy.service.password=" + TestDatabase.SERVICE_PASSWORD);
    }

    @AfterAll
    static void stop() {
        application.close();
    }

    @Test
    void everyPublishedTypeIsWrittenFromItsStoredJsonAsFromItsRecord() throws Exception {
        Serializer serializer = application.getBean("eventSerializer", Serializer.class);
        StoredEventMapper mapper = application.getBean(StoredEventMapper.class);
        PublishedEventWriter writer = new PublishedEventWriter(mapper);
        StoredPayloadPassThrough passThrough = new StoredPayloadPassThrough();
        List<String> passedThrough = new ArrayList<>();
        Instant time = Instant.parse("2026-11-23T10:15:30.120Z");
        List<Object[]> cases = new ArrayList<>();
        for (PublishedEventType type : application.getBean(EventContract.class).types()) {
            cases.add(new Object[]{type, SampleEvents.filled(type.payloadClass())});
            cases.add(new Object[]{type, SampleEvents.withNulls(type.payloadClass())});
        }
        // decimals the stored JSON writes otherwise than the API: 1E+2 (a whole amount), 10.50000 (a scale
        // kept); strings with escapes, accents and control characters, copied as stored
        cases.add(new Object[]{EventContract.typeOf(CreditConsumed.class), new CreditConsumed(UserId.of(7),
                TransactionId.of(9), Zephycoins.of("100"), "render \"é\" \\ \n\t ✓ \u0001 </x>", "{\"a\": 1}", ChargeCategory.COMPUTATION,
                new ChargeContext("p-1", 3L, time, time.plusSeconds(60), new BigDecimal("10.50000"), null, null),
                Zephycoins.ZERO)});
        for (Object[] each : cases) {
            PublishedEventType type = (PublishedEventType) each[0];
            Object sample = each[1];
            if (sample == null) {
                continue;
            }
            SerializedObject<byte[]> stored = serializer.serialize(sample, byte[].class);
            String revision = stored.getType().getRevision();
            String fromRecord = PublishedPayloads.json().writeValueAsString(mapper.fromRow(type, "e-1", 42,
                    "user:7", 3, time, stored.getType().getName(), revision, stored.getData()));
            ByteArrayOutputStream written = new ByteArrayOutputStream(); // UTF-8 bytes, as the API answers
            try (JsonGenerator out = PublishedPayloads.json().createGenerator(written)) {
                writer.write(out, type, "e-1", 42, "user:7", 3, DateTimeUtils.formatInstant(time), time,
                        stored.getType().getName(), revision, stored.getData());
            }
            assertThat(written.toString(StandardCharsets.UTF_8)).as(type.name() + " from " + new String(stored.getData()))
                    .isEqualTo(fromRecord);
            if (passThrough.handles(type, revision)) {
                passedThrough.add(type.name());
            }
        }
        // the ledger's and the users' events, most of any feed, take the short path
        assertThat(passedThrough).contains(name(CreditConsumed.class), name(CreditAdded.class),
                name(UserRegistered.class));
        System.out.println("written from the stored JSON: " + passedThrough.stream().distinct().toList());
    }

    private static String name(Class<?> record) {
        return EventContract.typeOf(record).name();
    }

    @Test
    void onlyAPlainDecimalWithoutTrailingZerosIsCopiedAsStored() {
        for (String plain : new String[]{"0.01", "99999.99", "-0.5", "12.345"}) {
            assertThat(StoredPayloadPassThrough.plainWithoutTrailingZeros(plain.toCharArray(), 0, plain.length()))
                    .as(plain).isTrue();
            assertThat(new BigDecimal(plain).stripTrailingZeros().toPlainString()).isEqualTo(plain);
        }
        for (String other : new String[]{"1E+2", "1.5e3", "10.50000", "0.0", "-0.0", "5.", ".5", "-", "", "1.2.3",
                "100", "1.0"}) {
            assertThat(StoredPayloadPassThrough.plainWithoutTrailingZeros(other.toCharArray(), 0, other.length()))
                    .as(other).isFalse();
        }
        char[] inside = "[0.25,".toCharArray();
        assertThat(StoredPayloadPassThrough.plainWithoutTrailingZeros(inside, 1, 4)).isTrue();
    }

    @Test
    void anOlderStoredRevisionGoesThroughItsRecord() {
        PublishedEventType type = EventContract.typeOf(CreditConsumed.class);
        assertThat(new StoredPayloadPassThrough().handles(type, type.version())).isTrue();
        assertThat(new StoredPayloadPassThrough().handles(type, "0")).isFalse();
    }
}
