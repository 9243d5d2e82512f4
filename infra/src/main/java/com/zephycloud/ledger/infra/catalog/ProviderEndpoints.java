package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.CreateProvider;
import com.zephycloud.ledger.command.catalog.UpdateProvider;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.catalog.ListAllMachines;
import com.zephycloud.ledger.query.catalog.ListProviders;
import com.zephycloud.ledger.query.catalog.MachinesByProvider;
import com.zephycloud.ledger.query.catalog.ProviderPage;
import com.zephycloud.ledger.query.catalog.ProviderQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Admin API, "Providers" section, plus providers/create and providers/update. */
@RestController
@RequestMapping("/admin")
public class ProviderEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final JdbcCatalogRegister register;
    private final Clock clock;

    public ProviderEndpoints(Commands commands, Queries queries, JdbcCatalogRegister register, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.register = register;
        this.clock = clock;
    }

    @RequestMapping(path = "/providers/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        ListProviders query = new ListProviders(CatalogParams.date(params, clock), params.order(ProviderQueries.ORDER),
                params.paging());
        params.done();
        return ApiResponse.page(queries.ask(query, ProviderPage.class));
    }

    @RequestMapping(path = "/providers/list_all_machines", method = {GET, POST})
    public ApiResponse listAllMachines(ApiParams params) {
        ListAllMachines query = new ListAllMachines(CatalogParams.date(params, clock));
        params.done();
        return ApiResponse.ok(queries.ask(query, MachinesByProvider.class).machines());
    }

    @RequestMapping(path = "/providers/create", method = {GET, POST})
    public ApiResponse create(ApiParams params) {
        CreateProvider command = new CreateProvider(params.requiredText("provider_name"), params.requiredText("location"),
                params.requiredText("type"), CatalogParams.texts(params, "provider_specific"), clock.instant());
        params.done();
        if (register.exists(command.provider())) {
            throw new ApiException(HttpStatus.CONFLICT, "provider '" + command.provider() + "' already exists");
        }
        commands.send(command);
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/providers/update", method = {GET, POST})
    public ApiResponse update(ApiParams params) {
        UpdateProvider command = new UpdateProvider(params.requiredText("provider_name"), params.optionalText("location"),
                params.optionalText("type"), CatalogParams.texts(params, "provider_specific"), clock.instant());
        params.done();
        requireProvider(register, command.provider());
        commands.send(command);
        return ApiResponse.ok();
    }

    static void requireProvider(JdbcCatalogRegister register, String provider) {
        if (!register.exists(provider)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no provider '" + provider + "'; providers/list shows them");
        }
    }
}
