package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.ChangePricingConstants;
import com.zephycloud.ledger.command.catalog.CreateMachine;
import com.zephycloud.ledger.command.catalog.CreateProvider;
import com.zephycloud.ledger.command.catalog.CreateToolchain;
import com.zephycloud.ledger.command.catalog.PricingConstantsChange;
import com.zephycloud.ledger.command.catalog.SetExchangeRate;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The embedded demo (a file database, {@code jdbc:h2:file:}) starts with the admin API
 * reference's example catalog, sent through the same commands an admin would send, so that its
 * history is real history. It loads only into an empty catalog; a fresh PostgreSQL install
 * starts empty. {@code zephy.catalog.demo-data=false} turns it off.
 */
@Component
public class CatalogDemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoLoader.class);

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final ToolchainIdAllocator toolchainIds;
    private final Clock clock;
    private final boolean enabled;
    private final String databaseUrl;

    public CatalogDemoLoader(Commands commands, JdbcTemplate jdbc, ToolchainIdAllocator toolchainIds, Clock clock,
                             @Value("${zephy.catalog.demo-data}") boolean enabled,
                             @Value("${spring.datasource.url}") String databaseUrl) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.toolchainIds = toolchainIds;
        this.clock = clock;
        this.enabled = enabled;
        this.databaseUrl = databaseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !databaseUrl.startsWith("jdbc:h2:file:") || !catalogIsEmpty()) {
            return;
        }
        log.info("empty catalog in the embedded demo database: loading the demo catalog");
        commands.send(new SetExchangeRate("dollar", new BigDecimal("0.85"), clock.instant(), null));
        commands.send(new SetExchangeRate("yuan", new BigDecimal("0.13"), clock.instant(), null));
        commands.send(new ChangePricingConstants(new PricingConstantsChange("dollar", 1, 60, "euro", 300, 300,
                new BigDecimal("0.05"), new BigDecimal("0.05"), new BigDecimal("4"),
                Map.of("root", BigDecimal.ONE, "gold", BigDecimal.valueOf(2), "silver", BigDecimal.valueOf(4),
                        "bronze", BigDecimal.TEN), Zephycoins.of("0.01")), clock.instant(), null));
        for (String provider : List.of("aws_eu", "aws_eu_spot")) {
            commands.send(new CreateProvider(provider, "eu", provider.endsWith("spot") ? "aws_spot" : "aws",
                    Map.of("region", "eu-west-1"), clock.instant()));
        }
        machine("c5.xlarge", 4, 8_589_934_592L, "0.19", "0.38", "0.76", "1.9", "0.025");
        machine("c5.2xlarge", 8, 17_179_869_184L, "0.34", "0.68", "1.36", "3.40", "0.051");
        Map<String, List<String>> machines = Map.of("aws_eu", List.of("c5.xlarge", "c5.2xlarge"));
        for (String toolchain : List.of("upload_and_anal", "upload_and_link")) {
            commands.send(new CreateToolchain(toolchainIds.next(), toolchain, Zephycoins.of("0.1"), 1, machines,
                    clock.instant(), null));
        }
    }

    /**
     * The reference's example prices are set by hand (they do not follow the formula, see
     * docs/catalog.md), so the demo machines keep them: auto_update is off.
     */
    private void machine(String name, int cores, long ram, String root, String gold, String silver, String bronze,
                         String cost) {
        commands.send(new CreateMachine("aws_eu", name, cores, ram, 400,
                Map.of("root", new BigDecimal(root), "gold", new BigDecimal(gold), "silver", new BigDecimal(silver),
                        "bronze", new BigDecimal(bronze)), 500, 500, new BigDecimal(cost), "dollar", 1, 60, false,
                clock.instant(), null));
    }

    private boolean catalogIsEmpty() {
        Long providers = jdbc.queryForObject("SELECT count(*) FROM catalog_provider_register", Long.class);
        Long pricing = jdbc.queryForObject("SELECT count(*) FROM catalog_pricing_register", Long.class);
        return providers == 0 && pricing == 0;
    }
}
