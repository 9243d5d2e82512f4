package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.events.catalog.ProviderCreated;
import com.zephycloud.ledger.kernel.events.catalog.ProviderUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A cloud provider: where machines run. Its description is versioned like the rest of the catalog. */
public class Provider {

    public static final String PREFIX = "provider:";

    @AggregateIdentifier
    private String providerId;
    private String location;
    private String type;
    private Map<String, String> providerSpecific;

    protected Provider() {
    }

    public static String id(String provider) {
        return PREFIX + provider;
    }

    @CommandHandler
    public Provider(CreateProvider command) {
        CatalogNames.checkProvider(command.provider());
        apply(new ProviderCreated(command.provider(), required(command.location(), "location"),
                required(command.type(), "type"), specific(command.providerSpecific()), command.requestedAt()));
    }

    @CommandHandler
    public void handle(UpdateProvider command) {
        if (command.location() == null && command.type() == null && command.providerSpecific() == null) {
            throw new IllegalArgumentException("give at least one of location, type, provider_specific");
        }
        apply(new ProviderUpdated(command.provider(),
                command.location() == null ? location : command.location(),
                command.type() == null ? type : command.type(),
                command.providerSpecific() == null ? providerSpecific : specific(command.providerSpecific()),
                command.requestedAt()));
    }

    private static String required(String value, String parameter) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(parameter + ": is required, expected a non-empty string");
        }
        return value;
    }

    private static Map<String, String> specific(Map<String, String> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    @EventSourcingHandler
    void on(ProviderCreated event) {
        providerId = id(event.provider());
        location = event.location();
        type = event.type();
        providerSpecific = event.providerSpecific();
    }

    @EventSourcingHandler
    void on(ProviderUpdated event) {
        location = event.location();
        type = event.type();
        providerSpecific = event.providerSpecific();
    }
}
