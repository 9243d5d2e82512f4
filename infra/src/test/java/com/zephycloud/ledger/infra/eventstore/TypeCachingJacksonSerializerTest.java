package com.zephycloud.ledger.infra.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeCachingJacksonSerializerTest {

    private final TypeCachingJacksonSerializer serializer = new TypeCachingJacksonSerializer(
            JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()));

    @Test
    void eventsGoThereAndBackWithTheirClassRememberedByName() {
        UserRankChanged event = new UserRankChanged(UserId.of(5), Rank.GOLD, Rank.SILVER);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        assertThat(serializer.classForType(new SimpleSerializedType(UserRankChanged.class.getName(), "7")))
                .isEqualTo(UserRankChanged.class);
    }

    @Test
    void unknownAndEmptyTypesAreAxons() {
        assertThat(serializer.classForType(new SimpleSerializedType("com.example.Gone", null)))
                .isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        assertThat(serializer.classForType(new SimpleSerializedType("empty", "1")))
                .isEqualTo(UnknownSerializedType.class);
    }
}
