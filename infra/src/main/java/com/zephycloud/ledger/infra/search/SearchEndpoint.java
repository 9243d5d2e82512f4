package com.zephycloud.ledger.infra.search;

import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.search.Search;
import com.zephycloud.ledger.query.search.SearchResults;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * {@code admin/search}, the admin dashboard's search box (not in the reference): users whose id is
 * the term or whose login or email starts with it, and projects whose uid starts with it, at most
 * {@code limit} of each ({@value #DEFAULT_LIMIT} unless given, up to {@value #MAX_LIMIT}).
 */
@RestController
@RequestMapping("/admin")
public class SearchEndpoint {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final Queries queries;

    public SearchEndpoint(Queries queries) {
        this.queries = queries;
    }

    @RequestMapping(path = "/search", method = {GET, POST})
    public ApiResponse search(ApiParams params) {
        String term = params.requiredText("term");
        Integer limit = params.optionalInt("limit", 1);
        if (limit != null && limit > MAX_LIMIT) {
            params.reject("limit: expected at most " + MAX_LIMIT + ", got " + limit);
        }
        params.done();
        return ApiResponse.ok(queries.ask(new Search(term, limit == null ? DEFAULT_LIMIT : limit),
                SearchResults.class));
    }
}
