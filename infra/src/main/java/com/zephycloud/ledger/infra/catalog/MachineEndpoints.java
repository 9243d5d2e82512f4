package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.CreateMachine;
import com.zephycloud.ledger.command.catalog.MachineChange;
import com.zephycloud.ledger.command.catalog.RemoveMachine;
import com.zephycloud.ledger.command.catalog.UpdateMachine;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.EventStoreHead;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.catalog.FindMachine;
import com.zephycloud.ledger.query.catalog.ListMachinePriceHistory;
import com.zephycloud.ledger.query.catalog.ListMachineToolchains;
import com.zephycloud.ledger.query.catalog.ListMachines;
import com.zephycloud.ledger.query.catalog.MachinePage;
import com.zephycloud.ledger.query.catalog.MachinePriceHistory;
import com.zephycloud.ledger.query.catalog.MachineQueries;
import com.zephycloud.ledger.query.catalog.MachineVersionAt;
import com.zephycloud.ledger.query.catalog.MachineView;
import com.zephycloud.ledger.query.catalog.RecentMachineVersions;
import com.zephycloud.ledger.query.catalog.NameList;
import com.zephycloud.ledger.query.catalog.SettledMachineVersions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "Provider machines" section, plus machines/price_history. */
@RestController
@RequestMapping("/admin")
public class MachineEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final JdbcCatalogRegister register;
    private final SettledMachineVersions settledVersions;
    private final RecentMachineVersions recentVersions;
    private final EventStoreHead eventStoreHead;
    private final Clock clock;

    public MachineEndpoints(Commands commands, Queries queries, JdbcCatalogRegister register,
                            SettledMachineVersions settledVersions, RecentMachineVersions recentVersions,
                            EventStoreHead eventStoreHead, Clock clock) {
        this.commands = commands;
        this.settledVersions = settledVersions;
        this.recentVersions = recentVersions;
        this.eventStoreHead = eventStoreHead;
        this.queries = queries;
        this.register = register;
        this.clock = clock;
    }

    @RequestMapping(path = "/machines/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListMachines query = new ListMachines(params.requiredText("provider_name"), CatalogParams.date(params, clock),
                params.order(MachineQueries.ORDER), params.paging());
        params.done();
        ProviderEndpoints.requireProvider(register, query.provider());
        return ApiResponse.page(queries.ask(query, MachinePage.class));
    }

    @RequestMapping(path = "/machines/show", method = {GET, POST})
    public ApiResponse show(ApiParams params) {
        FindMachine query = new FindMachine(params.requiredText("provider_name"), params.requiredText("machine_name"),
                CatalogParams.date(params, clock));
        params.done();
        // A settled version is final, and one read at the event store's current head is what a
        // read would find: the projections' catch-up and the query bus have nothing to add to
        // them, and they are most of this lookup's time in the server.
        Optional<MachineView> machine = settledVersions.find(query);
        if (machine.isEmpty()) {
            long head = eventStoreHead.current();
            machine = recentVersions.find(query, head);
            if (machine.isEmpty()) {
                Optional<MachineVersionAt> version = queries.find(query, MachineVersionAt.class);
                version.ifPresent(found -> recentVersions.offer(query, head, found));
                machine = version.map(MachineVersionAt::machine);
            }
        }
        return ApiResponse.ok(machine.orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "no machine '" + query.machine() + "' at provider '" + query.provider()
                + "' at date " + query.at().getEpochSecond())));
    }

    @RequestMapping(path = "/machines/price_history", method = {GET, POST})
    public ApiResponse priceHistory(ApiParams params) {
        ListMachinePriceHistory query = new ListMachinePriceHistory(params.requiredText("provider_name"),
                params.requiredText("machine_name"));
        params.done();
        requireKnown(query.provider(), query.machine());
        return ApiResponse.ok(queries.ask(query, MachinePriceHistory.class).versions());
    }

    @RequestMapping(path = "/machines/create", method = {GET, POST})
    public ApiResponse create(ApiParams params) {
        CreateMachine command = new CreateMachine(params.requiredText("provider_name"),
                params.requiredText("machine_name"), CatalogParams.requiredInteger(params, "cores"),
                requiredLong(params, "ram"), CatalogParams.requiredInteger(params, "availability"),
                CatalogParams.numbers(params, "prices"),
                CatalogParams.requiredInteger(params, "price_sec_granularity"),
                CatalogParams.requiredInteger(params, "price_min_sec_granularity"),
                required(params, "cost_per_hour"), params.requiredText("cost_currency"),
                CatalogParams.requiredInteger(params, "cost_sec_granularity"),
                CatalogParams.requiredInteger(params, "cost_min_sec_granularity"),
                params.optionalBoolean("auto_update", false), clock.instant(),
                params.optionalEpochSeconds("effective_date"));
        params.done();
        commands.send(command);
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/machines/update", method = {GET, POST})
    public ApiResponse update(ApiParams params) {
        String provider = params.requiredText("provider_name");
        String machine = params.requiredText("machine_name");
        MachineChange change = new MachineChange(CatalogParams.integer(params, "cores"), params.optionalLong("ram"),
                CatalogParams.integer(params, "availability"), CatalogParams.numbers(params, "prices"),
                CatalogParams.integer(params, "price_sec_granularity"),
                CatalogParams.integer(params, "price_min_sec_granularity"), params.optionalDecimal("cost_per_hour"),
                params.optionalText("cost_currency"), CatalogParams.integer(params, "cost_sec_granularity"),
                CatalogParams.integer(params, "cost_min_sec_granularity"),
                params.has("auto_update") ? params.optionalBoolean("auto_update", false) : null);
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        if (change.isEmpty()) {
            params.reject("give at least one field to change: cores, ram, availability, prices, price_sec_granularity,"
                    + " price_min_sec_granularity, cost_per_hour, cost_currency, cost_sec_granularity,"
                    + " cost_min_sec_granularity, auto_update");
        }
        params.done();
        requireKnown(provider, machine);
        commands.send(new UpdateMachine(provider, machine, change, clock.instant(), effectiveDate));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/machines/remove", method = {GET, POST})
    public ApiResponse remove(ApiParams params) {
        RemoveMachine command = new RemoveMachine(params.requiredText("provider_name"),
                params.requiredText("machine_name"), clock.instant(), params.optionalEpochSeconds("effective_date"));
        params.done();
        requireKnown(command.provider(), command.machine());
        commands.send(command);
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/machines/list_toolchains", method = {GET, POST})
    public ApiResponse listToolchains(ApiParams params) {
        ListMachineToolchains query = new ListMachineToolchains(params.requiredText("provider_name"),
                params.requiredText("machine_name"), CatalogParams.date(params, clock));
        params.done();
        requireKnown(query.provider(), query.machine());
        return ApiResponse.ok(queries.ask(query, NameList.class).names());
    }

    private void requireKnown(String provider, String machine) {
        if (!register.knows(provider, machine)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no machine '" + machine + "' at provider '" + provider
                    + "'; machines/list shows them");
        }
    }

    private static long requiredLong(ApiParams params, String name) {
        if (!params.has(name)) {
            params.reject(name + ": is required, expected an integer");
        }
        Long value = params.optionalLong(name);
        return value == null ? 0 : value;
    }

    private static java.math.BigDecimal required(ApiParams params, String name) {
        if (!params.has(name)) {
            params.reject(name + ": is required, expected a number");
        }
        return params.optionalDecimal(name);
    }
}
