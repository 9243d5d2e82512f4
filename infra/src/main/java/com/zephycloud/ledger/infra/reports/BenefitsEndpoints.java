package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.reports.BenefitsReport;
import com.zephycloud.ledger.query.reports.FindBenefits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** The benefits made per user over the window (from, to]; see docs/reports.md. */
@RestController
@RequestMapping("/admin")
public class BenefitsEndpoints {

    /** The reference's allowed values. */
    static final List<String> CURRENCIES = List.of("euro", "dollar", "yuan");

    private final Queries queries;
    private final ReportWindowParams windows;
    private final String defaultCurrency;

    public BenefitsEndpoints(Queries queries, ReportWindowParams windows,
                             @Value("${zephy.reports.default-currency}") String defaultCurrency) {
        if (!CURRENCIES.contains(defaultCurrency)) {
            throw new IllegalArgumentException("zephy.reports.default-currency must be one of " + CURRENCIES
                    + ", got '" + defaultCurrency + "'");
        }
        this.queries = queries;
        this.windows = windows;
        this.defaultCurrency = defaultCurrency;
    }

    @RequestMapping(path = "/reports/benefits", method = {GET, POST})
    public ApiResponse benefits(ApiParams params) {
        ReportWindowParams.Window window = windows.read(params);
        String currency = params.optionalChoice("currency", BenefitsEndpoints::currency);
        Long userId = params.optionalId("user_id");
        params.done();
        BenefitsReport report = queries.ask(new FindBenefits(window.from(), window.to(),
                currency == null ? defaultCurrency : currency, userId), BenefitsReport.class);
        if (userId != null && report.users().isEmpty()) {
            throw ApiException.notFound("no user with user_id " + userId);
        }
        return ApiResponse.ok(report.users());
    }

    private static String currency(String text) {
        if (!CURRENCIES.contains(text)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", CURRENCIES) + ", got '" + text + "'");
        }
        return text;
    }
}
