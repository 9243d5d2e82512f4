package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.CreateToolchain;
import com.zephycloud.ledger.command.catalog.RemoveToolchain;
import com.zephycloud.ledger.command.catalog.UpdateToolchain;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.catalog.FindToolchain;
import com.zephycloud.ledger.query.catalog.ListToolchainMachines;
import com.zephycloud.ledger.query.catalog.ListToolchains;
import com.zephycloud.ledger.query.catalog.MachinesByProvider;
import com.zephycloud.ledger.query.catalog.ToolchainPage;
import com.zephycloud.ledger.query.catalog.ToolchainQueries;
import com.zephycloud.ledger.query.catalog.ToolchainView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "Toolchains" section, plus toolchains/create and toolchains/remove. */
@RestController
@RequestMapping("/admin")
public class ToolchainEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final JdbcCatalogRegister register;
    private final ToolchainIdAllocator ids;
    private final Clock clock;

    public ToolchainEndpoints(Commands commands, Queries queries, JdbcCatalogRegister register,
                              ToolchainIdAllocator ids, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.register = register;
        this.ids = ids;
        this.clock = clock;
    }

    @RequestMapping(path = "/toolchains/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListToolchains query = new ListToolchains(CatalogParams.date(params, clock),
                params.order(ToolchainQueries.ORDER), params.paging());
        params.done();
        return ApiResponse.page(queries.ask(query, ToolchainPage.class));
    }

    @RequestMapping(path = "/toolchains/show", method = {GET, POST})
    public ApiResponse show(ApiParams params) {
        FindToolchain query = new FindToolchain(params.requiredText("toolchain_name"), CatalogParams.date(params, clock));
        params.done();
        return ApiResponse.ok(queries.find(query, ToolchainView.class).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "no toolchain '" + query.name() + "' at date " + query.at().getEpochSecond())));
    }

    @RequestMapping(path = "/toolchains/list_machines", method = {GET, POST})
    public ApiResponse listMachines(ApiParams params) {
        ListToolchainMachines query = new ListToolchainMachines(params.requiredText("toolchain_name"),
                params.optionalText("provider"), CatalogParams.date(params, clock));
        params.done();
        requireToolchain(query.toolchain());
        return ApiResponse.ok(queries.ask(query, MachinesByProvider.class).machines());
    }

    @RequestMapping(path = "/toolchains/create", method = {GET, POST})
    public ApiResponse create(ApiParams params) {
        String name = params.requiredText("toolchain_name");
        Zephycoins fixedPrice = params.optionalCoins("fixed_price");
        if (!params.has("fixed_price")) {
            params.reject("fixed_price: is required, expected a number of zephycoins");
        }
        int machineLimit = CatalogParams.requiredInteger(params, "machine_limit");
        Map<String, List<String>> machines = CatalogParams.machines(params);
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        params.done();
        long id = ids.next();
        commands.send(new CreateToolchain(id, name, fixedPrice, machineLimit, machines, clock.instant(), effectiveDate));
        return ApiResponse.ok(Map.of("toolchain_id", id));
    }

    @RequestMapping(path = "/toolchains/update", method = {GET, POST})
    public ApiResponse update(ApiParams params) {
        String name = params.requiredText("toolchain_name");
        Zephycoins fixedPrice = params.optionalCoins("fixed_price");
        Integer machineLimit = CatalogParams.integer(params, "machine_limit");
        Map<String, List<String>> machines = CatalogParams.machines(params);
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        if (fixedPrice == null && machineLimit == null && machines == null) {
            params.reject("give at least one of fixed_price, machine_limit, machines");
        }
        params.done();
        commands.send(new UpdateToolchain(requireToolchain(name), fixedPrice, machineLimit, machines, clock.instant(),
                effectiveDate));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/toolchains/remove", method = {GET, POST})
    public ApiResponse remove(ApiParams params) {
        String name = params.requiredText("toolchain_name");
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        params.done();
        commands.send(new RemoveToolchain(requireToolchain(name), clock.instant(), effectiveDate));
        return ApiResponse.ok();
    }

    private long requireToolchain(String name) {
        return register.toolchainId(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "no toolchain '" + name + "'; toolchains/list shows them"));
    }
}
