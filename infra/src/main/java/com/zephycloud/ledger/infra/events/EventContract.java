package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The published event types: every record under {@value #EVENT_PACKAGE} that carries
 * {@code @Revision}. Nothing is listed by hand, so a new event record is published (and must
 * have a committed schema, see docs/events.md) as soon as it exists.
 * <p>
 * Public name: {@code <area>.<RecordName>}, the area being the package below
 * {@value #EVENT_PACKAGE} ("ledger.CreditConsumed"), or the record's {@code @JsonTypeName} when
 * it has one: that keeps the name when a record is moved or renamed. Version: the
 * {@code @Revision}.
 */
public final class EventContract {

    public static final String EVENT_PACKAGE = "com.zephycloud.ledger.kernel.events";
    public static final String SCHEMA_FOLDER = "event-schemas";
    /** Payload fields never published: a password hash stays in this service. */
    public static final Set<String> WITHHELD_FIELDS = Set.of("password_hash");

    private final Map<String, PublishedEventType> byName = new LinkedHashMap<>();
    private final Map<String, PublishedEventType> byPayloadType = new LinkedHashMap<>();

    private EventContract(Collection<PublishedEventType> types) {
        for (PublishedEventType type : types) {
            PublishedEventType twin = byName.put(type.name(), type);
            if (twin != null) {
                throw new IllegalStateException("two event records publish the name " + type.name() + ": "
                        + twin.payloadClass().getName() + " and " + type.payloadClass().getName()
                        + "; give one of them @JsonTypeName(\"<area>.<Name>\")");
            }
            byPayloadType.put(type.payloadClass().getName(), type);
        }
    }

    public static EventContract scan() {
        return new EventContract(eventRecords().stream()
                .filter(record -> record.isAnnotationPresent(Revision.class))
                .map(EventContract::typeOf)
                .sorted(Comparator.comparing(PublishedEventType::name))
                .toList());
    }

    /** Every top-level record under {@value #EVENT_PACKAGE}, with or without {@code @Revision}. */
    public static List<Class<?>> eventRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Record".equals(reader.getClassMetadata().getSuperClassName())
                && !reader.getClassMetadata().hasEnclosingClass());
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(EVENT_PACKAGE)) {
            records.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), EventContract.class.getClassLoader()));
        }
        records.sort(Comparator.comparing(Class::getName));
        return records;
    }

    static PublishedEventType typeOf(Class<?> record) {
        JsonTypeName explicit = record.getAnnotation(JsonTypeName.class);
        String name;
        if (explicit != null && !explicit.value().isBlank()) {
            name = explicit.value();
        } else {
            String pkg = record.getPackageName();
            String area = pkg.length() > EVENT_PACKAGE.length() ? pkg.substring(EVENT_PACKAGE.length() + 1) : "";
            name = (area.isEmpty() ? "" : area + ".") + record.getSimpleName();
        }
        return new PublishedEventType(name, record.getAnnotation(Revision.class).value(), record);
    }

    public Collection<PublishedEventType> types() {
        return byName.values();
    }

    public Optional<PublishedEventType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The published type of a stored payload type (a class name), if it is published. */
    public Optional<PublishedEventType> byPayloadType(String payloadType) {
        return Optional.ofNullable(byPayloadType.get(payloadType));
    }
}
