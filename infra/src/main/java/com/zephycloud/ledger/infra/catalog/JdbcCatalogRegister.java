package com.zephycloud.ledger.infra.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.command.catalog.Machine;
import com.zephycloud.ledger.command.catalog.MachineDirectory;
import com.zephycloud.ledger.command.catalog.PricingHistory;
import com.zephycloud.ledger.command.catalog.PricingInputs;
import com.zephycloud.ledger.command.catalog.ProviderDirectory;
import com.zephycloud.ledger.command.catalog.ToolchainNames;
import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import com.zephycloud.ledger.kernel.events.catalog.ExchangeRateSet;
import com.zephycloud.ledger.kernel.events.catalog.MachineCreated;
import com.zephycloud.ledger.kernel.events.catalog.MachineRemoved;
import com.zephycloud.ledger.kernel.events.catalog.PricingConstantsChanged;
import com.zephycloud.ledger.kernel.events.catalog.ProviderCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's command-side registers: which providers and machines exist, which toolchain
 * names are taken, and the pricing inputs over time. Its handlers run on a subscribing
 * processor, in the transaction that stores the event, so commands never read a lagging view.
 */
@Component
@ProcessingGroup(JdbcCatalogRegister.PROCESSING_GROUP)
public class JdbcCatalogRegister implements ProviderDirectory, MachineDirectory, ToolchainNames, PricingHistory {

    public static final String PROCESSING_GROUP = "catalog-register";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public JdbcCatalogRegister(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventHandler
    void on(ProviderCreated event) {
        jdbc.update("INSERT INTO catalog_provider_register (provider) VALUES (?)", event.provider());
    }

    @EventHandler
    void on(MachineCreated event) {
        String id = Machine.id(event.provider(), event.machine());
        if (jdbc.update("UPDATE catalog_machine_register SET removed_us = NULL WHERE machine_id = ?", id) == 0) {
            jdbc.update("INSERT INTO catalog_machine_register (machine_id, provider, machine) VALUES (?, ?, ?)",
                    id, event.provider(), event.machine());
        }
    }

    @EventHandler
    void on(MachineRemoved event) {
        jdbc.update("UPDATE catalog_machine_register SET removed_us = ? WHERE machine_id = ?",
                Micros.of(event.effectiveAt()), Machine.id(event.provider(), event.machine()));
    }

    @EventHandler
    void on(PricingConstantsChanged event) {
        Stored latest = latest();
        record(event.effectiveAt(), new Stored(event.constants(), latest == null ? Map.of() : latest.ratesToEuro()));
    }

    @EventHandler
    void on(ExchangeRateSet event) {
        Stored latest = latest();
        Map<String, BigDecimal> rates = new HashMap<>(latest == null ? Map.of() : latest.ratesToEuro());
        rates.put(event.currency(), event.rateToEuro());
        record(event.effectiveAt(), new Stored(latest == null ? null : latest.constants(), rates));
    }

    @Override
    public boolean exists(String provider) {
        return count("SELECT count(*) FROM catalog_provider_register WHERE provider = ?", provider) > 0;
    }

    @Override
    public boolean isOffered(String provider, String machine) {
        return count("SELECT count(*) FROM catalog_machine_register WHERE machine_id = ? AND (removed_us IS NULL"
                + " OR removed_us > ?)", Machine.id(provider, machine), Micros.of(clock.instant())) > 0;
    }

    /** Whether the machine was ever created (removed or not). */
    public boolean knows(String provider, String machine) {
        return count("SELECT count(*) FROM catalog_machine_register WHERE machine_id = ?", Machine.id(provider, machine)) > 0;
    }

    @Override
    public List<String> offeredFrom(Instant from) {
        return jdbc.queryForList("SELECT machine_id FROM catalog_machine_register WHERE removed_us IS NULL"
                + " OR removed_us > ? ORDER BY machine_id", String.class, Micros.of(from));
    }

    @Override
    public void claim(long toolchainId, String name) {
        if (count("SELECT count(*) FROM catalog_toolchain_register WHERE name = ?", name) > 0) {
            throw new IllegalStateException("toolchain_name '" + name + "' is already taken");
        }
        try {
            jdbc.update("INSERT INTO catalog_toolchain_register (toolchain_id, name) VALUES (?, ?)", toolchainId, name);
        } catch (DuplicateKeyException raced) {
            throw new IllegalStateException("toolchain_name '" + name + "' was taken by a concurrent request");
        }
    }

    public Optional<Long> toolchainId(String name) {
        return jdbc.queryForList("SELECT toolchain_id FROM catalog_toolchain_register WHERE name = ?", Long.class, name)
                .stream().findFirst();
    }

    @Override
    public Optional<PricingInputs> at(Instant at) {
        return jdbc.queryForList("SELECT inputs FROM catalog_pricing_register WHERE valid_from_us <= ?"
                        + " ORDER BY valid_from_us DESC LIMIT 1", String.class, Micros.of(at)).stream()
                .map(this::read)
                .filter(stored -> stored.constants() != null)
                .map(stored -> new PricingInputs(stored.constants(), stored.ratesToEuro()))
                .findFirst();
    }

    @Override
    public List<Instant> changesAfter(Instant after) {
        return jdbc.queryForList("SELECT valid_from_us FROM catalog_pricing_register WHERE valid_from_us > ?"
                        + " ORDER BY valid_from_us", Long.class, Micros.of(after)).stream()
                .map(us -> Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000L))
                .toList();
    }

    /** The pricing inputs as stored; constants are null while only rates were set. */
    record Stored(PricingConstants constants, Map<String, BigDecimal> ratesToEuro) {
    }

    private Stored latest() {
        return jdbc.queryForList("SELECT inputs FROM catalog_pricing_register ORDER BY valid_from_us DESC LIMIT 1",
                String.class).stream().map(this::read).findFirst().orElse(null);
    }

    private void record(Instant at, Stored inputs) {
        long from = Micros.of(at);
        String text = write(inputs);
        if (jdbc.update("UPDATE catalog_pricing_register SET inputs = ? WHERE valid_from_us = ?", text, from) == 0) {
            jdbc.update("INSERT INTO catalog_pricing_register (valid_from_us, inputs) VALUES (?, ?)", from, text);
        }
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private String write(Stored inputs) {
        try {
            return json.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write pricing inputs", e);
        }
    }

    private Stored read(String text) {
        try {
            return json.readValue(text, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable pricing inputs in catalog_pricing_register: " + text, e);
        }
    }
}
